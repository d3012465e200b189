import {test} from 'node:test';
import assert from 'node:assert/strict';
import {qrDrawing} from '../../source/components/qr-code/qr-code.js';
import {
	startEmulator,
	type EmulatorOptions,
	type RunningEmulator,
} from '../../source/emulator/index.js';
import {bigCodeLines} from '../../source/screens/device-login/big-code.js';
import {DeviceLoginScreen} from '../../source/screens/device-login/device-login-screen.js';
import {Browser, manualClock} from '../emulator/helpers.js';
import {waitFor, waitForText} from '../helpers/wait-for.js';
import {chooseMethod, renderDemoApp, testContext} from './helpers/emulator.js';
import {fitsTerminal, manualSleep, renderRecording, testServices} from './helpers/sign-in.js';

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

const codePattern = /\b([A-Z\d]{4}) ([A-Z\d]{4})\b/u;

/** The user code as the screen shows it, spaced: "X1D9 SEET" → "X1D9SEET". */
async function shownCode(lastFrame: () => string): Promise<string> {
	const match = await waitFor(
		() => codePattern.exec(lastFrame()),
		() => `a user code on screen; last frame:\n${lastFrame()}`,
	);
	return `${match[1]}${match[2]}`;
}

function tokenPosts(requests: readonly string[], emulator: RunningEmulator): number {
	return requests.filter((request) => request === `POST ${emulator.loginUrl}/services/oauth2/token`)
		.length;
}

test('the code is big and spaced, with the URL, the countdown in words, the warning and the demo user', async (t) => {
	const {context} = await testContext(t);
	const clock = manualClock();
	await withEmulator({}, async (emulator) => {
		const sleeper = manualSleep();
		const services = testServices({...context, now: clock.now}, {sleep: sleeper.sleep});
		const terminal = renderRecording(
			<DeviceLoginScreen
				loginUrl={emulator.loginUrl}
				clientId={emulator.clientId}
				services={services}
				demoUser={{username: 'admin@acme.demo', password: 'pw-1'}}
				columns={100}
				rows={26}
				isActive
				onLoggedIn={() => undefined}
				onBack={() => undefined}
			/>,
			{columns: 100, rows: 30},
		);
		const code = await shownCode(terminal.lastFrame);
		const frame = terminal.lastFrame();
		for (const line of bigCodeLines(code) ?? ['(no big code)'])
			assert.ok(frame.includes(line), line);
		assert.ok(frame.includes(`${emulator.loginUrl}/setup/connect`));
		assert.match(frame, /0:00 elapsed · 10:00 left/u);
		assert.match(frame, /Salesforce does not say how long a code lives: sftoken assumes 10/u);
		assert.match(frame, /Only enter this code if you started this login yourself\./u);
		assert.match(frame, /Demo login: admin@acme\.demo \/ pw-1/u);
		assert.match(frame, /Waiting for approval · first check in 5 s/u);

		// The clock moves: the countdown follows on the next tick, and says how long ago it checked.
		clock.advance(42_000);
		await waitForText(terminal.lastFrame, '0:42 elapsed · 9:18 left');
		sleeper.release();
		await waitForText(terminal.lastFrame, 'Waiting for approval · checked 0 s ago');
		clock.advance(12_000);
		await waitForText(terminal.lastFrame, 'checked 12 s ago');
		terminal.unmount();
	});
});

test('the QR code of the URL shows beside the code at 100×30 and everything fits', async (t) => {
	const {context} = await testContext(t);
	await withEmulator({}, async (emulator) => {
		const sleeper = manualSleep();
		const run = await renderDemoApp(emulator, testServices(context, {sleep: sleeper.sleep}));
		await chooseMethod(run, 'device');
		const code = await shownCode(run.terminal.lastFrame);
		const qr = qrDrawing(`${emulator.loginUrl}/setup/connect?user_code=${code}`);
		const frame = await waitForText(run.terminal.lastFrame, 'c copy code');
		for (const line of qr.lines) assert.ok(frame.includes(line), `QR line missing:\n${frame}`);
		assert.doesNotMatch(frame, /QR code hidden/u);
		assert.ok(fitsTerminal(frame, 100, 30), frame);
		run.terminal.unmount();
	});
});

