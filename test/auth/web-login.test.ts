import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createServer, type Server} from 'node:net';
import {startWebLogin, type WebLogin, type WebLoginParams} from '../../source/auth/web-login.js';
import type {AuthContext} from '../../source/auth/context.js';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {approveInBrowser, Browser} from '../emulator/helpers.js';
import {fileContext, withEmulator} from './helpers.js';

// The emulator's app registers sf CLI's callback (port 1717) as a real app would; the login names
// it as its redirect URI and listens on a free port, and the tests deliver the browser's redirect
// there — as `ssh -L 1717:localhost:<port>` would. No test needs port 1717 itself.
const registered = 'http://localhost:1717/OauthRedirect';

function user(emulator: RunningEmulator, index = 0) {
	const org = emulator.orgs[index];
	assert.ok(org);
	return org;
}

async function start(
	context: AuthContext,
	emulator: RunningEmulator,
	params: Partial<WebLoginParams> = {},
): Promise<WebLogin> {
	const started = await startWebLogin(context, {
		loginUrl: emulator.loginUrl,
		clientId: emulator.clientId,
		port: 0,
		redirectUri: registered,
		...params,
	});
	assert.ok(started.ok, JSON.stringify(started));
	return started.value;
}

/** What the browser does after Salesforce's 302: load the redirect on the listener. */
async function deliver(login: WebLogin, back: URL): Promise<{status: number; html: string}> {
	assert.ok(login.listenPort);
	const response = await fetch(
		`http://127.0.0.1:${login.listenPort}${back.pathname}${back.search}`,
	);
	return {status: response.status, html: await response.text()};
}

async function busyPort(t: {after(fn: () => Promise<void>): void}): Promise<number> {
	const server: Server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	t.after(async () => new Promise<void>((resolve) => server.close(() => resolve())));
	const address = server.address();
	assert.ok(address && typeof address === 'object');
	return address.port;
}

test('the authorize URL asks for PKCE S256, a state and prompt=login, and holds no secret', async (t) => {
	const {context} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const login = await start(context, emulator);
		const url = new URL(login.authorizeUrl);
		assert.equal(url.origin + url.pathname, `${emulator.loginUrl}/services/oauth2/authorize`);
		assert.equal(url.searchParams.get('prompt'), 'login');
		assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
		assert.match(url.searchParams.get('code_challenge') ?? '', /^[\w-]{43}$/u);
		assert.match(url.searchParams.get('state') ?? '', /^[\w-]{22}$/u);
		assert.equal(url.searchParams.get('redirect_uri'), registered);
		assert.equal(url.searchParams.get('scope'), 'api refresh_token');
		assert.equal(url.searchParams.get('code_verifier'), null);
		login.cancel();
		const result = await login.result;
		assert.ok(!result.ok);
		assert.equal(result.problem.code, 'cancelled');
	});
});

test('through the loopback listener: log in and Allow in the browser, the redirect lands, the org is saved', async (t) => {
	const {context} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const org = user(emulator, 1);
		const login = await start(context, emulator, {alias: 'uat'});
		const back = await approveInBrowser(new Browser(), login.authorizeUrl, org);
		assert.equal(`${back.origin}${back.pathname}`, registered);
		const landing = await deliver(login, back);
		assert.equal(landing.status, 200);
		assert.match(landing.html, /Login received/u);
		const result = await login.result;
		assert.ok(result.ok, JSON.stringify(result));
		assert.equal(result.value.org.alias, 'uat');
		assert.equal(result.value.org.loginMethod, 'web');
		assert.equal(result.value.org.orgId, org.orgId);
		assert.equal(result.value.org.username, org.username);
		assert.equal(context.orgs.get('uat')?.userId, org.userId);
	});
});

test('paste-back: the address the browser ended on, pasted with noise around it, completes the login', async (t) => {
	const {context} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const login = await start(context, emulator, {allowPaste: true});
		const back = await approveInBrowser(new Browser(), login.authorizeUrl, user(emulator));
		assert.deepEqual(login.submitRedirect(`  ${back.href}\r\n`), {accepted: true});
		const result = await login.result;
		assert.ok(result.ok, JSON.stringify(result));
		assert.equal(result.value.org.username, user(emulator).username);
	});
});

test('a pasted address with another state is refused, and the login keeps waiting for the right one', async (t) => {
	const {context} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const login = await start(context, emulator, {allowPaste: true});
		const back = await approveInBrowser(new Browser(), login.authorizeUrl, user(emulator));
		const forged = new URL(back);
		forged.searchParams.set('state', 'someone-elses-login');
		const refused = login.submitRedirect(forged.href);
		assert.ok(!refused.accepted);
		assert.equal(refused.final, false);
		assert.equal(refused.problem.code, 'redirect');
		assert.equal(refused.problem.redirect?.reason, 'state-mismatch');
		assert.match(refused.problem.title, /another login/u);
		const noCode = login.submitRedirect('http://localhost:1717/OauthRedirect');
		assert.ok(!noCode.accepted && !noCode.final);
		assert.deepEqual(login.submitRedirect(back.href), {accepted: true});
		const result = await login.result;
		assert.ok(result.ok, JSON.stringify(result));
	});
});

