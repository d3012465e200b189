import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {expectOAuthError, postForm, postMultipart} from './helpers.js';

let emulator: RunningEmulator;
let token: string;

before(async () => {
	emulator = await startEmulator({records: 5});
	token = `${emulator.loginUrl}/services/oauth2/token`;
});
after(async () => emulator.close());

test('an unknown grant type is unsupported_grant_type', async () => {
	const response = await postForm(token, {
		grant_type: 'client_credentials',
		client_id: emulator.clientId,
	});
	await expectOAuthError(response, 'unsupported_grant_type', 'grant type not supported');
	await expectOAuthError(
		await postForm(token, {}),
		'unsupported_grant_type',
		'grant type not supported',
	);
});

test('an unknown client id is invalid_client_id "client identifier invalid"', async () => {
	const requests: Array<Record<string, string>> = [
		{grant_type: 'refresh_token', refresh_token: 'x', client_id: 'nobody'},
		{response_type: 'device_code', client_id: 'nobody'},
		{grant_type: 'device', code: 'x'},
	];
	for (const fields of requests) {
		await expectOAuthError(
			await postForm(token, fields),
			'invalid_client_id',
			'client identifier invalid',
		);
	}
});

test('a wrong client secret is invalid_client, in the body or as HTTP Basic', async () => {
	const fields = {grant_type: 'refresh_token', refresh_token: 'x', client_id: emulator.clientId};
	await expectOAuthError(
		await postForm(token, {...fields, client_secret: 'wrong'}),
		'invalid_client',
		'invalid client credentials',
	);
	const basic = Buffer.from(`${emulator.clientId}:wrong`).toString('base64');
	await expectOAuthError(
		await postForm(
			token,
			{grant_type: 'refresh_token', refresh_token: 'x'},
			{Authorization: `Basic ${basic}`},
		),
		'invalid_client',
	);
	// The right secret gets past client authentication to the grant's own error.
	await expectOAuthError(
		await postForm(token, {...fields, client_secret: emulator.clientSecret}),
		'invalid_grant',
		'expired access/refresh token',
	);
});

test('the username-password flow answers like an org that blocks it: authentication failure', async () => {
	const [org] = emulator.orgs;
	assert.ok(org);
	const response = await postForm(token, {
		grant_type: 'password',
		client_id: emulator.clientId,
		client_secret: emulator.clientSecret,
		username: org.username,
		password: org.password,
	});
	await expectOAuthError(response, 'invalid_grant', 'authentication failure');
});

test('multipart/form-data bodies are read like urlencoded ones', async () => {
	await expectOAuthError(
		await postMultipart(token, {
			grant_type: 'refresh_token',
			refresh_token: 'x',
			client_id: 'nobody',
		}),
		'invalid_client_id',
	);
	const response = await postMultipart(token, {
		response_type: 'device_code',
		client_id: emulator.clientId,
	});
	assert.equal(response.status, 200);
	assert.deepEqual(Object.keys((await response.json()) as object).sort(), [
		'device_code',
		'interval',
		'user_code',
		'verification_uri',
	]);
});

test('GET on the token endpoint is refused with a JSON error', async () => {
	const response = await fetch(`${token}?grant_type=device`);
	await expectOAuthError(response, 'invalid_request');
});

test('errors are JSON with the Salesforce content type and are never cached', async () => {
	const response = await postForm(token, {grant_type: 'nope'});
	assert.equal(response.headers.get('content-type'), 'application/json;charset=UTF-8');
	assert.match(response.headers.get('cache-control') ?? '', /no-store/);
	await response.body?.cancel();
});

test('orgs are deterministic demo orgs: production first, then its sandbox', () => {
	const [production, sandbox] = emulator.orgs;
	assert.ok(production && sandbox);
	assert.equal(production.name, 'Acme Corporation');
	assert.equal(production.username, 'admin@acme.demo');
	assert.equal(production.password, 'demo-password-1');
	assert.equal(production.sandbox, false);
	assert.equal(sandbox.name, 'Acme Corporation (UAT sandbox)');
	assert.equal(sandbox.username, 'admin@acme.demo.uat');
	assert.equal(sandbox.sandbox, true);
	for (const org of emulator.orgs) {
		assert.match(org.orgId, /^00D\w{15}$/);
		assert.equal(org.orgId.slice(0, 15), org.orgId15);
		assert.match(org.userId, /^005\w{15}$/);
		assert.match(org.myDomainUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
		assert.notEqual(org.myDomainUrl, emulator.loginUrl);
	}
});