test('at 60×20 the QR code is hidden with a way to show it; q shows it alone, q goes back', async (t) => {
	const {context} = await testContext(t);
	await withEmulator({}, async (emulator) => {
		const sleeper = manualSleep();
		const run = await renderDemoApp(emulator, testServices(context, {sleep: sleeper.sleep}), {
			columns: 60,
			rows: 20,
		});
		await chooseMethod(run, 'device');
		const code = await shownCode(run.terminal.lastFrame);
		const qr = qrDrawing(`${emulator.loginUrl}/setup/connect?user_code=${code}`);
		await waitForText(run.terminal.lastFrame, 'QR code hidden');
		const hidden = await waitForText(run.terminal.lastFrame, 'q QR code');
		assert.ok(!hidden.includes(qr.lines[1] ?? '?'), hidden);
		assert.ok(fitsTerminal(hidden, 60, 20), hidden);

		run.terminal.write('q');
		const alone = await waitForText(run.terminal.lastFrame, 'scan to open');
		for (const line of qr.lines) assert.ok(alone.includes(line), `QR line missing:\n${alone}`);
		assert.ok(fitsTerminal(alone, 60, 20), alone);
		// The header gives its row to the code; the footer stays.
		assert.doesNotMatch(alone, /sftoken ·/u);
		assert.match(alone, /q Esc back/u);

		run.terminal.write('q');
		await waitForText(run.terminal.lastFrame, 'QR code hidden');
		run.terminal.unmount();
	});
});

test('at 40×12 nothing is drawn past the edge, and the QR view says how big it must be', async (t) => {
	const {context} = await testContext(t);
	await withEmulator({}, async (emulator) => {
		const sleeper = manualSleep();
		const run = await renderDemoApp(emulator, testServices(context, {sleep: sleeper.sleep}), {
			columns: 40,
			rows: 12,
		});
		await chooseMethod(run, 'device');
		await shownCode(run.terminal.lastFrame);
		const frame = run.terminal.lastFrame();
		assert.ok(fitsTerminal(frame, 40, 12), frame);
		run.terminal.write('q');
		const small = await waitForText(run.terminal.lastFrame, 'The QR code needs a terminal of');
		assert.ok(fitsTerminal(small, 40, 12), small);
		run.terminal.unmount();
	});
});

test('c copies the code with OSC 52 through the app’s stdout, and to the local clipboard', async (t) => {
	const {context} = await testContext(t);
	await withEmulator({}, async (emulator) => {
		const copied: string[] = [];
		const sleeper = manualSleep();
		const run = await renderDemoApp(
			emulator,
			testServices(context, {
				sleep: sleeper.sleep,
				async copyLocal(text) {
					copied.push(text);
					return Promise.resolve();
				},
			}),
		);
		await chooseMethod(run, 'device');
		const code = await shownCode(run.terminal.lastFrame);
		run.terminal.write('c');
		await waitForText(run.terminal.lastFrame, '✓ The code copied.');
		const osc52 = `\u001B]52;c;${Buffer.from(code).toString('base64')}\u0007`;
		assert.ok(run.terminal.output().includes(osc52), 'no OSC 52 sequence with the code');
		assert.deepEqual(copied, [code]);
		run.terminal.unmount();
	});
});