test('a redirect with another state arriving at the listener ends the login, refused', async (t) => {
	const {context} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const login = await start(context, emulator);
		const back = await approveInBrowser(new Browser(), login.authorizeUrl, user(emulator));
		back.searchParams.set('state', 'forged');
		const landing = await deliver(login, back);
		assert.equal(landing.status, 400);
		const result = await login.result;
		assert.ok(!result.ok);
		assert.equal(result.problem.redirect?.reason, 'state-mismatch');
		assert.deepEqual(context.orgs.list(), []);
	});
});

test('Deny in the browser: the error on the redirect ends the login, explained', async (t) => {
	const {context} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const login = await start(context, emulator, {allowPaste: true});
		const back = await approveInBrowser(new Browser(), login.authorizeUrl, user(emulator), 'deny');
		const verdict = login.submitRedirect(back.href);
		assert.ok(!verdict.accepted);
		assert.equal(verdict.final, true);
		const result = await login.result;
		assert.ok(!result.ok);
		assert.equal(result.problem.redirect?.error, 'access_denied');
		assert.match(result.problem.title, /denied/iu);
		const late = login.submitRedirect(back.href);
		assert.ok(!late.accepted && late.final);
	});
});

test('a busy port fails the start with the port and --port named, unless the address can be pasted', async (t) => {
	const {context} = await fileContext(t);
	const port = await busyPort(t);
	await withEmulator({}, async (emulator) => {
		const refused = await startWebLogin(context, {
			loginUrl: emulator.loginUrl,
			clientId: emulator.clientId,
			port,
		});
		assert.ok(!refused.ok);
		assert.equal(refused.problem.failure?.kind, 'listener');
		assert.match(
			`${refused.problem.title} ${refused.problem.cause} ${refused.problem.fix}`,
			new RegExp(`${port}`, 'u'),
		);
		assert.match(`${refused.problem.cause} ${refused.problem.fix}`, /--port/u);

		const login = await start(context, emulator, {port, allowPaste: true});
		assert.equal(login.listenPort, undefined);
		assert.equal(login.listenerProblem?.failure?.kind, 'listener');
		const back = await approveInBrowser(new Browser(), login.authorizeUrl, user(emulator));
		assert.deepEqual(login.submitRedirect(back.href), {accepted: true});
		assert.ok((await login.result).ok);
	});
});

test('nothing arrives within the timeout: a clear timeout, the listener closed', async (t) => {
	const {context} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const login = await start(context, emulator, {timeoutMs: 30, allowPaste: true});
		const result = await login.result;
		assert.ok(!result.ok);
		assert.equal(result.problem.redirect?.reason, 'timeout');
		assert.match(result.problem.title, /timed out/u);
		await assert.rejects(fetch(`http://127.0.0.1:${login.listenPort}/OauthRedirect`));
	});
});

test('aborting the signal cancels the login', async (t) => {
	const {context} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const controller = new AbortController();
		const started = await startWebLogin(
			context,
			{loginUrl: emulator.loginUrl, clientId: emulator.clientId, port: 0},
			{signal: controller.signal},
		);
		assert.ok(started.ok);
		controller.abort();
		const result = await started.value.result;
		assert.ok(!result.ok);
		assert.equal(result.problem.code, 'cancelled');
	});
});

test('the browser opens only when asked, never over SSH, with only the authorize URL', async (t) => {
	const {context} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const opened: string[] = [];
		const opener = async (url: string) => {
			opened.push(url);
			return Promise.resolve();
		};

		const asked = await startWebLogin(
			context,
			{loginUrl: emulator.loginUrl, clientId: emulator.clientId, port: 0, openBrowser: true},
			{env: {}, opener},
		);
		assert.ok(asked.ok);
		assert.deepEqual(asked.value.browser, {opened: true});
		assert.deepEqual(opened, [asked.value.authorizeUrl]);
		asked.value.cancel();

		const overSsh = await startWebLogin(
			context,
			{loginUrl: emulator.loginUrl, clientId: emulator.clientId, port: 0, openBrowser: true},
			{env: {SSH_CONNECTION: '10.0.0.1 5555 10.0.0.2 22'}, opener},
		);
		assert.ok(overSsh.ok);
		assert.equal(overSsh.value.browser.opened, false);
		assert.match(overSsh.value.browser.opened ? '' : (overSsh.value.browser.reason ?? ''), /SSH/u);
		overSsh.value.cancel();

		const notAsked = await startWebLogin(
			context,
			{loginUrl: emulator.loginUrl, clientId: emulator.clientId, port: 0},
			{env: {}, opener},
		);
		assert.ok(notAsked.ok);
		notAsked.value.cancel();
		assert.equal(opened.length, 1);
	});
});

test('a callback URL that is not http(s) is refused before anything starts', async (t) => {
	const {context} = await fileContext(t);
	const result = await startWebLogin(context, {
		loginUrl: 'https://login.salesforce.com',
		clientId: 'x',
		redirectUri: 'myapp://callback',
	});
	assert.ok(!result.ok);
	assert.equal(result.problem.code, 'bad-input');
});
