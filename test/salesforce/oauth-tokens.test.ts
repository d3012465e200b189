import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {explainOAuthFailure} from '../../source/core/oauth-errors.js';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {getUserInfo} from '../../source/salesforce/identity.js';
import {
	parseTokenResponse,
	refreshAccessToken,
	revokeToken,
} from '../../source/salesforce/oauth-tokens.js';
import {loginWithDevice} from './login.js';

let emulator: RunningEmulator;

before(async () => {
	emulator = await startEmulator({records: 3});
});

after(async () => {
	await emulator.close();
});

test('parseTokenResponse splits the ids out of the identity URL and reads issued_at as ms', () => {
	const parsed = parseTokenResponse({
		access_token: '00DD00000008Uw2!ARkAQGppKf6n',
		refresh_token: '5Aep861',
		signature: 'hJuYICd2IHsjyTcFqTYiOr8THmgDmrcjgWaMp13X6dY=',
		scope: 'refresh_token api full',
		instance_url: 'https://eu11.salesforce.com/',
		id: 'https://login.salesforce.com/id/00DD00000008Uw2MAE/005D0000001cAGmIAM',
		token_type: 'Bearer',
		issued_at: '1477674717112',
	});
	assert.deepEqual(parsed, {
		ok: true,
		value: {
			accessToken: '00DD00000008Uw2!ARkAQGppKf6n',
			refreshToken: '5Aep861',
			instanceUrl: 'https://eu11.salesforce.com',
			idUrl: 'https://login.salesforce.com/id/00DD00000008Uw2MAE/005D0000001cAGmIAM',
			orgId: '00DD00000008Uw2MAE',
			userId: '005D0000001cAGmIAM',
			issuedAt: 1_477_674_717_112,
			scope: ['refresh_token', 'api', 'full'],
			tokenType: 'Bearer',
			signature: 'hJuYICd2IHsjyTcFqTYiOr8THmgDmrcjgWaMp13X6dY=',
		},
	});
});

test('parseTokenResponse names what is missing and falls back for issued_at', () => {
	assert.deepEqual(parseTokenResponse({access_token: 'x'}), {
		ok: false,
		problem: 'the token answer lacks instance_url, id',
	});
	const noIds = parseTokenResponse({
		access_token: 'x',
		instance_url: 'https://a',
		id: 'https://a/b',
	});
	assert.equal(noIds.ok, false);
	const fallback = parseTokenResponse(
		{
			access_token: 'x',
			instance_url: 'https://a',
			id: 'https://l/id/00DD00000008Uw2MAE/005D0000001cAGmIAM',
		},
		42,
	);
	assert.equal(fallback.ok && fallback.value.issuedAt, 42);
	assert.equal(parseTokenResponse('nope').ok, false);
});

test('refresh without rotation: a new access token, the same refresh token kept', async () => {
	const login = await loginWithDevice(emulator);
	assert.ok(login.refreshToken);
	const refreshed = await refreshAccessToken({
		loginUrl: emulator.loginUrl,
		clientId: emulator.clientId,
		refreshToken: login.refreshToken,
	});
	assert.ok(refreshed.ok, JSON.stringify(refreshed));
	assert.notEqual(refreshed.value.accessToken, login.accessToken);
	assert.equal(refreshed.value.refreshToken, login.refreshToken);
	assert.equal(refreshed.value.orgId, login.orgId);
});

test('refresh with rotation: the new refresh token is returned and the old one dies', async () => {
	emulator.configure({refreshTokenRotation: true});
	try {
		const login = await loginWithDevice(emulator);
		assert.ok(login.refreshToken);
		const params = {
			loginUrl: emulator.loginUrl,
			clientId: emulator.clientId,
			refreshToken: login.refreshToken,
		};
		const refreshed = await refreshAccessToken(params);
		assert.ok(refreshed.ok);
		assert.notEqual(refreshed.value.refreshToken, login.refreshToken);
		const reused = await refreshAccessToken(params);
		assert.ok(!reused.ok);
		assert.equal(reused.failure.kind === 'oauth' && reused.failure.error, 'invalid_grant');
	} finally {
		emulator.configure({refreshTokenRotation: false});
	}
});

test('refresh with an unknown refresh token: invalid_grant, explained, token not echoed', async () => {
	const refreshToken = '5Aep861NotARealRefreshTokenAtAll.abcdefghijklmnopqrstuvwxyz0123456789';
	const result = await refreshAccessToken({
		loginUrl: emulator.loginUrl,
		clientId: emulator.clientId,
		refreshToken,
	});
	assert.ok(!result.ok);
	assert.deepEqual(result.failure, {
		kind: 'oauth',
		step: 'refresh',
		status: 400,
		error: 'invalid_grant',
		description: 'expired access/refresh token',
	});
	assert.match(explainOAuthFailure(result.failure).fix, /Log in again/u);
	assert.doesNotMatch(JSON.stringify(result.failure), /NotARealRefreshToken/u);
});

test('revoking the access token ends the session', async () => {
	const login = await loginWithDevice(emulator);
	const session = {instanceUrl: login.instanceUrl, accessToken: login.accessToken};
	assert.ok((await getUserInfo(session)).ok);
	const revoked = await revokeToken({loginUrl: emulator.loginUrl, token: login.accessToken});
	assert.deepEqual(revoked, {ok: true, value: undefined});
	const after = await getUserInfo(session);
	assert.ok(!after.ok);
	assert.equal(after.failure.kind === 'http' && after.failure.bodyPreview, 'Bad_OAuth_Token');
	assert.match(explainOAuthFailure(after.failure).title, /token is not valid/u);
});

test('revoking the refresh token ends refreshes too', async () => {
	const login = await loginWithDevice(emulator);
	assert.ok(login.refreshToken);
	assert.ok((await revokeToken({loginUrl: emulator.loginUrl, token: login.refreshToken})).ok);
	const refreshed = await refreshAccessToken({
		loginUrl: emulator.loginUrl,
		clientId: emulator.clientId,
		refreshToken: login.refreshToken,
	});
	assert.ok(!refreshed.ok);
	const userinfo = await getUserInfo({
		instanceUrl: login.instanceUrl,
		accessToken: login.accessToken,
	});
	assert.equal(userinfo.ok, false);
});

test('revoking a token Salesforce does not know is a failure, explained', async () => {
	const result = await revokeToken({
		loginUrl: emulator.loginUrl,
		token: '00D000000000000!garbage.token.value',
	});
	assert.ok(!result.ok);
	assert.equal(result.failure.kind === 'oauth' && result.failure.step, 'revoke');
	assert.match(explainOAuthFailure(result.failure).title, /not revoked/u);
	assert.doesNotMatch(JSON.stringify(result.failure), /garbage\.token/u);
});
