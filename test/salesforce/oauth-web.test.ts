import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {after, before, test} from 'node:test';
import {
	buildAuthorizeUrl,
	createState,
	parseRedirectUrl,
	STATE_BYTES,
} from '../../source/core/authorize-url.js';
import {explainOAuthFailure, explainRedirectFailure} from '../../source/core/oauth-errors.js';
import {createPkcePair, PKCE_VERIFIER_BYTES} from '../../source/core/pkce.js';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {createHttpClient} from '../../source/salesforce/http.js';
import {
	startLoopbackListener,
	type LoopbackListener,
} from '../../source/salesforce/loopback-listener.js';
import {exchangeAuthorizationCode} from '../../source/salesforce/oauth-web.js';
import {approveWebLogin} from './browser.js';

// The emulator's app registers sf CLI's callback only (as a real app would), so the authorize
// request names it; the tests then deliver the redirect to the listener's own port.
const registeredCallback = 'http://localhost:1717/OauthRedirect';
const client = createHttpClient({timeoutMs: 2000});
let emulator: RunningEmulator;

before(async () => {
	emulator = await startEmulator({records: 3});
});

after(async () => {
	await emulator.close();
});

function user(index = 0) {
	const org = emulator.orgs[index];
	assert.ok(org);
	return org;
}

function newLogin(redirectUri = registeredCallback) {
	const pkce = createPkcePair(randomBytes(PKCE_VERIFIER_BYTES));
	const state = createState(randomBytes(STATE_BYTES));
	const url = buildAuthorizeUrl({
		loginUrl: emulator.loginUrl,
		clientId: emulator.clientId,
		redirectUri,
		codeChallenge: pkce.challenge,
		state,
		prompt: 'login',
	});
	return {pkce, state, url};
}

async function listen(expectedState: string, timeoutMs = 10_000): Promise<LoopbackListener> {
	const started = await startLoopbackListener({port: 0, expectedState, timeoutMs});
	assert.ok(started.ok, JSON.stringify(started));
	return started.value;
}

/** What the browser does after Salesforce's 302: load the redirect URL on the listener's port. */
async function deliver(listener: LoopbackListener, redirect: URL, path = redirect.pathname) {
	const response = await fetch(`http://127.0.0.1:${listener.port}${path}${redirect.search}`);
	return {status: response.status, html: await response.text(), headers: response.headers};
}

test('PKCE login through the loopback listener ends with a token for the chosen org', async () => {
	const login = newLogin();
	const listener = await listen(login.state);
	assert.match(listener.redirectUri, /^http:\/\/localhost:\d+\/OauthRedirect$/u);
	const redirect = await approveWebLogin(login.url, user(1));
	const waiting = listener.waitForCode();
	const page = await deliver(listener, redirect);
	assert.equal(page.status, 200);
	assert.match(page.html, /close this tab/u);
	assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
	const outcome = await waiting;
	assert.ok(outcome.ok, JSON.stringify(outcome));
	const token = await exchangeAuthorizationCode(
		{
			loginUrl: emulator.loginUrl,
			clientId: emulator.clientId,
			code: outcome.code,
			redirectUri: registeredCallback,
			codeVerifier: login.pkce.verifier,
		},
		{client},
	);
	assert.ok(token.ok, JSON.stringify(token));
	assert.equal(token.value.orgId, user(1).orgId);
	assert.equal(token.value.instanceUrl, user(1).myDomainUrl);
	assert.ok(token.value.scope.includes('api'));
	await listener.close();
});

test('PKCE login by pasting the redirect address back (SSH), line-wrapped and padded', async () => {
	const login = newLogin();
	const redirect = await approveWebLogin(login.url, user(0));
	const href = redirect.href;
	const pasted = `  ${href.slice(0, 40)}\n${href.slice(40)}\n`;
	const parsed = parseRedirectUrl(pasted, login.state);
	assert.ok(parsed.ok, JSON.stringify(parsed));
	const token = await exchangeAuthorizationCode(
		{
			loginUrl: emulator.loginUrl,
			clientId: emulator.clientId,
			code: parsed.code,
			redirectUri: registeredCallback,
			codeVerifier: login.pkce.verifier,
		},
		{client},
	);
	assert.ok(token.ok, JSON.stringify(token));
	assert.equal(token.value.userId, user(0).userId);
});

test('a redirect with the wrong state is refused by the listener and by paste-back', async () => {
	const login = newLogin();
	const listener = await listen('the-state-of-this-attempt');
	const redirect = await approveWebLogin(login.url, user(0));
	const waiting = listener.waitForCode();
	const page = await deliver(listener, redirect);
	assert.equal(page.status, 400);
	const outcome = await waiting;
	assert.ok(!outcome.ok);
	assert.equal(outcome.reason, 'state-mismatch');
	assert.match(explainRedirectFailure(outcome).title, /another login/u);
	const pasted = parseRedirectUrl(redirect.href, 'the-state-of-this-attempt');
	assert.equal(!pasted.ok && pasted.reason, 'state-mismatch');
});