test('over SSH: no local clipboard, no o key, the copy says it went through the terminal', async (t) => {
	const {context} = await testContext(t);
	await withEmulator({}, async (emulator) => {
		const sleeper = manualSleep();
		const env = {SSH_CONNECTION: '10.0.0.2 50000 10.0.0.1 22', DISPLAY: ':0'};
		const run = await renderDemoApp(
			emulator,
			testServices(context, {sleep: sleeper.sleep, env, platform: 'linux'}),
		);
		run.terminal.write('\r');
		await waitForText(run.terminal.lastFrame, '❯ Device code · recommended over SSH');
		run.terminal.write('\r');
		const code = await shownCode(run.terminal.lastFrame);
		const frame = await waitForText(run.terminal.lastFrame, 'c copy code');
		assert.doesNotMatch(frame, /o open browser/u);
		run.terminal.write('c');
		await waitForText(run.terminal.lastFrame, 'The code sent to the terminal’s clipboard (OSC 52)');
		assert.ok(run.terminal.output().includes(Buffer.from(code).toString('base64')));
		run.terminal.unmount();
	});
});

test('o opens the verification URL in a browser where there is one, never on its own', async (t) => {
	const {context} = await testContext(t);
	await withEmulator({}, async (emulator) => {
		const opened: string[] = [];
		const sleeper = manualSleep();
		const run = await renderDemoApp(
			emulator,
			testServices(context, {
				sleep: sleeper.sleep,
				env: {DISPLAY: ':0'},
				async opener(url) {
					opened.push(url);
					return Promise.resolve();
				},
			}),
		);
		await chooseMethod(run, 'device');
		const code = await shownCode(run.terminal.lastFrame);
		await waitForText(run.terminal.lastFrame, 'o open browser');
		assert.deepEqual(opened, []);
		run.terminal.write('o');
		await waitForText(run.terminal.lastFrame, 'Opened in your browser');
		assert.deepEqual(opened, [`${emulator.loginUrl}/setup/connect?user_code=${code}`]);
		run.terminal.unmount();
	});
});

test('Esc cancels: polling stops at once and the app is back at the choice of method', async (t) => {
	const {context, requests} = await testContext(t);
	await withEmulator({}, async (emulator) => {
		const sleeper = manualSleep();
		const run = await renderDemoApp(emulator, testServices(context, {sleep: sleeper.sleep}));
		await chooseMethod(run, 'device');
		await shownCode(run.terminal.lastFrame);
		// One poll goes out and answers "pending".
		await waitFor(() => sleeper.waiting() === 1);
		sleeper.release();
		await waitForText(run.terminal.lastFrame, 'checked');
		await waitFor(() => sleeper.waiting() === 1);
		const polls = tokenPosts(requests, emulator);
		assert.equal(polls, 2, 'the code request and one poll');

		run.terminal.write('\u001B');
		await waitForText(run.terminal.lastFrame, 'How do you want to sign in?');
		assert.equal(sleeper.signals.at(-1)?.aborted, true);
		await waitFor(() => sleeper.waiting() === 0);
		assert.equal(tokenPosts(requests, emulator), polls);
		assert.equal(run.states.at(-1)?.screen.name, 'sign-in');
		run.terminal.unmount();
	});
});

test('Ctrl+C cancels the polling first, then quits', async (t) => {
	const {context} = await testContext(t);
	await withEmulator({}, async (emulator) => {
		const sleeper = manualSleep();
		const run = await renderDemoApp(emulator, testServices(context, {sleep: sleeper.sleep}));
		await chooseMethod(run, 'device');
		await shownCode(run.terminal.lastFrame);
		await waitForText(run.terminal.lastFrame, 'Ctrl+C cancel');
		run.terminal.write('\u0003');
		await waitForText(run.terminal.lastFrame, '✗ Cancelled');
		await waitForText(run.terminal.lastFrame, 'r retry · ? setup steps · Esc back · Ctrl+C quit');
		assert.equal(sleeper.signals.at(-1)?.aborted, true);
		run.terminal.write('\u0003');
		assert.equal(await run.terminal.waitUntilExit(), 130);
		run.terminal.unmount();
	});
});

