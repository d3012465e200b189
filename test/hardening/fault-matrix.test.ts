// The faults the emulator cannot inject (test/salesforce/faults.test.ts covers the ones it can):
// every network step × connection refused, DNS failure, TLS failure, latency past the timeout and
// 503 with Retry-After, one test per cell. Each cell: a Failure naming the step and the fault (or,
// for a REST request, the 503 response itself), an explanation that names the step, no unhandled
// rejection, and at the server: POST, PATCH and DELETE sent exactly once; GET and device polling
// retried (they are safe to repeat).
import assert from 'node:assert/strict';
import http from 'node:http';
import type {LookupFunction} from 'node:net';
import {after, before, test} from 'node:test';
import {explainOAuthFailure, stepPhrase} from '../../source/core/oauth-errors.js';
import type {Failure, Result, Step} from '../../source/salesforce/failure.js';
import {createHttpClient, type HttpClient} from '../../source/salesforce/http.js';
import {getLatestApiVersion, getUserInfo} from '../../source/salesforce/identity.js';
import {pollDeviceToken, requestDeviceCode} from '../../source/salesforce/oauth-device.js';
import {refreshAccessToken} from '../../source/salesforce/oauth-tokens.js';
import {exchangeAuthorizationCode} from '../../source/salesforce/oauth-web.js';
import {sendRestRequest} from '../../source/salesforce/rest.js';
import {startLocalServer, type LocalServer} from '../salesforce/local-server.js';

const accessToken = '00D5g000004ABCD!AQ0AQFaultMatrixAccessToken.0123456789abcdefghijklmnop';
const refreshToken = '5Aep861FaultMatrixRefreshToken0123456789abcdefghijklmnopqrstuv';
const codeVerifier = 'FaultMatrixVerifier'.padEnd(64, 'v');
const secrets = [accessToken, refreshToken, codeVerifier];
const retryLimit = 2;

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => {
	unhandled.push(reason);
};

process.on('unhandledRejection', onUnhandled);

/** How the step's request reaches the fault: a base URL and the client to send with. */
type Target = {readonly base: string; readonly client: HttpClient};

type StepCase = {
	readonly label: string;
	readonly step: Step;
	/** Whether a transient failure may be retried: GET and device polling. */
	readonly repeatable: boolean;
	/** REST requests return any status as a response; the others turn it into a Failure. */
	readonly rest: boolean;
	readonly run: (target: Target) => Promise<Result<unknown>>;
};

const rest =
	(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', step: 'request' | 'load-more' = 'request') =>
	async ({base, client}: Target) =>
		sendRestRequest({
			instanceUrl: base,
			accessToken,
			method,
			path:
				step === 'load-more'
					? '/services/data/v62.0/query/01gxx0000000001-2000'
					: '/services/data/v62.0/sobjects/Account/001xx000003DGb2AAG',
			...(method === 'GET' ? {} : {body: '{"Name":"fault"}'}),
			step,
			client,
		});

const steps: StepCase[] = [
	{
		label: 'device code request',
		step: 'device-code',
		repeatable: false,
		rest: false,
		run: async ({base, client}) => requestDeviceCode({loginUrl: base, clientId: 'cid'}, {client}),
	},
	{
		label: 'device poll',
		step: 'device-poll',
		repeatable: true,
		rest: false,
		run: async ({base, client}) =>
			pollDeviceToken({loginUrl: base, clientId: 'cid', deviceCode: 'dc'}, {client}),
	},
	{
		label: 'token exchange',
		step: 'token-exchange',
		repeatable: false,
		rest: false,
		run: async ({base, client}) =>
			exchangeAuthorizationCode(
				{
					loginUrl: base,
					clientId: 'cid',
					code: 'aPrxFaultCode==',
					redirectUri: 'http://localhost:1717/OauthRedirect',
					codeVerifier,
				},
				{client},
			),
	},
	{
		label: 'refresh',
		step: 'refresh',
		repeatable: false,
		rest: false,
		run: async ({base, client}) =>
			refreshAccessToken({loginUrl: base, clientId: 'cid', refreshToken}, {client}),
	},
	{
		label: 'userinfo',
		step: 'userinfo',
		repeatable: true,
		rest: false,
		run: async ({base, client}) =>
			getUserInfo({instanceUrl: base, accessToken, apiVersion: '62.0'}, {client}),
	},
	{
		label: '/services/data/ discovery',
		step: 'versions',
		repeatable: true,
		rest: false,
		run: async ({base, client}) => getLatestApiVersion({instanceUrl: base}, {client}),
	},
	{label: 'GET request', step: 'request', repeatable: true, rest: true, run: rest('GET')},
	{label: 'POST request', step: 'request', repeatable: false, rest: true, run: rest('POST')},
	{label: 'PATCH request', step: 'request', repeatable: false, rest: true, run: rest('PATCH')},
	{label: 'DELETE request', step: 'request', repeatable: false, rest: true, run: rest('DELETE')},
	{
		label: 'load more',
		step: 'load-more',
		repeatable: true,
		rest: true,
		run: rest('GET', 'load-more'),
	},
];

// Retries never wait here: the sleep returns at once (the delays are tested in http.test.ts).
const noWait = async () => Promise.resolve();
const plainClient = createHttpClient({
	timeoutMs: 300,
	totalTimeoutMs: 1500,
	retryLimit,
	sleep: noWait,
});
const failingLookup: LookupFunction = (hostname, _options, callback) => {
	callback(
		Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {code: 'ENOTFOUND'}),
		'',
		4,
	);
};