test('Deny in the browser comes back as access_denied, explained', async () => {
	const login = newLogin();
	const listener = await listen(login.state);
	const redirect = await approveWebLogin(login.url, user(0), 'deny');
	const waiting = listener.waitForCode();
	const page = await deliver(listener, redirect);
	assert.equal(page.status, 400);
	const outcome = await waiting;
	assert.ok(!outcome.ok);
	assert.equal(outcome.reason, 'error-returned');
	assert.equal('error' in outcome && outcome.error, 'access_denied');
	assert.match(explainRedirectFailure(outcome).title, /denied/u);
	await listener.close();
});

test('an unregistered callback lands on Salesforce’s error page; pasting it explains the fix', async () => {
	const login = newLogin('http://localhost:9999/Elsewhere');
	const response = await fetch(login.url, {redirect: 'manual'});
	assert.equal(response.status, 302);
	const location = response.headers.get('location') ?? '';
	assert.match(location, /RemoteAccessErrorPage/u);
	const pasted = parseRedirectUrl(location, login.state);
	assert.equal(!pasted.ok && pasted.reason, 'error-returned');
	assert.ok(!pasted.ok);
	const explanation = explainRedirectFailure(pasted);
	assert.match(explanation.title, /callback URL is not registered/u);
});

test('a code works once: the second exchange is invalid_grant, explained', async () => {
	const login = newLogin();
	const redirect = await approveWebLogin(login.url, user(0));
	const parsed = parseRedirectUrl(redirect.href, login.state);
	assert.ok(parsed.ok);
	const params = {
		loginUrl: emulator.loginUrl,
		clientId: emulator.clientId,
		code: parsed.code,
		redirectUri: registeredCallback,
		codeVerifier: login.pkce.verifier,
	};
	assert.ok((await exchangeAuthorizationCode(params, {client})).ok);
	const again = await exchangeAuthorizationCode(params, {client});
	assert.ok(!again.ok);
	assert.equal(
		again.failure.kind === 'oauth' && again.failure.description,
		'invalid authorization code',
	);
	assert.match(explainOAuthFailure(again.failure).title, /login code was refused/u);
	assert.doesNotMatch(
		JSON.stringify(again.failure),
		new RegExp(parsed.code.slice(0, 20).replaceAll('.', '\\.'), 'u'),
	);
});

test('a wrong code verifier fails the PKCE check', async () => {
	const login = newLogin();
	const redirect = await approveWebLogin(login.url, user(0));
	const parsed = parseRedirectUrl(redirect.href, login.state);
	assert.ok(parsed.ok);
	const result = await exchangeAuthorizationCode(
		{
			loginUrl: emulator.loginUrl,
			clientId: emulator.clientId,
			code: parsed.code,
			redirectUri: registeredCallback,
			codeVerifier: createPkcePair(randomBytes(PKCE_VERIFIER_BYTES)).verifier,
		},
		{client},
	);
	assert.ok(!result.ok);
	assert.equal(result.failure.kind === 'oauth' && result.failure.error, 'invalid_request');
	assert.match(explainOAuthFailure(result.failure).title, /PKCE/u);
});

test('a busy port is a clear failure naming the port and the flag', async () => {
	const first = await listen('s');
	const second = await startLoopbackListener({port: first.port, expectedState: 's'});
	assert.ok(!second.ok);
	assert.equal(second.failure.kind === 'listener' && second.failure.code, 'port-busy');
	assert.match(
		second.failure.kind === 'listener' ? second.failure.message : '',
		new RegExp(`Port ${first.port} .*--port`, 'u'),
	);
	assert.match(
		explainOAuthFailure(second.failure).title,
		new RegExp(`Port ${first.port} is already in use`, 'u'),
	);
	await first.close();
});

test('the listener answers only its path, escapes what it echoes, and keeps waiting', async () => {
	const listener = await listen('s');
	const other = await fetch(`http://127.0.0.1:${listener.port}/favicon.ico`);
	assert.equal(other.status, 404);
	await other.text();
	const preflight = await fetch(`http://127.0.0.1:${listener.port}/OauthRedirect`, {
		method: 'OPTIONS',
	});
	assert.equal(preflight.status, 204);
	const waiting = listener.waitForCode();
	const hostile = await fetch(
		`http://127.0.0.1:${listener.port}/OauthRedirect?error=x&error_description=${encodeURIComponent('<script>alert(1)</script>')}&state=s`,
	);
	const html = await hostile.text();
	assert.doesNotMatch(html, /<script>/u);
	assert.match(html, /&lt;script&gt;/u);
	const outcome = await waiting;
	assert.equal(!outcome.ok && outcome.reason, 'error-returned');
	await listener.close();
});

test('the listener gives up after its timeout with a clear message', async () => {
	const listener = await listen('s', 20);
	const outcome = await listener.waitForCode();
	assert.equal(!outcome.ok && outcome.reason, 'timeout');
	assert.match(outcome.ok ? '' : outcome.message, /paste the address/u);
	await listener.close();
});

test('cancelling the wait closes the listener', async () => {
	const listener = await listen('s');
	const controller = new AbortController();
	const waiting = listener.waitForCode(controller.signal);
	controller.abort();
	const outcome = await waiting;
	assert.equal(!outcome.ok && outcome.reason, 'aborted');
	await assert.rejects(fetch(`http://127.0.0.1:${listener.port}/OauthRedirect`));
});
