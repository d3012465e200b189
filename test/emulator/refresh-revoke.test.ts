import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	startEmulator,
	type EmulatorOptions,
	type RunningEmulator,
} from '../../source/emulator/index.js';
import {expectOAuthError, postForm, readJson, type TokenResponse} from './helpers.js';
import {refreshWith, restStatus, tokensFor} from './tokens.js';

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

test('refresh without rotation: a new access token, no refresh_token, same refresh token reusable', async () => {
	await withEmulator({}, async (emulator) => {
		const first = await tokensFor(emulator);
		assert.ok(first.refresh_token);
		const response = await refreshWith(emulator, first.refresh_token);
		assert.equal(response.status, 200);
		const refreshed = await readJson<TokenResponse>(response);
		assert.equal(refreshed.refresh_token, undefined);
		assert.notEqual(refreshed.access_token, first.access_token);
		assert.equal(refreshed.scope, first.scope);
		assert.equal(refreshed.instance_url, first.instance_url);
		const again = await refreshWith(emulator, first.refresh_token);
		assert.equal(again.status, 200);
		await again.body?.cancel();
		// The old access token stays valid: a refresh starts a new session, it does not end the old one.
		assert.equal(await restStatus(first.access_token, first.instance_url), 200);
	});
});

test('refresh after expireSessions brings REST back', async () => {
	await withEmulator({}, async (emulator) => {
		const first = await tokensFor(emulator);
		emulator.expireSessions();
		assert.equal(await restStatus(first.access_token, first.instance_url), 401);
		const refreshed = await readJson<TokenResponse>(
			await refreshWith(emulator, first.refresh_token ?? ''),
		);
		assert.equal(await restStatus(refreshed.access_token, refreshed.instance_url), 200);
	});
});

test('refresh with rotation: a new refresh token each time; reusing an old one revokes everything', async () => {
	await withEmulator({refreshTokenRotation: true}, async (emulator) => {
		const first = await tokensFor(emulator);
		const second = await readJson<TokenResponse>(
			await refreshWith(emulator, first.refresh_token ?? ''),
		);
		assert.match(second.refresh_token ?? '', /^5Aep861/);
		assert.notEqual(second.refresh_token, first.refresh_token);
		const third = await readJson<TokenResponse>(
			await refreshWith(emulator, second.refresh_token ?? ''),
		);
		assert.ok(third.refresh_token);
		assert.equal(await restStatus(third.access_token, third.instance_url), 200);

		await expectOAuthError(
			await refreshWith(emulator, first.refresh_token ?? ''),
			'invalid_grant',
			'expired access/refresh token',
		);
		await expectOAuthError(await refreshWith(emulator, third.refresh_token), 'invalid_grant');
		assert.equal(await restStatus(third.access_token, third.instance_url), 401);
		assert.equal(await restStatus(first.access_token, first.instance_url), 401);
	});
});

test('an unknown refresh token is invalid_grant "expired access/refresh token"', async () => {
	await withEmulator({}, async (emulator) => {
		await expectOAuthError(
			await refreshWith(emulator, '5Aep861nothing'),
			'invalid_grant',
			'expired access/refresh token',
		);
	});
});

test('a refresh token of one org is refused on another org My Domain, accepted on its own', async () => {
	await withEmulator({}, async (emulator) => {
		const tokens = await tokensFor(emulator, 0);
		const [production, sandbox] = emulator.orgs;
		assert.ok(production && sandbox);
		await expectOAuthError(
			await refreshWith(emulator, tokens.refresh_token ?? '', sandbox.myDomainUrl),
			'invalid_grant',
		);
		const own = await refreshWith(emulator, tokens.refresh_token ?? '', production.myDomainUrl);
		assert.equal(own.status, 200);
		await own.body?.cancel();
	});
});

test('revoking an access token kills only that token', async () => {
	await withEmulator({}, async (emulator) => {
		const tokens = await tokensFor(emulator);
		const other = await readJson<TokenResponse>(
			await refreshWith(emulator, tokens.refresh_token ?? ''),
		);
		const response = await postForm(`${emulator.loginUrl}/services/oauth2/revoke`, {
			token: tokens.access_token,
		});
		assert.equal(response.status, 200);
		assert.equal(await response.text(), '');
		assert.equal(await restStatus(tokens.access_token, tokens.instance_url), 401);
		assert.equal(await restStatus(other.access_token, other.instance_url), 200);
		const refreshed = await refreshWith(emulator, tokens.refresh_token ?? '');
		assert.equal(refreshed.status, 200);
		await refreshed.body?.cancel();
	});
});

test('revoking a refresh token (GET ?token=) kills it and all its access tokens', async () => {
	await withEmulator({}, async (emulator) => {
		const tokens = await tokensFor(emulator);
		const other = await readJson<TokenResponse>(
			await refreshWith(emulator, tokens.refresh_token ?? ''),
		);
		const unrelated = await tokensFor(emulator);
		const response = await fetch(
			`${emulator.loginUrl}/services/oauth2/revoke?token=${encodeURIComponent(tokens.refresh_token ?? '')}`,
		);
		assert.equal(response.status, 200);
		await response.body?.cancel();
		assert.equal(await restStatus(tokens.access_token, tokens.instance_url), 401);
		assert.equal(await restStatus(other.access_token, other.instance_url), 401);
		assert.equal(await restStatus(unrelated.access_token, unrelated.instance_url), 200);
		await expectOAuthError(
			await refreshWith(emulator, tokens.refresh_token ?? ''),
			'invalid_grant',
		);
	});
});

test('revoke errors: unsupported_token_type and invalid_token', async () => {
	await withEmulator({}, async (emulator) => {
		const revoke = `${emulator.loginUrl}/services/oauth2/revoke`;
		await expectOAuthError(await postForm(revoke, {}), 'unsupported_token_type');
		await expectOAuthError(await postForm(revoke, {token: 'hello'}), 'unsupported_token_type');
		const tokens = await tokensFor(emulator);
		const once = await postForm(revoke, {token: tokens.access_token});
		assert.equal(once.status, 200);
		await once.body?.cancel();
		await expectOAuthError(await postForm(revoke, {token: tokens.access_token}), 'invalid_token');
		await expectOAuthError(
			await postForm(revoke, {token: `${emulator.orgs[0]?.orgId15 ?? ''}!unknown`}),
			'invalid_token',
		);
	});
});
