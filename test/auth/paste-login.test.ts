import {test} from 'node:test';
import assert from 'node:assert/strict';
import {loginWithToken, resolveInstanceUrl} from '../../source/auth/paste-login.js';
import {withFreshToken, getSession} from '../../source/auth/session.js';
import {sendRestRequest} from '../../source/salesforce/rest.js';
import {secretAccount} from '../../source/store/orgs.js';
import {fileContext, loggedIn, testHttp, withEmulator} from './helpers.js';

test('a pasted token with a Bearer prefix and a line break is fixed, checked and saved without a refresh token', async (t) => {
	const {context: source} = await fileContext(t);
	const {context} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const org = emulator.orgs[0];
		assert.ok(org);
		const {accessToken} = await loggedIn(source, emulator);
		const result = await loginWithToken(context, {
			token: `Bearer ${accessToken}\n`,
			instanceUrl: org.myDomainUrl,
		});
		assert.ok(result.ok, JSON.stringify(result));
		assert.equal(result.value.accessToken, accessToken);
		assert.deepEqual(result.value.removed.length, 2);
		assert.equal(result.value.org.loginMethod, 'token');
		assert.equal(result.value.org.clientId, undefined);
		assert.equal(result.value.org.orgId, org.orgId);
		assert.equal(result.value.org.instanceUrl, org.myDomainUrl);
		assert.deepEqual(await context.secrets.read(secretAccount(result.value.org)), {accessToken});
	});
});

test('a pasted token whose session ends cannot be refreshed: log in again, said plainly', async (t) => {
	const {context: source} = await fileContext(t);
	const {context} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const org = emulator.orgs[0];
		assert.ok(org);
		const {accessToken} = await loggedIn(source, emulator);
		assert.ok(
			(await loginWithToken(context, {token: accessToken, instanceUrl: org.myDomainUrl})).ok,
		);
		emulator.expireSessions();
		const session = await getSession(context);
		assert.ok(session.ok);
		const result = await withFreshToken(context, session.value, async (current) =>
			sendRestRequest({
				instanceUrl: current.org.instanceUrl,
				accessToken: current.accessToken,
				method: 'GET',
				path: '/services/oauth2/userinfo',
				client: testHttp,
			}),
		);
		assert.ok(!result.ok);
		assert.equal(result.problem.code, 'login-again');
		assert.match(result.problem.cause, /cannot be renewed/u);
		assert.match(result.problem.fix, /paste a new token/u);
	});
});

test('a token the org refuses (ended, or another org’s) is explained', async (t) => {
	const {context: source} = await fileContext(t);
	const {context} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const other = emulator.orgs[1];
		assert.ok(other);
		const {accessToken} = await loggedIn(source, emulator, 0);
		const result = await loginWithToken(context, {
			token: accessToken,
			instanceUrl: other.myDomainUrl,
		});
		assert.ok(!result.ok);
		assert.equal(result.problem.code, 'bad-token');
		assert.match(result.problem.title, /refused/u);
		assert.deepEqual(context.orgs.list(), []);
	});
});

test('a placeholder or a refresh token is refused before anything is sent', async (t) => {
	const {context} = await fileContext(t);
	for (const token of ['[REDACTED]', '5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJJRUnLPdEXAMPLE', '']) {
		const result = await loginWithToken(context, {
			token,
			instanceUrl: 'https://acme.my.salesforce.com',
		});
		assert.ok(!result.ok, token);
		assert.equal(result.problem.code, 'bad-token', token);
	}
});

test('instance URLs: an org URL becomes its My Domain, login hosts and plain http are refused', () => {
	assert.deepEqual(resolveInstanceUrl('https://acme.lightning.force.com/lightning/page/home'), {
		ok: true,
		url: 'https://acme.my.salesforce.com',
	});
	assert.deepEqual(resolveInstanceUrl('https://eu11.salesforce.com'), {
		ok: true,
		url: 'https://eu11.salesforce.com',
	});
	assert.deepEqual(resolveInstanceUrl('http://127.0.0.1:4321'), {
		ok: true,
		url: 'http://127.0.0.1:4321',
	});
	const login = resolveInstanceUrl('login');
	assert.ok(!login.ok);
	assert.match(login.message, /where people log in/u);
	assert.equal(resolveInstanceUrl('http://acme.example.com').ok, false);
	assert.equal(resolveInstanceUrl('nonsense').ok, false);
});
