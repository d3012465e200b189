import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	ensureValidToken,
	getSession,
	isInvalidSession,
	withFreshToken,
	type Session,
} from '../../source/auth/session.js';
import type {AuthContext} from '../../source/auth/context.js';
import {revokeToken} from '../../source/salesforce/oauth-tokens.js';
import {sendRestRequest} from '../../source/salesforce/rest.js';
import {secretAccount} from '../../source/store/orgs.js';
import {fileContext, loggedIn, testHttp, withEmulator} from './helpers.js';

async function limits(session: Session) {
	return sendRestRequest({
		instanceUrl: session.org.instanceUrl,
		accessToken: session.accessToken,
		method: 'GET',
		path: `/services/data/v${session.org.apiVersion ?? '66.0'}/limits`,
		client: testHttp,
	});
}

async function sessionOf(context: AuthContext, name?: string): Promise<Session> {
	const session = await getSession(context, name);
	assert.ok(session.ok, JSON.stringify(session));
	return session.value;
}

test('an ended session is refreshed once, transparently; the call runs again and the new token is stored', async (t) => {
	const {context} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const login = await loggedIn(context, emulator);
		const before = await sessionOf(context);
		assert.equal(before.accessToken, login.accessToken);
		emulator.expireSessions();
		let calls = 0;
		const result = await withFreshToken(context, before, async (session) => {
			calls++;
			return limits(session);
		});
		assert.ok(result.ok, JSON.stringify(result));
		assert.equal(calls, 2);
		assert.equal(result.value.refreshed, true);
		assert.ok(result.value.value.ok && result.value.value.value.status === 200);
		assert.notEqual(result.value.session.accessToken, before.accessToken);
		const stored = await context.secrets.read(secretAccount(login.org));
		assert.equal(stored?.accessToken, result.value.session.accessToken);
		assert.equal((await sessionOf(context)).accessToken, result.value.session.accessToken);

		const again = await withFreshToken(context, result.value.session, limits);
		assert.ok(again.ok && !again.value.refreshed, 'a working session is not refreshed');
	});
});

test('with refresh token rotation, the new refresh token is stored', async (t) => {
	const {context} = await fileContext(t);
	await withEmulator({refreshTokenRotation: true}, async (emulator) => {
		const login = await loggedIn(context, emulator);
		const first = await context.secrets.read(secretAccount(login.org));
		emulator.expireSessions();
		const result = await withFreshToken(context, await sessionOf(context), limits);
		assert.ok(result.ok && result.value.refreshed);
		const second = await context.secrets.read(secretAccount(login.org));
		assert.ok(second?.refreshToken && first?.refreshToken);
		assert.notEqual(second.refreshToken, first.refreshToken);
		emulator.expireSessions();
		const third = await withFreshToken(context, await sessionOf(context), limits);
		assert.ok(third.ok && third.value.refreshed, 'the rotated refresh token works');
	});
});

test('calls racing into an ended session refresh once: with rotation a second refresh would revoke everything', async (t) => {
	const {context} = await fileContext(t);
	await withEmulator({refreshTokenRotation: true}, async (emulator) => {
		await loggedIn(context, emulator);
		const session = await sessionOf(context);
		emulator.expireSessions();
		const results = await Promise.all([
			withFreshToken(context, session, limits),
			withFreshToken(context, session, limits),
			withFreshToken(context, session, limits),
		]);
		for (const result of results) {
			assert.ok(result.ok, JSON.stringify(result));
			assert.ok(result.value.value.ok && result.value.value.value.status === 200);
		}

		assert.equal(
			new Set(results.map((result) => result.ok && result.value.session.accessToken)).size,
			1,
		);
	});
});

test('a token another run already refreshed is picked up from the store without asking Salesforce', async (t) => {
	const {context} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		await loggedIn(context, emulator);
		const stale = await sessionOf(context);
		emulator.expireSessions();
		const refreshed = await withFreshToken(context, stale, limits);
		assert.ok(refreshed.ok && refreshed.value.refreshed);
		emulator.setFaults([{path: '/services/oauth2/token', fault: 'status-500'}]);
		const again = await withFreshToken(context, stale, limits);
		assert.ok(again.ok, JSON.stringify(again));
		assert.equal(again.value.session.accessToken, refreshed.value.session.accessToken);
	});
});

