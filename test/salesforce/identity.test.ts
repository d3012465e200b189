import assert from 'node:assert/strict';
import type {ServerResponse} from 'node:http';
import {after, before, test} from 'node:test';
import {explainOAuthFailure} from '../../source/core/oauth-errors.js';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {
	getLatestApiVersion,
	getOrganization,
	getUserInfo,
} from '../../source/salesforce/identity.js';
import {startLocalServer} from './local-server.js';
import {loginWithDevice} from './login.js';

/**
 * An org on a local server that answers userinfo and the versions list (newest not last, as
 * order is not promised) and leaves every other path to `rest`.
 */
async function startFakeOrg(rest: (url: URL, response: ServerResponse) => void) {
	return startLocalServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://x');
		response.setHeader('content-type', 'application/json');
		if (url.pathname === '/services/oauth2/userinfo') {
			response.end(
				JSON.stringify({
					user_id: '005D0000001cAGmIAM',
					organization_id: '00DD00000008Uw2MAE',
					preferred_username: 'me@acme.example',
					name: 'Me',
					email: 'me@acme.example',
				}),
			);
		} else if (url.pathname === '/services/data/') {
			response.end(JSON.stringify([{version: '9.0'}, {version: '66.0'}, {version: '10.0'}]));
		} else {
			rest(url, response);
		}
	});
}

let emulator: RunningEmulator;

before(async () => {
	emulator = await startEmulator({records: 3});
});

after(async () => {
	await emulator.close();
});

test('the newest API version comes from /services/data/ without a token', async () => {
	const org = emulator.orgs[0];
	assert.ok(org);
	const version = await getLatestApiVersion({instanceUrl: org.myDomainUrl});
	assert.ok(version.ok, JSON.stringify(version));
	assert.match(version.value, /^\d{2,}\.0$/u);
	assert.ok(Number(version.value) >= 60);
});

test('userinfo names the user and the org of the token', async () => {
	const login = await loginWithDevice(emulator, 1);
	const org = emulator.orgs[1];
	assert.ok(org);
	const info = await getUserInfo({instanceUrl: login.instanceUrl, accessToken: login.accessToken});
	assert.ok(info.ok, JSON.stringify(info));
	assert.equal(info.value.userId, org.userId);
	assert.equal(info.value.orgId, org.orgId);
	assert.equal(info.value.username, org.username);
	assert.ok(info.value.name.length > 0);
	assert.match(info.value.email, /@/u);
	assert.equal(info.value.identityUrl, login.idUrl);
});

test('userinfo against the emulator names the org and whether it is a sandbox', async () => {
	const login = await loginWithDevice(emulator, 1);
	const org = emulator.orgs[1];
	assert.ok(org);
	const info = await getUserInfo({instanceUrl: login.instanceUrl, accessToken: login.accessToken});
	assert.ok(info.ok, JSON.stringify(info));
	assert.equal(info.value.organizationName, org.name);
	assert.equal(info.value.isSandbox, org.sandbox);
});

test('an org that refuses the Organization query still passes the identity check, without an org name', async () => {
	// Some users cannot read Organization (no API access to it): Salesforce answers INVALID_TYPE.
	const server = await startFakeOrg((_url, response) => {
		response.statusCode = 400;
		response.end(
			JSON.stringify([
				{errorCode: 'INVALID_TYPE', message: "sObject type 'Organization' is not supported."},
			]),
		);
	});
	try {
		const organization = await getOrganization({
			instanceUrl: server.url,
			accessToken: '00DD00000008Uw2!x',
			apiVersion: '66.0',
		});
		assert.ok(!organization.ok);
		assert.equal(
			organization.failure.kind === 'rest' && organization.failure.errors[0]?.errorCode,
			'INVALID_TYPE',
		);
		const info = await getUserInfo({instanceUrl: server.url, accessToken: '00DD00000008Uw2!x'});
		assert.ok(info.ok, JSON.stringify(info));
		assert.equal(info.value.username, 'me@acme.example');
		assert.equal(info.value.organizationName, undefined);
		assert.equal(info.value.isSandbox, undefined);
	} finally {
		await server.close();
	}
});

test('an expired session: userinfo answers Bad_OAuth_Token, explained', async () => {
	const login = await loginWithDevice(emulator);
	emulator.expireSessions(0);
	const info = await getUserInfo({instanceUrl: login.instanceUrl, accessToken: login.accessToken});
	assert.ok(!info.ok);
	assert.deepEqual(info.failure, {
		kind: 'http',
		step: 'userinfo',
		status: 403,
		contentType: info.failure.kind === 'http' ? info.failure.contentType : undefined,
		bodyPreview: 'Bad_OAuth_Token',
	});
	assert.match(explainOAuthFailure(info.failure).title, /token is not valid/u);
	assert.doesNotMatch(
		JSON.stringify(info.failure),
		new RegExp(login.accessToken.slice(16, 60), 'u'),
	);
});

test('an org that answers the Organization query gets its name and sandbox flag shown', async () => {
	const server = await startFakeOrg((url, response) => {
		if (
			url.pathname === '/services/data/v66.0/query' &&
			url.searchParams.get('q') === 'SELECT Name, IsSandbox FROM Organization'
		) {
			response.end(
				JSON.stringify({
					totalSize: 1,
					done: true,
					records: [{Name: 'Acme (UAT)', IsSandbox: true}],
				}),
			);
		} else {
			response.statusCode = 404;
			response.end('[]');
		}
	});
	try {
		const info = await getUserInfo({instanceUrl: server.url, accessToken: '00DD00000008Uw2!x'});
		assert.ok(info.ok, JSON.stringify(info));
		assert.equal(info.value.organizationName, 'Acme (UAT)');
		assert.equal(info.value.isSandbox, true);
		assert.equal(info.value.username, 'me@acme.example');
	} finally {
		await server.close();
	}
});
