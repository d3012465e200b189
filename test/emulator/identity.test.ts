import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {expectOAuthError, manualClock, postForm, readJson, type TokenResponse} from './helpers.js';
import {tokensFor} from './tokens.js';

let emulator: RunningEmulator;
let tokens: TokenResponse;

before(async () => {
	// A fixed clock: every use of the token restarts its inactivity timer, so `exp` must not drift.
	emulator = await startEmulator({records: 5, now: manualClock().now});
	tokens = await tokensFor(emulator, 1);
});
after(async () => emulator.close());

const bearer = (token: string) => ({headers: {Authorization: `Bearer ${token}`}});

test('the identity URL answers with the user, org and {version} URLs', async () => {
	const org = emulator.orgs[1];
	assert.ok(org);
	assert.equal(tokens.id, `${emulator.loginUrl}/id/${org.orgId}/${org.userId}`);
	const response = await fetch(tokens.id, bearer(tokens.access_token));
	assert.equal(response.status, 200);
	const identity = await readJson<Record<string, unknown> & {urls: Record<string, string>}>(
		response,
	);
	assert.equal(identity['id'], tokens.id);
	assert.equal(identity['user_id'], org.userId);
	assert.equal(identity['organization_id'], org.orgId);
	assert.equal(identity['username'], org.username);
	assert.equal(identity['user_type'], 'STANDARD');
	assert.equal(identity.urls['rest'], `${org.myDomainUrl}/services/data/v{version}/`);
	assert.equal(identity.urls['custom_domain'], org.myDomainUrl);
});

test('the identity URL accepts oauth_token, OAuth scheme, 15-character ids and ?version=', async () => {
	const org = emulator.orgs[1];
	assert.ok(org);
	const byParameter = await fetch(
		`${tokens.id}?oauth_token=${encodeURIComponent(tokens.access_token)}&version=62.0`,
	);
	assert.equal(byParameter.status, 200);
	const identity = await readJson<{urls: Record<string, string>}>(byParameter);
	assert.equal(identity.urls['query'], `${org.myDomainUrl}/services/data/v62.0/query/`);
	const short = await fetch(`${emulator.loginUrl}/id/${org.orgId15}/${org.userId.slice(0, 15)}`, {
		headers: {Authorization: `OAuth ${tokens.access_token}`},
	});
	assert.equal(short.status, 200);
	await short.body?.cancel();
	const onMyDomain = await fetch(
		`${org.myDomainUrl}/id/${org.orgId}/${org.userId}`,
		bearer(tokens.access_token),
	);
	assert.equal(onMyDomain.status, 200);
	await onMyDomain.body?.cancel();
});

test('a bad token on the identity URL is 403 text Bad_OAuth_Token', async () => {
	for (const init of [
		{},
		bearer('00D000000000000!nope'),
		bearer(`${tokens.access_token.slice(0, 100)}`),
	]) {
		const response = await fetch(tokens.id, init);
		assert.equal(response.status, 403);
		assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
		assert.equal(await response.text(), 'Bad_OAuth_Token');
	}
	const otherOrg = emulator.orgs[0];
	assert.ok(otherOrg);
	const wrongHost = await fetch(
		`${otherOrg.myDomainUrl}${new URL(tokens.id).pathname}`,
		bearer(tokens.access_token),
	);
	assert.equal(wrongHost.status, 403);
	assert.equal(await wrongHost.text(), 'Bad_OAuth_Token');
});

test('another user identity URL is refused', async () => {
	const other = emulator.orgs[0];
	assert.ok(other);
	const response = await fetch(
		`${emulator.loginUrl}/id/${other.orgId}/${other.userId}`,
		bearer(tokens.access_token),
	);
	assert.equal(response.status, 403);
	assert.notEqual(await response.text(), '');
});

test('userinfo answers the OpenID fields on the login service and the instance', async () => {
	const org = emulator.orgs[1];
	assert.ok(org);
	for (const base of [emulator.loginUrl, org.myDomainUrl]) {
		const response = await fetch(`${base}/services/oauth2/userinfo`, bearer(tokens.access_token));
		assert.equal(response.status, 200);
		const info = await readJson(response);
		assert.equal(info['sub'], tokens.id);
		assert.equal(info['user_id'], org.userId);
		assert.equal(info['organization_id'], org.orgId);
		assert.equal(info['preferred_username'], org.username);
		assert.equal(info['email'], 'admin@acme.demo.invalid');
		assert.equal(info['active'], true);
	}
	const bad = await fetch(`${emulator.loginUrl}/services/oauth2/userinfo`, bearer('nope'));
	assert.equal(bad.status, 403);
	assert.equal(await bad.text(), 'Bad_OAuth_Token');
});

test('introspection: active access and refresh tokens, inactive otherwise', async () => {
	const introspect = `${emulator.loginUrl}/services/oauth2/introspect`;
	const client = {client_id: emulator.clientId, client_secret: emulator.clientSecret};
	const access = await readJson(
		await postForm(introspect, {
			...client,
			token: tokens.access_token,
			token_type_hint: 'access_token',
		}),
	);
	assert.equal(access['active'], true);
	assert.equal(access['scope'], tokens.scope);
	assert.equal(access['client_id'], emulator.clientId);
	assert.equal(access['username'], emulator.orgs[1]?.username);
	assert.equal(access['sub'], tokens.id);
	assert.equal(access['token_type'], 'access_token');
	const iat = Math.floor(Number(tokens.issued_at) / 1000);
	assert.equal(access['iat'], iat);
	assert.equal(access['nbf'], iat);
	assert.equal(access['exp'], iat + 7200);

	const basic = `Basic ${Buffer.from(`${emulator.clientId}:${emulator.clientSecret}`).toString('base64')}`;
	const refresh = await readJson(
		await postForm(introspect, {token: tokens.refresh_token ?? ''}, {Authorization: basic}),
	);
	assert.equal(refresh['active'], true);
	assert.equal(refresh['token_type'], 'refresh_token');

	assert.deepEqual(await readJson(await postForm(introspect, {...client, token: 'nope'})), {
		active: false,
	});
});

test('introspection needs the client secret', async () => {
	const introspect = `${emulator.loginUrl}/services/oauth2/introspect`;
	await expectOAuthError(
		await postForm(introspect, {client_id: emulator.clientId, token: tokens.access_token}),
		'invalid_client',
		'invalid client credentials',
		401,
	);
	await expectOAuthError(
		await postForm(introspect, {client_id: 'nobody', token: tokens.access_token}),
		'invalid_client_id',
	);
});
