import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	startEmulator,
	type EmulatorOptions,
	type RunningEmulator,
} from '../../source/emulator/index.js';
import {manualClock, postForm, readJson} from './helpers.js';
import {tokensFor} from './tokens.js';

async function withEmulator(
	options: EmulatorOptions,
	run: (emulator: RunningEmulator) => Promise<void>,
): Promise<void> {
	const emulator = await startEmulator({records: 5, ...options});
	try {
		await run(emulator);
	} finally {
		await emulator.close();
	}
}

async function expectInvalidSession(response: Response): Promise<void> {
	assert.equal(response.status, 401);
	assert.equal(response.headers.get('content-type'), 'application/json;charset=UTF-8');
	assert.equal(response.headers.get('sforce-limit-info'), null);
	assert.deepEqual(await response.json(), [
		{message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID'},
	]);
}

const limits = '/services/data/v62.0/limits';

test('the versions list needs no token and is not counted', async () => {
	await withEmulator({}, async (emulator) => {
		const org = emulator.orgs[0];
		assert.ok(org);
		for (const path of ['/services/data', '/services/data/']) {
			const response: Response = await fetch(`${org.myDomainUrl}${path}`);
			assert.equal(response.status, 200);
			assert.equal(response.headers.get('sforce-limit-info'), null);
			const versions = await readJson<Array<{version: string; url: string}>>(response);
			assert.ok(versions.some((entry) => entry.url === '/services/data/v62.0'));
		}
	});
});

test('REST with a good token: Sforce-Limit-Info counts every call, Bearer or OAuth scheme', async () => {
	await withEmulator({dailyApiLimit: 100}, async (emulator) => {
		const tokens = await tokensFor(emulator);
		const first = await fetch(`${tokens.instance_url}${limits}`, {
			headers: {Authorization: `Bearer ${tokens.access_token}`},
		});
		assert.equal(first.status, 200);
		assert.equal(first.headers.get('sforce-limit-info'), 'api-usage=1/100');
		await first.body?.cancel();
		const second = await fetch(`${tokens.instance_url}${limits}`, {
			headers: {Authorization: `OAuth ${tokens.access_token}`},
		});
		assert.equal(second.headers.get('sforce-limit-info'), 'api-usage=2/100');
		await second.body?.cancel();
	});
});

test('INVALID_SESSION_ID for missing, malformed, unknown, revoked and other-org tokens', async () => {
	await withEmulator({}, async (emulator) => {
		const tokens = await tokensFor(emulator, 0);
		const url = `${tokens.instance_url}${limits}`;
		await expectInvalidSession(await fetch(url));
		await expectInvalidSession(await fetch(url, {headers: {Authorization: tokens.access_token}}));
		await expectInvalidSession(
			await fetch(url, {headers: {Authorization: `Bearer ${tokens.access_token.slice(0, -1)}x`}}),
		);
		await expectInvalidSession(
			await fetch(url, {headers: {Authorization: `Bearer Bearer ${tokens.access_token}`}}),
		);
		await expectInvalidSession(await fetch(url, {headers: {Authorization: 'Bearer [REDACTED]'}}));
		const sandbox = emulator.orgs[1];
		assert.ok(sandbox);
		await expectInvalidSession(
			await fetch(`${sandbox.myDomainUrl}${limits}`, {
				headers: {Authorization: `Bearer ${tokens.access_token}`},
			}),
		);
		const revoked = await postForm(`${emulator.loginUrl}/services/oauth2/revoke`, {
			token: tokens.access_token,
		});
		assert.equal(revoked.status, 200);
		await revoked.body?.cancel();
		await expectInvalidSession(
			await fetch(url, {headers: {Authorization: `Bearer ${tokens.access_token}`}}),
		);
	});
});

test('sessions expire after sessionTimeoutSeconds of inactivity; each use pushes the timeout back', async () => {
	const clock = manualClock();
	await withEmulator({now: clock.now, sessionTimeoutSeconds: 100}, async (emulator) => {
		const tokens = await tokensFor(emulator);
		const call = async () =>
			fetch(`${tokens.instance_url}${limits}`, {
				headers: {Authorization: `Bearer ${tokens.access_token}`},
			});
		clock.advance(99_000);
		const alive = await call();
		assert.equal(alive.status, 200);
		await alive.body?.cancel();
		clock.advance(99_000);
		const stillAlive = await call();
		assert.equal(stillAlive.status, 200);
		await stillAlive.body?.cancel();
		clock.advance(100_000);
		await expectInvalidSession(await call());
	});
});

test('expireSessions(orgIndex) expires only that org sessions', async () => {
	await withEmulator({}, async (emulator) => {
		const production = await tokensFor(emulator, 0);
		const sandbox = await tokensFor(emulator, 1);
		emulator.expireSessions(1);
		await expectInvalidSession(
			await fetch(`${sandbox.instance_url}${limits}`, {
				headers: {Authorization: `Bearer ${sandbox.access_token}`},
			}),
		);
		const alive = await fetch(`${production.instance_url}${limits}`, {
			headers: {Authorization: `Bearer ${production.access_token}`},
		});
		assert.equal(alive.status, 200);
		await alive.body?.cancel();
		assert.throws(() => {
			emulator.expireSessions(5);
		}, RangeError);
	});
});

test('REQUEST_LIMIT_EXCEEDED once the daily limit is used up, per org', async () => {
	await withEmulator({dailyApiLimit: 2}, async (emulator) => {
		const tokens = await tokensFor(emulator, 0);
		const other = await tokensFor(emulator, 1);
		const call = async (t = tokens) =>
			fetch(`${t.instance_url}${limits}`, {headers: {Authorization: `Bearer ${t.access_token}`}});
		for (let index = 0; index < 2; index++) {
			const ok = await call();
			assert.equal(ok.status, 200);
			await ok.body?.cancel();
		}
		const refused = await call();
		assert.equal(refused.status, 403);
		assert.equal(refused.headers.get('sforce-limit-info'), 'api-usage=2/2');
		assert.deepEqual(await refused.json(), [
			{message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED'},
		]);
		const otherOrg = await call(other);
		assert.equal(otherOrg.status, 200);
		await otherOrg.body?.cancel();
		emulator.configure({dailyApiLimit: 3});
		const raised = await call();
		assert.equal(raised.status, 200);
		assert.equal(raised.headers.get('sforce-limit-info'), 'api-usage=3/3');
		await raised.body?.cancel();
	});
});

test('the login service is not an instance: REST there is NOT_FOUND', async () => {
	await withEmulator({}, async (emulator) => {
		const tokens = await tokensFor(emulator);
		const response = await fetch(`${emulator.loginUrl}${limits}`, {
			headers: {Authorization: `Bearer ${tokens.access_token}`},
		});
		assert.equal(response.status, 404);
		const body = await readJson<Array<{errorCode: string}>>(response);
		assert.equal(body[0]?.errorCode, 'NOT_FOUND');
	});
});
