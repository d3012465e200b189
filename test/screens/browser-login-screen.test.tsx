import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createServer, type Server} from 'node:net';
import type {LoggedInOrg} from '../../source/auth/complete-login.js';
import {
	startEmulator,
	type EmulatorOptions,
	type RunningEmulator,
} from '../../source/emulator/index.js';
import {BrowserLoginScreen} from '../../source/screens/browser-login/browser-login-screen.js';
import type {SignInServices} from '../../source/screens/sign-in/services.js';
import {approveInBrowser, Browser} from '../emulator/helpers.js';
import {waitFor, waitForText} from '../helpers/wait-for.js';
import {testContext} from './helpers/emulator.js';
import {
	fitsTerminal,
	renderRecording,
	testServices,
	type RecordingTerminal,
} from './helpers/sign-in.js';

// The emulator's app registers port 1717, as sf CLI's callback; the screen listens on a free port
// and names the registered URL, as behind `ssh -L 1717:localhost:<port>`. No test needs 1717.
const registered = 'http://localhost:1717/OauthRedirect';

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

function renderBrowser(emulator: RunningEmulator, services: SignInServices) {
	const logins: LoggedInOrg[] = [];
	const terminal = renderRecording(
		<BrowserLoginScreen
			loginUrl={emulator.loginUrl}
			clientId={emulator.clientId}
			services={{browserPort: 0, browserRedirectUri: registered, ...services}}
			columns={100}
			rows={26}
			isActive
			onLoggedIn={(login) => logins.push(login)}
			onBack={() => undefined}
		/>,
		{columns: 100, rows: 30},
	);
	return {terminal, logins};
}

/** The authorize URL, as `c` copies it (the screen wraps it over several lines). */
async function copiedUrl(terminal: RecordingTerminal): Promise<string> {
	await waitForText(terminal.lastFrame, 'Log in at this address');
	await waitForText(terminal.hints, 'c copy URL');
	terminal.write('c');
	const match = await waitFor(() => /\u001B\]52;c;([A-Za-z\d+/=]+)\u0007/u.exec(terminal.output()));
	return Buffer.from(match[1] ?? '', 'base64').toString('utf8');
}

function user(emulator: RunningEmulator) {
	const org = emulator.orgs[0];
	assert.ok(org);
	return org;
}

test('the authorize URL asks for PKCE, a state and prompt=login; c copies it', async (t) => {
	const {context} = await testContext(t);
	await withEmulator({}, async (emulator) => {
		const {terminal} = renderBrowser(emulator, testServices(context));
		const url = new URL(await copiedUrl(terminal));
		assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
		assert.equal(url.searchParams.get('prompt'), 'login');
		assert.equal(url.searchParams.get('redirect_uri'), registered);
		assert.ok((url.searchParams.get('state') ?? '').length >= 16);
		assert.equal(url.searchParams.get('code_verifier'), null);
		const frame = await waitForText(
			terminal.lastFrame,
			'The address sent to the terminal’s clipboard',
		);
		assert.match(
			frame.replaceAll('\n', ' '),
			/Waiting for the browser to come back to http:\/\/localhost:1717\/OauthRedirect \(listening on 127\.0\.0\.1:\d+\)/u,
		);
		assert.match(frame, /Or paste the address your browser was redirected to:/u);
		assert.ok(fitsTerminal(frame, 100, 26), frame);
		terminal.unmount();
	});
});

test('the pasted redirect address with the right state logs in', async (t) => {
	const {context} = await testContext(t);
	await withEmulator({}, async (emulator) => {
		const {terminal, logins} = renderBrowser(emulator, testServices(context));
		const url = await copiedUrl(terminal);
		const back = await approveInBrowser(new Browser(), url, user(emulator));
		// A paste lands in the field even while the keys have the focus.
		terminal.write(back.href);
		await waitForText(terminal.lastFrame, `state=${new URL(url).searchParams.get('state')}`);
		terminal.write('\r');
		await waitFor(() => logins.length === 1);
		assert.equal(logins[0]?.org.username, user(emulator).username);
		terminal.unmount();
	});
});

