// Every network step × every emulator fault, each cell one test: the step ends with the right
// Failure (or, for REST requests, the response as it came), names its step, and leaks no secret.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {explainOAuthFailure, stepPhrase} from '../../source/core/oauth-errors.js';
import {
	startEmulator,
	type FaultKind,
	type FaultRule,
	type RunningEmulator,
} from '../../source/emulator/index.js';
import type {Failure, Result, Step} from '../../source/salesforce/failure.js';
import {createHttpClient} from '../../source/salesforce/http.js';
import {getLatestApiVersion, getUserInfo} from '../../source/salesforce/identity.js';
import {pollDeviceToken, requestDeviceCode} from '../../source/salesforce/oauth-device.js';
import {
	refreshAccessToken,
	revokeToken,
	type TokenResponse,
} from '../../source/salesforce/oauth-tokens.js';
import {exchangeAuthorizationCode} from '../../source/salesforce/oauth-web.js';
import {
	classifyRestBody,
	sendRestRequest,
	type RestResponse,
} from '../../source/salesforce/rest.js';
import {loginWithDevice} from './login.js';

// The whole-answer limit (500 ms) is below the per-phase one (1 s) so that a dripping answer of a
// few chunks already runs out of time; ordinary answers here take milliseconds.
const client = createHttpClient({timeoutMs: 1000, totalTimeoutMs: 500, retryBackoffLimitMs: 1});
const version = 'v62.0';
let emulator: RunningEmulator;
let login: TokenResponse;
let deviceCode: string;
let nextRecordsUrl: string;
const secrets: string[] = [];

before(async () => {
	emulator = await startEmulator({records: 300});
	login = await loginWithDevice(emulator);
	const code = await requestDeviceCode({loginUrl: emulator.loginUrl, clientId: emulator.clientId});
	assert.ok(code.ok);
	deviceCode = code.value.deviceCode;
	const first = await sendRestRequest({
		instanceUrl: login.instanceUrl,
		accessToken: login.accessToken,
		method: 'GET',
		path: `/services/data/${version}/query?q=${encodeURIComponent('SELECT Id FROM Contact')}`,
		headers: {'Sforce-Query-Options': 'batchSize=200'},
	});
	assert.ok(first.ok);
	const next = (JSON.parse(first.value.body) as {nextRecordsUrl?: string}).nextRecordsUrl;
	assert.ok(next);
	nextRecordsUrl = next;
	assert.ok(login.refreshToken);
	secrets.push(login.accessToken, login.refreshToken, deviceCode, emulator.clientSecret);
});

after(async () => {
	await emulator.close();
});

/** json: the step parses a JSON answer; revoke: any 2xx will do; rest: any status is a response. */
type Family = 'json' | 'revoke' | 'rest';

type StepCase = {
	readonly step: Step;
	readonly label: string;
	readonly family: Family;
	readonly path: () => string | RegExp;
	readonly run: () => Promise<Result<unknown>>;
};

const session = () => ({instanceUrl: login.instanceUrl, accessToken: login.accessToken});
const tokenPath = () => '/services/oauth2/token';

const steps: StepCase[] = [
	{
		step: 'device-code',
		label: 'device code request',
		family: 'json',
		path: tokenPath,
		run: async () =>
			requestDeviceCode({loginUrl: emulator.loginUrl, clientId: emulator.clientId}, {client}),
	},
	{
		step: 'device-poll',
		label: 'device poll',
		family: 'json',
		path: tokenPath,
		run: async () =>
			pollDeviceToken(
				{loginUrl: emulator.loginUrl, clientId: emulator.clientId, deviceCode},
				{client},
			),
	},
	{
		step: 'token-exchange',
		label: 'token exchange',
		family: 'json',
		path: tokenPath,
		run: async () =>
			exchangeAuthorizationCode(
				{
					loginUrl: emulator.loginUrl,
					clientId: emulator.clientId,
					code: 'aPrxNotARealCode==',
					redirectUri: 'http://localhost:1717/OauthRedirect',
					codeVerifier: 'v'.repeat(64),
				},
				{client},
			),
	},
	{
		step: 'refresh',
		label: 'refresh',
		family: 'json',
		path: tokenPath,
		run: async () =>
			refreshAccessToken(
				{
					loginUrl: emulator.loginUrl,
					clientId: emulator.clientId,
					refreshToken: login.refreshToken ?? '',
				},
				{client},
			),
	},
	{
		step: 'revoke',
		label: 'revoke',
		family: 'revoke',
		path: () => '/services/oauth2/revoke',
		// A fresh token each time: faults that mangle a real answer need one the emulator knows.
		async run() {
			const fresh = await loginWithDevice(emulator);
			secrets.push(fresh.accessToken);
			return revokeToken({loginUrl: emulator.loginUrl, token: fresh.accessToken}, {client});
		},
	},
	{
		step: 'userinfo',
		label: 'userinfo',
		family: 'json',
		path: () => '/services/oauth2/userinfo',
		run: async () => getUserInfo({...session(), apiVersion: '62.0'}, {client}),
	},
	{
		step: 'versions',
		label: '/services/data/ discovery',
		family: 'json',
		path: () => /^\/services\/data\/?$/u,
		run: async () => getLatestApiVersion({instanceUrl: login.instanceUrl}, {client}),
	},
	{
		step: 'request',
		label: 'GET request',
		family: 'rest',
		path: () => `/services/data/${version}/limits`,
		run: async () =>
			sendRestRequest({
				...session(),
				method: 'GET',
				path: `/services/data/${version}/limits`,
				client,
			}),
	},
	{
		step: 'request',
		label: 'POST request',
		family: 'rest',
		path: () => `/services/data/${version}/sobjects/Account`,
		run: async () =>
			sendRestRequest({
				...session(),
				method: 'POST',
				path: `/services/data/${version}/sobjects/Account/`,
				body: '{"Name":"fault"}',
				client,
			}),
	},
	{
		step: 'load-more',
		label: 'load more',
		family: 'rest',
		path: () => nextRecordsUrl,
		run: async () =>
			sendRestRequest({
				...session(),
				method: 'GET',
				path: nextRecordsUrl,
				step: 'load-more',
				client,
			}),
	},
];