test('approved: the identity screen shows the emulator’s user and org, the token masked', async (t) => {
	const {context} = await testContext(t);
	await withEmulator({}, async (emulator) => {
		const org = emulator.orgs[1];
		assert.ok(org);
		const sleeper = manualSleep();
		const run = await renderDemoApp(emulator, testServices(context, {sleep: sleeper.sleep}));
		await chooseMethod(run, 'device');
		const code = await shownCode(run.terminal.lastFrame);
		emulator.approveDevice(code, 1);
		await waitFor(() => sleeper.waiting() === 1);
		sleeper.release();
		const frame = await waitForText(run.terminal.lastFrame, 'Who am I');
		assert.match(frame, new RegExp(`Signed in as ${org.username.replaceAll('.', '\\.')}`, 'u'));
		assert.ok(frame.includes(org.orgId), frame);
		assert.ok(frame.includes(org.myDomainUrl), frame);
		assert.match(frame, /Token {8}00D\w{12,15}!…[\w.]{4} {2}\(masked\)/u);
		await waitFor(() => run.states.at(-1)?.screen.name === 'identity');
		assert.deepEqual(
			context.orgs.list().map((saved) => saved.orgId),
			[org.orgId],
		);
		run.terminal.unmount();
	});
});

test('denied in the browser: explained, with r to start again', async (t) => {
	const {context} = await testContext(t);
	await withEmulator({}, async (emulator) => {
		const org = emulator.orgs[0];
		assert.ok(org);
		const sleeper = manualSleep();
		const run = await renderDemoApp(emulator, testServices(context, {sleep: sleeper.sleep}));
		await chooseMethod(run, 'device');
		const code = await shownCode(run.terminal.lastFrame);
		const browser = new Browser();
		const connect = await browser.get(`${emulator.loginUrl}/setup/connect?user_code=${code}`);
		const login = await browser.submit({html: await connect.text(), url: connect.url}, {});
		const allow = await browser.submit(
			{html: await login.text(), url: login.url},
			{username: org.username, pw: org.password},
		);
		await browser.submit(
			{html: await allow.text(), url: allow.url},
			{},
			{name: 'decision', value: 'deny'},
		);
		await waitFor(() => sleeper.waiting() === 1);
		sleeper.release();
		const frame = await waitForText(run.terminal.lastFrame, '✗ ');
		assert.match(frame, /denied/iu);
		assert.match(frame, /Fix: /u);
		await waitForText(run.terminal.lastFrame, 'r retry');

		run.terminal.write('r');
		const again = await shownCode(run.terminal.lastFrame);
		assert.notEqual(again, code);
		run.terminal.unmount();
	});
});

test('device flow disabled on the app: the Setup step that fixes it, and the setup steps on ?', async (t) => {
	const {context} = await testContext(t);
	await withEmulator({deviceFlowEnabled: false}, async (emulator) => {
		const sleeper = manualSleep();
		const run = await renderDemoApp(emulator, testServices(context, {sleep: sleeper.sleep}));
		await chooseMethod(run, 'device');
		const frame = await waitForText(run.terminal.lastFrame, 'Setup: ');
		assert.match(frame, /✗ Device flow is not enabled/u);
		assert.match(frame, /Enable Device Flow/u);
		run.terminal.write('?');
		const help = await waitForText(run.terminal.lastFrame, 'sets it up once:');
		assert.match(help, /http:\/\/localhost:1717\/OauthRedirect/u);
		assert.match(help, /since September 2025 Salesforce blocks the device flow/u);
		run.terminal.write('\u001B');
		await waitForText(run.terminal.lastFrame, 'Setup: ');
		run.terminal.unmount();
	});
});

test('app not installed: explained with the install step', async (t) => {
	const {context} = await testContext(t);
	await withEmulator({appInstalled: false}, async (emulator) => {
		const sleeper = manualSleep();
		const run = await renderDemoApp(emulator, testServices(context, {sleep: sleeper.sleep}));
		await chooseMethod(run, 'device');
		const frame = await waitForText(run.terminal.lastFrame, 'Setup: ');
		assert.match(frame, /install/iu);
		run.terminal.unmount();
	});
});