const dnsAgent = new http.Agent({lookup: failingLookup});
let closedUrl: string;
let silent: LocalServer;
let busy: LocalServer;
let selfSigned: LocalServer;

before(async () => {
	const closed = await startLocalServer(() => undefined);
	closedUrl = closed.url;
	await closed.close();
	silent = await startLocalServer(() => undefined);
	busy = await startLocalServer((_request, response) => {
		response.writeHead(503, {'retry-after': '1', 'content-type': 'text/plain'});
		response.end('Service Unavailable');
	});
	selfSigned = await startLocalServer(
		(_request, response) => {
			response.end('{}');
		},
		{tls: true},
	);
});

after(async () => {
	process.off('unhandledRejection', onUnhandled);
	dnsAgent.destroy();
	await Promise.all([silent.close(), busy.close(), selfSigned.close()]);
});

type FaultCase = {
	readonly target: () => Target;
	/** The server whose hits count the attempts, when there is one. */
	readonly server?: () => LocalServer;
	readonly check: (result: Result<unknown>, step: StepCase) => void;
};

function failureOf(result: Result<unknown>): Failure {
	assert.equal(result.ok, false, `expected a failure, got ${JSON.stringify(result).slice(0, 200)}`);
	if (result.ok) throw new Error('unreachable');
	return result.failure;
}

function network(code: string, title: RegExp) {
	return (result: Result<unknown>) => {
		const failure = failureOf(result);
		assert.equal(failure.kind === 'network' && failure.code, code, JSON.stringify(failure));
		assert.match(explainOAuthFailure(failure).title, title);
	};
}

const faults: Record<string, FaultCase> = {
	'connection refused': {
		target: () => ({base: closedUrl, client: plainClient}),
		check: network('refused', /refused/u),
	},
	'DNS failure': {
		target: () => ({
			base: 'http://org.localhost:9',
			client: createHttpClient({
				timeoutMs: 300,
				retryLimit,
				sleep: noWait,
				agent: {http: dnsAgent},
			}),
		}),
		check: network('dns', /not found/u),
	},
	'TLS failure (self-signed)': {
		target: () => ({base: selfSigned.url, client: plainClient}),
		server: () => selfSigned,
		check: network('tls', /secure connection/u),
	},
	'latency past the timeout': {
		target: () => ({base: silent.url, client: plainClient}),
		server: () => silent,
		check: network('timeout', /in time/u),
	},
	'503 with Retry-After': {
		target: () => ({base: busy.url, client: plainClient}),
		server: () => busy,
		check(result, step) {
			if (step.rest) {
				assert.ok(result.ok, JSON.stringify(result));
				assert.equal((result.value as {status: number}).status, 503);
				return;
			}

			const failure = failureOf(result);
			assert.equal(failure.kind === 'http' && failure.status, 503, JSON.stringify(failure));
			const explanation = explainOAuthFailure(failure);
			assert.match(`${explanation.title} ${explanation.cause}`, /503|unavailable|trouble/iu);
		},
	},
};

for (const [faultName, fault] of Object.entries(faults)) {
	for (const step of steps) {
		test(`${step.label} × ${faultName}`, async () => {
			const server = fault.server?.();
			if (server) server.hits.length = 0;
			const result = await step.run(fault.target());
			fault.check(result, step);
			if (!result.ok) {
				assert.equal(result.failure.step, step.step);
				const explanation = explainOAuthFailure(result.failure);
				assert.ok(explanation.title.length > 0 && explanation.fix.length > 0);
				assert.ok(
					explanation.cause.includes(stepPhrase(step.step)),
					`"${explanation.cause}" does not name the step`,
				);
				const text = JSON.stringify(result.failure) + JSON.stringify(explanation);
				for (const secret of secrets) assert.ok(!text.includes(secret), 'a secret leaked');
			}

			if (server) {
				// TLS and timeouts are never retried; a 503 is, but only for what is safe to repeat.
				const retried = faultName.startsWith('503') && step.repeatable;
				const attempts = server.hits.length;
				if (faultName.startsWith('TLS')) assert.equal(attempts, 0, 'no HTTP request without TLS');
				else assert.equal(attempts, retried ? 1 + retryLimit : 1, server.hits.join(', '));
			}

			// Let any stray rejection of this cell surface before checking.
			await new Promise((resolve) => {
				setImmediate(resolve);
			});
			assert.deepEqual(unhandled, []);
		});
	}
}
