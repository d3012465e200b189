// Every diagnosis row against the emulator: what really comes back for each mistake, through the
// real network layer, and what diagnose makes of it.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {createServer} from 'node:net';
import {diagnose, type Diagnosis} from '../../source/core/diagnose.js';
import {parseLimitInfo} from '../../source/core/limit-info.js';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {createHttpClient, type HttpClient} from '../../source/salesforce/http.js';
import {getLatestApiVersion} from '../../source/salesforce/identity.js';
import type {TokenResponse} from '../../source/salesforce/oauth-tokens.js';
import {sendRestRequest} from '../../source/salesforce/rest.js';
import {loginWithDevice} from '../salesforce/login.js';

let emulator: RunningEmulator;
let first: TokenResponse;
let second: TokenResponse;
let version: string;
const noRetries: HttpClient = createHttpClient({
	retryLimit: 0,
	timeoutMs: 300,
	totalTimeoutMs: 2000,
});

before(async () => {
	emulator = await startEmulator({records: 50});
	first = await loginWithDevice(emulator, 0);
	second = await loginWithDevice(emulator, 1);
	const latest = await getLatestApiVersion({instanceUrl: first.instanceUrl});
	assert.ok(latest.ok);
	version = latest.value;
});

after(async () => {
	await emulator.close();
});

type Call = {
	readonly path: string;
	readonly token?: string;
	readonly instanceUrl?: string;
	readonly canRefresh?: boolean;
	readonly client?: HttpClient;
};

/** Sends as the request screen does, and diagnoses what came back. */
async function call({
	path,
	token = first.accessToken,
	instanceUrl = first.instanceUrl,
	canRefresh = true,
	client,
}: Call): Promise<Diagnosis | undefined> {
	const result = await sendRestRequest({
		instanceUrl,
		accessToken: token,
		method: 'GET',
		path,
		...(client === undefined ? {} : {client}),
	});
	const limitInfo = result.ok
		? parseLimitInfo(result.value.headers['sforce-limit-info'])
		: undefined;
	const contentType = result.ok ? result.value.headers['content-type'] : undefined;
	return diagnose({
		request: {method: 'GET', path},
		outcome: result.ok
			? {
					kind: 'response',
					status: result.value.status,
					body: result.value.body,
					...(contentType === undefined ? {} : {contentType}),
					...(limitInfo === undefined ? {} : {limitInfo}),
				}
			: {kind: 'failure', failure: result.failure},
		token,
		target: {orgId: first.orgId, label: emulator.orgs[0]?.name ?? ''},
		knownOrgs: emulator.orgs.map((org) => ({orgId: org.orgId, label: org.name})),
		canRefresh,
	});
}

function kinds(diagnosis: Diagnosis | undefined): string[] {
	return diagnosis?.causes.map((cause) => cause.kind) ?? [];
}

test('a clean token works: nothing to diagnose', async () => {
	assert.equal(await call({path: '/services/apexrest/Contacts?limit=1'}), undefined);
});

test('mangled token (trailing line break): never leaves the machine, and f is the fix', async () => {
	const diagnosis = await call({
		path: '/services/apexrest/Contacts',
		token: `${first.accessToken}\n`,
	});
	assert.equal(diagnosis?.title, 'Not sent: the token holds characters HTTP cannot carry');
	assert.deepEqual(kinds(diagnosis), ['stray-characters']);
	assert.match(diagnosis?.causes[0]?.cause ?? '', /line break at 113/u);
});

test('mangled token that HTTP can carry (a no-break space inside): 401, the damage ranked first', async () => {
	const token = `${first.accessToken.slice(0, 40)}\u00A0${first.accessToken.slice(40)}`;
	const diagnosis = await call({path: '/services/apexrest/Contacts', token});
	assert.equal(diagnosis?.title, 'Salesforce refused the token (401 INVALID_SESSION_ID)');
	assert.deepEqual(kinds(diagnosis), ['stray-characters', 'expired']);
	assert.match(diagnosis?.causes[0]?.cause ?? '', /no-break space at 41/u);
});

test('the second org’s token sent to the first org’s instance: 401, the other org named first', async () => {
	const diagnosis = await call({path: '/services/apexrest/Contacts', token: second.accessToken});
	assert.deepEqual(kinds(diagnosis), ['other-org', 'expired']);
	assert.equal(
		diagnosis?.causes[0]?.cause,
		`The token is for ${emulator.orgs[1]?.name} (${emulator.orgs[1]?.orgId15}), not ${emulator.orgs[0]?.name} (${first.orgId}).`,
	);
	assert.equal(diagnosis?.causes[0]?.action, 'login-again');
});