test('in demo mode the emulator user stays on screen even at 40×12, right under the address', async (t) => {
	const {context} = await testContext(t);
	await withEmulator({}, async (emulator) => {
		const org = emulator.orgs[0];
		assert.ok(org);
		const sleeper = manualSleep();
		const run = await renderDemoApp(emulator, testServices(context, {sleep: sleeper.sleep}), {
			columns: 40,
			rows: 12,
		});
		await chooseMethod(run, 'device');
		await shownCode(run.terminal.lastFrame);
		const frame = await waitForText(run.terminal.lastFrame, 'Demo login:');
		assert.ok(frame.replaceAll('\n', ' ').includes(`${org.username} / ${org.password}`), frame);
		assert.ok(fitsTerminal(frame, 40, 12), frame);
		run.terminal.unmount();
	});
});

test('slow_down from Salesforce is shown, with the longer interval', async (t) => {
	const {context} = await testContext(t);
	await withEmulator({enforceSlowDown: true}, async (emulator) => {
		const sleeper = manualSleep();
		const run = await renderDemoApp(emulator, testServices(context, {sleep: sleeper.sleep}));
		await chooseMethod(run, 'device');
		await shownCode(run.terminal.lastFrame);
		// Two polls back to back: the second comes sooner than the interval.
		await waitFor(() => sleeper.waiting() === 1);
		sleeper.release();
		await waitForText(run.terminal.lastFrame, 'checked');
		await waitFor(() => sleeper.waiting() === 1);
		sleeper.release();
		await waitForText(
			run.terminal.lastFrame,
			'Salesforce asked sftoken to slow down: now every 10 s',
		);
		run.terminal.unmount();
	});
});

test('a code that expires stops the polling and says so; r asks for a new one', async (t) => {
	const {context, requests} = await testContext(t);
	const clock = manualClock();
	await withEmulator({}, async (emulator) => {
		const sleeper = manualSleep();
		const run = await renderDemoApp(
			emulator,
			testServices({...context, now: clock.now}, {sleep: sleeper.sleep}),
		);
		await chooseMethod(run, 'device');
		const code = await shownCode(run.terminal.lastFrame);
		await waitFor(() => sleeper.waiting() === 1);
		const before = tokenPosts(requests, emulator);
		clock.advance(601_000);
		sleeper.release();
		const frame = await waitForText(run.terminal.lastFrame, 'Fix: ');
		assert.match(frame, /✗ .*expired/iu);
		assert.equal(tokenPosts(requests, emulator), before, 'polled past the expiry');
		await waitForText(run.terminal.lastFrame, 'r retry');
		run.terminal.write('r');
		assert.notEqual(await shownCode(run.terminal.lastFrame), code);
		run.terminal.unmount();
	});
});

test('where the terminal draws links, the URL is an OSC 8 link whose text is still the plain URL', async (t) => {
	const {context} = await testContext(t);
	await withEmulator({}, async (emulator) => {
		const sleeper = manualSleep();
		const run = await renderDemoApp(
			emulator,
			testServices(context, {sleep: sleeper.sleep, env: {FORCE_HYPERLINK: '1'}}),
			{columns: 80, rows: 24},
		);
		await chooseMethod(run, 'device');
		const code = await shownCode(run.terminal.lastFrame);
		const frame = await waitForText(run.terminal.lastFrame, `${emulator.loginUrl}/setup/connect`);
		const complete = `${emulator.loginUrl}/setup/connect?user_code=${code}`;
		assert.match(
			run.terminal.output(),
			new RegExp(
				`\\u001B\\]8;id=[\\w-]+;${complete.replaceAll('.', '\\.').replaceAll('?', '\\?')}\\u001B\\\\${emulator.loginUrl.replaceAll('.', '\\.')}/setup/connect\\u001B\\]8;;\\u001B\\\\`,
				'u',
			),
		);
		// The link takes no room: the QR code beside it stays in place and the frame fits.
		assert.ok(fitsTerminal(frame, 80, 24), frame);
		run.terminal.unmount();
	});
});