function failureOf(result: Result<unknown>): Failure {
	assert.equal(result.ok, false, `expected a failure, got ${JSON.stringify(result).slice(0, 300)}`);
	if (result.ok) throw new Error('unreachable');
	return result.failure;
}

function responseOf(result: Result<unknown>): RestResponse {
	assert.ok(result.ok, `expected a response, got ${JSON.stringify(result)}`);
	return result.value as RestResponse;
}

function expectNetwork(code: string) {
	return (result: Result<unknown>) => {
		const failure = failureOf(result);
		assert.equal(failure.kind === 'network' && failure.code, code, JSON.stringify(failure));
	};
}

function expectStatus(status: number) {
	return (result: Result<unknown>, family: Family) => {
		if (family === 'rest') {
			assert.equal(responseOf(result).status, status);
			return;
		}

		const failure = failureOf(result);
		// The emulator answers these with a REST error array, as Salesforce's servers do.
		assert.equal(failure.kind === 'rest' && failure.status, status, JSON.stringify(failure));
		assert.match(explainOAuthFailure(failure).title, /having trouble/u);
	};
}

const faults: Record<
	FaultKind,
	{rule: Omit<FaultRule, 'path'>; expect: (result: Result<unknown>, family: Family) => void}
> = {
	latency: {rule: {fault: 'latency', latencyMs: 2000}, expect: expectNetwork('timeout')},
	'status-500': {rule: {fault: 'status-500'}, expect: expectStatus(500)},
	'status-503': {rule: {fault: 'status-503', retryAfterSeconds: 0}, expect: expectStatus(503)},
	reset: {rule: {fault: 'reset'}, expect: expectNetwork('reset')},
	'html-error-page': {
		rule: {fault: 'html-error-page'},
		expect(result, family) {
			if (family === 'rest') {
				const response = responseOf(result);
				const body = classifyRestBody(
					response.status,
					response.headers['content-type'],
					response.body,
				);
				assert.equal(body.kind, 'html-page');
				return;
			}

			const failure = failureOf(result);
			assert.equal(failure.kind, 'html-page', JSON.stringify(failure));
			assert.equal(failure.kind === 'html-page' && failure.status, 200);
		},
	},
	'truncated-json': {
		rule: {fault: 'truncated-json'},
		expect(result, family) {
			if (family === 'json') {
				const failure = failureOf(result);
				assert.equal(failure.kind, 'bad-json', JSON.stringify(failure));
				assert.match(explainOAuthFailure(failure).title, /cut off/u);
				return;
			}

			// Revoke reads no body; a REST response is shown as it came, cut JSON and all.
			assert.equal(result.ok, true, JSON.stringify(result));
			if (family === 'rest') assert.throws(() => JSON.parse(responseOf(result).body) as unknown);
		},
	},
	'slow-drip': {
		rule: {fault: 'slow-drip', latencyMs: 200},
		expect(result, family) {
			// Revoke's answer has no body to drip.
			if (family === 'revoke') assert.equal(result.ok, true, JSON.stringify(result));
			else expectNetwork('timeout')(result);
		},
	},
};

for (const [kind, fault] of Object.entries(faults)) {
	for (const step of steps) {
		test(`${step.label} × ${kind}`, async () => {
			emulator.setFaults([{...fault.rule, path: step.path()}]);
			try {
				const result = await step.run();
				fault.expect(result, step.family);
				if (!result.ok) {
					assert.equal(result.failure.step, step.step);
					assert.ok(explainOAuthFailure(result.failure).cause.includes(stepPhrase(step.step)));
					const text =
						JSON.stringify(result.failure) + JSON.stringify(explainOAuthFailure(result.failure));
					for (const secret of secrets) assert.ok(!text.includes(secret), 'a secret leaked');
				}
			} finally {
				emulator.setFaults([]);
			}
		});
	}
}

test('a GET recovers from one 503 with Retry-After: 0 by retrying', async () => {
	emulator.setFaults([
		{path: /^\/services\/data\/?$/u, fault: 'status-503', retryAfterSeconds: 0, times: 1},
	]);
	const result = await getLatestApiVersion({instanceUrl: login.instanceUrl}, {client});
	emulator.setFaults([]);
	assert.ok(result.ok, JSON.stringify(result));
});

test('a POST is not retried: one 503 is the answer', async () => {
	emulator.setFaults([
		{
			path: `/services/data/${version}/sobjects/Account`,
			fault: 'status-503',
			retryAfterSeconds: 0,
			times: 1,
		},
	]);
	const result = await sendRestRequest({
		...session(),
		method: 'POST',
		path: `/services/data/${version}/sobjects/Account/`,
		body: '{"Name":"once"}',
		client,
	});
	emulator.setFaults([]);
	assert.equal(responseOf(result).status, 503);
});

test('a token exchange is not retried after a reset', async () => {
	// One reset, then the emulator would answer: a retry would turn the failure into an OAuth error.
	emulator.setFaults([{path: '/services/oauth2/token', fault: 'reset', times: 1}]);
	const result = await steps[2]!.run();
	emulator.setFaults([]);
	expectNetwork('reset')(result);
});