test('an expired session: r refreshes with a refresh token, l logs in again without one', async () => {
	const token = (await loginWithDevice(emulator, 0)).accessToken;
	emulator.expireSessions(0);
	const withRefresh = await call({path: '/services/apexrest/Contacts', token});
	assert.deepEqual(
		withRefresh?.causes.map((cause) => [cause.kind, cause.action]),
		[['expired', 'refresh']],
	);
	const without = await call({path: '/services/apexrest/Contacts', token, canRefresh: false});
	assert.deepEqual(
		without?.causes.map((cause) => [cause.kind, cause.action]),
		[['expired', 'login-again']],
	);
	first = await loginWithDevice(emulator, 0);
});

test('NOT_FOUND on Apex REST: no @RestResource maps the path (mappings are case-sensitive)', async () => {
	const diagnosis = await call({path: '/services/apexrest/contacts'});
	assert.equal(diagnosis?.title, 'Salesforce answered 404 NOT_FOUND');
	assert.deepEqual(kinds(diagnosis), ['no-rest-resource']);
});

test('NOT_FOUND on a data path: a misspelt object', async () => {
	const diagnosis = await call({path: `/services/data/v${version}/sobjects/Acount/describe`});
	assert.deepEqual(kinds(diagnosis), ['not-found']);
});

test('INVALID_FIELD: the SOQL with the caret under the column', async () => {
	const diagnosis = await call({
		path: `/services/data/v${version}/query?q=${encodeURIComponent('SELECT Nme FROM Account')}`,
	});
	assert.equal(diagnosis?.title, 'The SOQL query is not valid (INVALID_FIELD)');
	assert.deepEqual(diagnosis?.marked && [diagnosis.marked.query, diagnosis.marked.caret], [
		'SELECT Nme FROM Account',
		'       ^',
	]);
	assert.match(diagnosis?.causes[0]?.cause ?? '', /^At row 1, column 8: No such column 'Nme'/u);
});

test('MALFORMED_QUERY: the reason from Salesforce', async () => {
	const diagnosis = await call({
		path: `/services/data/v${version}/query?q=${encodeURIComponent('SELEC Id FROM Account')}`,
	});
	assert.match(diagnosis?.title ?? '', /^The SOQL query is not valid \(MALFORMED_QUERY\)$/u);
	assert.equal(diagnosis?.causes[0]?.kind, 'bad-query');
});

test('REQUEST_LIMIT_EXCEEDED: the daily limit, with the usage from Sforce-Limit-Info', async () => {
	emulator.configure({dailyApiLimit: 1});
	try {
		await call({path: '/services/apexrest/Contacts?limit=1'});
		const diagnosis = await call({path: '/services/apexrest/Contacts?limit=1'});
		assert.equal(diagnosis?.title, 'Salesforce answered 403 REQUEST_LIMIT_EXCEEDED');
		assert.match(diagnosis?.causes[0]?.cause ?? '', /\(API usage \d+\/1\)\.$/u);
	} finally {
		emulator.configure({dailyApiLimit: 15_000});
	}
});

test('an HTML page instead of JSON', async () => {
	emulator.setFaults([{path: '/services/apexrest/Page', fault: 'html-error-page'}]);
	try {
		const diagnosis = await call({path: '/services/apexrest/Page'});
		assert.match(diagnosis?.title ?? '', /^A web page .*came back instead of JSON \(200\)$/u);
		assert.deepEqual(kinds(diagnosis), ['html-page']);
	} finally {
		emulator.setFaults([]);
	}
});

test('a timeout, a dropped connection and a refused one', async () => {
	emulator.setFaults([
		{path: '/services/apexrest/Slow', fault: 'latency', latencyMs: 3000},
		{path: '/services/apexrest/Reset', fault: 'reset'},
	]);
	try {
		const slow = await call({path: '/services/apexrest/Slow', client: noRetries});
		assert.equal(slow?.title, 'No answer in time');
		const reset = await call({path: '/services/apexrest/Reset', client: noRetries});
		assert.equal(reset?.title, 'The connection dropped');
	} finally {
		emulator.setFaults([]);
	}

	const closed = await freePort();
	const refused = await call({
		path: '/services/data/',
		instanceUrl: `http://127.0.0.1:${closed}`,
		client: noRetries,
	});
	assert.equal(refused?.title, 'Connection refused');
	assert.match(refused?.causes[0]?.fix ?? '', /emulator/u);
});

/** A loopback port nothing listens on. */
async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const address = server.address();
	await new Promise((resolve) => {
		server.close(resolve);
	});
	assert.ok(address !== null && typeof address === 'object');
	return address.port;
}