test('a refresh Salesforce refuses means: log in again, with the command', async (t) => {
	const {context} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const login = await loggedIn(context, emulator, 0, 'acme');
		const stored = await context.secrets.read(secretAccount(login.org));
		assert.ok(stored?.refreshToken);
		const revoked = await revokeToken(
			{loginUrl: emulator.loginUrl, token: stored.refreshToken},
			{client: testHttp},
		);
		assert.ok(revoked.ok);
		const result = await withFreshToken(context, await sessionOf(context), limits);
		assert.ok(!result.ok);
		assert.equal(result.problem.code, 'login-again');
		assert.equal(result.problem.title, 'Log in to acme again');
		assert.equal(
			result.problem.fix,
			`Log in again: sftoken login --device --domain ${emulator.loginUrl} --client-id ${emulator.clientId} --alias acme (or choose the org on the login screen).`,
		);
		assert.equal(
			result.problem.failure?.kind === 'oauth' && result.problem.failure.error,
			'invalid_grant',
		);
	});
});

test('a refresh that cannot reach Salesforce is a network problem, not "log in again"', async (t) => {
	const {context} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		await loggedIn(context, emulator);
		emulator.expireSessions();
		emulator.setFaults([{path: '/services/oauth2/token', fault: 'reset'}]);
		const result = await withFreshToken(context, await sessionOf(context), limits);
		assert.ok(!result.ok);
		assert.equal(result.problem.code, 'failure');
		assert.equal(result.problem.failure?.kind, 'network');
	});
});

test('ensureValidToken: a working token as it is; an ended one refreshed', async (t) => {
	const {context} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const login = await loggedIn(context, emulator);
		const valid = await ensureValidToken(context, await sessionOf(context));
		assert.ok(valid.ok, JSON.stringify(valid));
		assert.equal(valid.value.refreshed, false);
		assert.equal(valid.value.accessToken, login.accessToken);
		emulator.expireSessions();
		const renewed = await ensureValidToken(context, await sessionOf(context));
		assert.ok(renewed.ok, JSON.stringify(renewed));
		assert.equal(renewed.value.refreshed, true);
		assert.notEqual(renewed.value.accessToken, login.accessToken);
	});
});

test('getSession: no orgs, an unknown org, an org whose tokens are gone', async (t) => {
	const {context} = await fileContext(t);
	const none = await getSession(context);
	assert.ok(!none.ok);
	assert.equal(none.problem.code, 'no-orgs');
	assert.match(none.problem.fix, /sftoken login --device/u);
	await withEmulator({}, async (emulator) => {
		const login = await loggedIn(context, emulator, 0, 'acme');
		const unknown = await getSession(context, 'globex');
		assert.ok(!unknown.ok);
		assert.equal(unknown.problem.code, 'unknown-org');
		assert.match(unknown.problem.fix, /sftoken orgs/u);
		await context.secrets.remove(secretAccount(login.org));
		const gone = await getSession(context, 'acme');
		assert.ok(!gone.ok);
		assert.equal(gone.problem.code, 'no-tokens');
		assert.match(gone.problem.cause, /secrets\.json/u);
		assert.match(gone.problem.fix, /sftoken login --device .* --alias acme/u);
	});
});

test('getSession picks the org named, and makes it the default', async (t) => {
	const {context} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		await loggedIn(context, emulator, 0, 'acme');
		await loggedIn(context, emulator, 1, 'uat');
		assert.equal((await sessionOf(context)).org.alias, 'uat');
		assert.equal((await sessionOf(context, 'acme')).org.alias, 'acme');
		assert.equal((await sessionOf(context)).org.alias, 'acme');
	});
});

test('isInvalidSession recognises every shape of an ended session, and nothing else', () => {
	const yes = [
		{
			ok: false,
			failure: {
				kind: 'rest',
				status: 401,
				errors: [{errorCode: 'INVALID_SESSION_ID', message: 'x'}],
			},
		},
		{ok: false, failure: {kind: 'http', status: 401, bodyPreview: ''}},
		{ok: false, failure: {kind: 'http', status: 403, bodyPreview: 'Bad_OAuth_Token'}},
		{ok: true, value: {status: 401, body: '[{"errorCode":"INVALID_SESSION_ID"}]'}},
		{ok: true, value: {status: 403, body: 'Bad_OAuth_Token\n'}},
	];
	const no = [
		undefined,
		'401',
		{ok: true, value: {status: 200, body: 'INVALID_SESSION_ID'}},
		{ok: true, value: {status: 403, body: '[{"errorCode":"INSUFFICIENT_ACCESS"}]'}},
		{ok: false, failure: {kind: 'network', code: 'refused'}},
		{ok: false, failure: {kind: 'oauth', status: 400, error: 'invalid_grant'}},
	];
	for (const value of yes) assert.equal(isInvalidSession(value), true, JSON.stringify(value));
	for (const value of no) assert.equal(isInvalidSession(value), false, JSON.stringify(value));
});
