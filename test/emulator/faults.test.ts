import {after, before, beforeEach, test} from 'node:test';
import assert from 'node:assert/strict';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {postForm} from './helpers.js';

let emulator: RunningEmulator;
let token: string;
/** A token request whose real answer is a known JSON error. */
const request = async () =>
	postForm(token, {grant_type: 'refresh_token', refresh_token: 'x', client_id: 'nobody'});
const realBody = JSON.stringify({
	error: 'invalid_client_id',
	error_description: 'client identifier invalid',
});

before(async () => {
	emulator = await startEmulator({records: 5});
	token = `${emulator.loginUrl}/services/oauth2/token`;
});
beforeEach(() => {
	emulator.setFaults([]);
});
after(async () => emulator.close());

test('status-500 replaces the answer, and `times` limits how many requests it hits', async () => {
	emulator.setFaults([{path: '/services/oauth2/token', fault: 'status-500', times: 2}]);
	for (const expected of [500, 500, 400]) {
		const response = await request();
		assert.equal(response.status, expected);
		await response.body?.cancel();
	}
});

test('status-503 carries Retry-After when given', async () => {
	emulator.setFaults([
		{path: '/services/oauth2/token', fault: 'status-503', retryAfterSeconds: 30, times: 1},
		{path: '/services/oauth2/token', fault: 'status-503', times: 1},
	]);
	const first = await request();
	assert.equal(first.status, 503);
	assert.equal(first.headers.get('retry-after'), '30');
	await first.body?.cancel();
	const second = await request();
	assert.equal(second.status, 503);
	assert.equal(second.headers.get('retry-after'), null);
	await second.body?.cancel();
});

test('a fault on a path does not touch other paths; a RegExp path works', async () => {
	emulator.setFaults([{path: /^\/setup\//, fault: 'status-500'}]);
	const faulted = await fetch(`${emulator.loginUrl}/setup/connect`);
	assert.equal(faulted.status, 500);
	await faulted.body?.cancel();
	const clean = await request();
	assert.equal(clean.status, 400);
	await clean.body?.cancel();
});

test('a string path also matches everything below it, on every host', async () => {
	emulator.setFaults([{path: '/services/data', fault: 'status-500'}]);
	const org = emulator.orgs[1];
	assert.ok(org);
	const response = await fetch(`${org.myDomainUrl}/services/data/v62.0/limits`);
	assert.equal(response.status, 500);
	await response.body?.cancel();
});

test('reset destroys the socket without an answer', async () => {
	emulator.setFaults([{path: '/services/oauth2/token', fault: 'reset', times: 1}]);
	await assert.rejects(request(), TypeError);
	const after = await request();
	assert.equal(after.status, 400);
	await after.body?.cancel();
});

test('html-error-page answers 200 with an HTML maintenance page', async () => {
	emulator.setFaults([{path: '/services/oauth2/token', fault: 'html-error-page'}]);
	const response = await request();
	assert.equal(response.status, 200);
	assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
	assert.match(await response.text(), /Maintenance/);
});

test('truncated-json sends half of the real body, then ends cleanly', async () => {
	emulator.setFaults([{path: '/services/oauth2/token', fault: 'truncated-json'}]);
	const response = await request();
	assert.equal(response.status, 400);
	const body = await response.text();
	assert.equal(body, realBody.slice(0, Math.floor(realBody.length / 2)));
	assert.throws(() => JSON.parse(body) as unknown, SyntaxError);
});

test('slow-drip sends the real body in several small chunks', async () => {
	emulator.setFaults([{path: '/services/oauth2/token', fault: 'slow-drip', latencyMs: 1}]);
	const response = await request();
	assert.equal(response.status, 400);
	assert.ok(response.body);
	const decoder = new TextDecoder();
	let chunks = 0;
	let body = '';
	for await (const chunk of response.body) {
		chunks++;
		body += decoder.decode(chunk, {stream: true});
	}
	assert.equal(body, realBody);
	assert.ok(chunks > 1, `expected several chunks, got ${chunks}`);
});

test('latency holds the answer back: a client that gives up first sees no answer', async () => {
	emulator.setFaults([
		{path: '/services/oauth2/token', fault: 'latency', latencyMs: 60_000, times: 1},
	]);
	// The server's timer is 60 s and the client's 100 ms, both in this process: the client's
	// always fires first, so this asserts order, not a duration.
	await assert.rejects(
		fetch(token, {method: 'POST', signal: AbortSignal.timeout(100)}),
		(error: Error) => error.name === 'TimeoutError',
	);
	const next = await request();
	assert.equal(next.status, 400);
	await next.body?.cancel();
});

test('latency with a short delay still delivers the real answer', async () => {
	emulator.setFaults([{path: '/services/oauth2/token', fault: 'latency', latencyMs: 5}]);
	const response = await request();
	assert.equal(response.status, 400);
	assert.equal(await response.text(), realBody);
});

test('configure({faults}) sets the rules like setFaults', async () => {
	emulator.configure({faults: [{path: '/services/oauth2/token', fault: 'status-500', times: 1}]});
	const response = await request();
	assert.equal(response.status, 500);
	await response.body?.cancel();
});
