import {test} from 'node:test';
import assert from 'node:assert/strict';
import {logout} from '../../source/auth/logout.js';
import {refreshAccessToken, revokeToken} from '../../source/salesforce/oauth-tokens.js';
import {sendRestRequest} from '../../source/salesforce/rest.js';
import {secretAccount} from '../../source/store/orgs.js';
import {fileContext, loggedIn, testHttp, withEmulator} from './helpers.js';

async function status(instanceUrl: string, accessToken: string): Promise<number> {
	const response = await sendRestRequest({
		instanceUrl,
		accessToken,
		method: 'GET',
		path: '/services/oauth2/userinfo',
		client: testHttp,
	});
	assert.ok(response.ok);
	return response.value.status;
}

test('logout revokes both tokens at Salesforce and forgets the org and its tokens', async (t) => {
	const {context} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const login = await loggedIn(context, emulator, 0, 'acme');
		const stored = await context.secrets.read(secretAccount(login.org));
		assert.ok(stored?.refreshToken);
		assert.equal(await status(login.org.instanceUrl, login.accessToken), 200);

		const result = await logout(context, 'acme');
		assert.ok(result.ok, JSON.stringify(result));
		assert.equal(result.value.revoked, true);
		assert.equal(result.value.warning, undefined);
		assert.notEqual(await status(login.org.instanceUrl, login.accessToken), 200);
		const refresh = await refreshAccessToken(
			{loginUrl: emulator.loginUrl, clientId: emulator.clientId, refreshToken: stored.refreshToken},
			{client: testHttp},
		);
		assert.ok(!refresh.ok, 'the refresh token is dead too');
		assert.deepEqual(context.orgs.list(), []);
		assert.equal(await context.secrets.read(secretAccount(login.org)), undefined);
	});
});

test('the default org is the one logged out of when none is named', async (t) => {
	const {context} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		await loggedIn(context, emulator, 0, 'acme');
		await loggedIn(context, emulator, 1, 'uat');
		const result = await logout(context);
		assert.ok(result.ok);
		assert.equal(result.value.org.alias, 'uat');
		assert.deepEqual(
			context.orgs.list().map((org) => org.alias),
			['acme'],
		);
	});
});

test('Salesforce out of reach: forgotten here anyway, with a warning that the token may still work', async (t) => {
	const {context} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const login = await loggedIn(context, emulator);
		emulator.setFaults([{path: '/services/oauth2/revoke', fault: 'reset'}]);
		const result = await logout(context);
		assert.ok(result.ok, JSON.stringify(result));
		assert.equal(result.value.revoked, false);
		assert.match(result.value.warning ?? '', /may still be valid on the server/u);
		assert.deepEqual(context.orgs.list(), []);
		assert.equal(await context.secrets.read(secretAccount(login.org)), undefined);
		emulator.setFaults([]);
		assert.equal(await status(login.org.instanceUrl, login.accessToken), 200, 'indeed still valid');
	});
});

test('tokens that are already revoked count as revoked', async (t) => {
	const {context} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const login = await loggedIn(context, emulator);
		const stored = await context.secrets.read(secretAccount(login.org));
		assert.ok(stored?.refreshToken);
		assert.ok(
			(
				await revokeToken(
					{loginUrl: emulator.loginUrl, token: stored.refreshToken},
					{client: testHttp},
				)
			).ok,
		);
		const result = await logout(context);
		assert.ok(result.ok);
		assert.equal(result.value.revoked, true);
	});
});

test('an unknown org or no org at all is a problem, not a crash', async (t) => {
	const {context} = await fileContext(t);
	const none = await logout(context);
	assert.ok(!none.ok);
	assert.equal(none.problem.code, 'no-orgs');
	const unknown = await logout(context, 'nope');
	assert.ok(!unknown.ok);
	assert.equal(unknown.problem.code, 'unknown-org');
});