test('a redirect address with another state is refused, and the login keeps waiting', async (t) => {
	const {context} = await testContext(t);
	await withEmulator({}, async (emulator) => {
		const {terminal, logins} = renderBrowser(emulator, testServices(context));
		const url = await copiedUrl(terminal);
		const back = await approveInBrowser(new Browser(), url, user(emulator));
		const forged = new URL(back.href);
		forged.searchParams.set('state', 'someone-elses-state');
		terminal.write(forged.href);
		await waitForText(terminal.lastFrame, '&state=someone-elses-state');
		terminal.write('\r');
		await waitForText(terminal.lastFrame, '✗ The redirect belongs to another login');
		assert.deepEqual(logins, []);

		terminal.write('\u0015');
		terminal.write(back.href);
		terminal.write('\r');
		await waitFor(() => logins.length === 1);
		terminal.unmount();
	});
});

test('an error= redirect (Deny) is explained, and r starts a new login', async (t) => {
	const {context} = await testContext(t);
	await withEmulator({}, async (emulator) => {
		const {terminal} = renderBrowser(emulator, testServices(context));
		const url = await copiedUrl(terminal);
		const back = await approveInBrowser(new Browser(), url, user(emulator), 'deny');
		assert.equal(back.searchParams.get('error'), 'access_denied');
		terminal.write(back.href);
		await waitForText(terminal.lastFrame, 'error_description=');
		terminal.write('\r');
		const frame = await waitForText(terminal.lastFrame, 'Fix: ');
		assert.match(frame, /✗ .*denied/iu);
		terminal.write('r');
		await waitForText(terminal.lastFrame, 'Log in at this address');
		terminal.unmount();
	});
});

test('the browser coming back to the listener logs in', async (t) => {
	const {context} = await testContext(t);
	await withEmulator({}, async (emulator) => {
		const {terminal, logins} = renderBrowser(emulator, testServices(context));
		const url = await copiedUrl(terminal);
		const port = /listening on\s+127\.0\.0\.1:(\d+)/u.exec(terminal.lastFrame())?.[1];
		assert.ok(port);
		const back = await approveInBrowser(new Browser(), url, user(emulator));
		const response = await fetch(`http://127.0.0.1:${port}${back.pathname}${back.search}`);
		assert.equal(response.status, 200);
		await waitFor(() => logins.length === 1);
		terminal.unmount();
	});
});

async function busyPort(t: {after(fn: () => Promise<void>): void}): Promise<number> {
	const server: Server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	t.after(async () => new Promise<void>((resolve) => server.close(() => resolve())));
	const address = server.address();
	assert.ok(address && typeof address === 'object');
	return address.port;
}

test('a busy port is said plainly, with --port, and the paste still works', async (t) => {
	const {context} = await testContext(t);
	const port = await busyPort(t);
	await withEmulator({}, async (emulator) => {
		const {terminal, logins} = renderBrowser(emulator, testServices(context, {browserPort: port}));
		const frame = await waitForText(terminal.lastFrame, `Port ${port}`);
		assert.match(frame, /already in use/u);
		assert.match(frame, /--port/u);
		assert.match(frame, /Paste the address below instead/u);
		const url = await copiedUrl(terminal);
		const back = await approveInBrowser(new Browser(), url, user(emulator));
		terminal.write(back.href);
		terminal.write('\r');
		await waitFor(() => logins.length === 1);
		terminal.unmount();
	});
});

test('over SSH the paste field has the focus and says what to paste; no browser is opened', async (t) => {
	const {context} = await testContext(t);
	await withEmulator({}, async (emulator) => {
		const opened: string[] = [];
		const {terminal} = renderBrowser(
			emulator,
			testServices(context, {
				env: {SSH_CONNECTION: '10.0.0.2 5000 10.0.0.1 22', DISPLAY: ':0'},
				async opener(url) {
					opened.push(url);
					return Promise.resolve();
				},
			}),
		);
		const frame = await waitForText(terminal.lastFrame, 'browser on your own computer');
		await waitForText(terminal.hints, 'Enter submit · Tab keys · Esc cancel');
		assert.match(
			frame,
			/Then paste the address your browser ended on \(it starts with http:\/\/localhost:1717/u,
		);
		// Typed keys go to the field: c is a letter there, not "copy".
		terminal.write('c');
		await waitForText(terminal.lastFrame, '› c');
		assert.deepEqual(opened, []);
		terminal.unmount();
	});
});

test('a browser that never comes back: the timeout is explained, r tries again', async (t) => {
	const {context} = await testContext(t);
	await withEmulator({}, async (emulator) => {
		const {terminal} = renderBrowser(emulator, testServices(context, {browserTimeoutMs: 300}));
		const frame = await waitForText(terminal.lastFrame, 'timed out');
		assert.match(frame, /Fix: /u);
		terminal.write('r');
		await waitForText(terminal.lastFrame, 'Log in at this address');
		terminal.unmount();
	});
});
