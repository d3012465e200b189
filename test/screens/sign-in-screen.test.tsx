import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {DemoSetup} from '../../source/app-state.js';
import {memoryAuthContext} from '../../source/auth/context.js';
import {productionLogin, type LoginTarget} from '../../source/core/login-target.js';
import {SignInScreen, type SignInChoice} from '../../source/screens/sign-in/sign-in-screen.js';
import type {SignInServices} from '../../source/screens/sign-in/services.js';
import {waitFor, waitForText} from '../helpers/wait-for.js';
import {fitsTerminal, renderRecording, testServices} from './helpers/sign-in.js';

const up = '\u001B[A';
const down = '\u001B[B';
const key = '3MVG9sftoken.Test_Consumer.Key';

function renderSignIn(
	options: {
		target?: LoginTarget;
		services?: SignInServices;
		demo?: DemoSetup;
		columns?: number;
		rows?: number;
	} = {},
) {
	const choices: SignInChoice[] = [];
	let backs = 0;
	const services = options.services ?? testServices(memoryAuthContext());
	const columns = options.columns ?? 100;
	const rows = options.rows ?? 30;
	const terminal = renderRecording(
		<SignInScreen
			target={options.target ?? productionLogin}
			services={services}
			demo={options.demo}
			columns={columns}
			rows={rows - 4}
			isActive
			onChoose={(choice) => choices.push(choice)}
			onBack={() => {
				backs++;
			}}
		/>,
		{columns, rows},
	);
	return {terminal, choices, services, backs: () => backs};
}

test('locally the browser is recommended and highlighted; the three ways are offered', async () => {
	const {terminal} = renderSignIn();
	const frame = await waitForText(terminal.lastFrame, '❯ Browser on this machine · recommended');
	assert.match(frame, /Signing in to https:\/\/login\.salesforce\.com/u);
	assert.match(frame, /Device code {2}enter a code on any device — works over SSH/u);
	assert.match(frame, /Paste a token/u);
	terminal.unmount();
});

test('over SSH the device code is recommended and highlighted', async () => {
	const {terminal} = renderSignIn({
		services: testServices(memoryAuthContext(), {env: {SSH_TTY: '/dev/pts/3'}}),
	});
	const frame = await waitForText(terminal.lastFrame, '❯ Device code · recommended over SSH');
	assert.match(frame, /Browser {2}open a link on your computer, paste back the address/u);
	terminal.unmount();
});

test('without a consumer key for the host, device code asks for one, remembers it and goes on', async () => {
	const {terminal, choices, services} = renderSignIn();
	await waitForText(terminal.lastFrame, 'asked next');
	terminal.write(up);
	await waitForText(terminal.lastFrame, '❯ Device code');
	terminal.write('\r');
	await waitForText(terminal.lastFrame, 'Consumer key of your External Client App');

	terminal.write('not a key');
	await waitForText(terminal.lastFrame, 'only letters, digits, dots and underscores');
	terminal.write('\r');
	assert.deepEqual(choices, []);

	terminal.write('\u0015');
	terminal.write(key);
	await waitForText(terminal.lastFrame, key);
	terminal.write('\r');
	await waitFor(() => choices.length === 1);
	assert.deepEqual(choices, [{method: 'device', clientId: key}]);
	assert.equal(services.auth.clientIds.get('https://login.salesforce.com'), key);
	terminal.unmount();
});

test('a remembered key is used without asking, shown short; k changes it', async () => {
	const auth = memoryAuthContext();
	auth.clientIds.remember('https://login.salesforce.com', key);
	const {terminal, choices} = renderSignIn({services: testServices(auth)});
	await waitForText(
		terminal.lastFrame,
		'Consumer key 3MVG9sfto….Key (remembered for login.salesforce.com)',
	);
	terminal.write('\r');
	await waitFor(() => choices.length === 1);
	assert.deepEqual(choices, [{method: 'browser', clientId: key}]);

	terminal.write('k');
	await waitForText(terminal.lastFrame, 'Consumer key of your External Client App');
	terminal.write('\u0015');
	terminal.write('secretlookinghexvalue0123');
	await waitForText(terminal.lastFrame, 'start with 3MVG: check this is the key, not the secret');
	terminal.write('\u001B');
	await waitForText(terminal.lastFrame, '❯ Browser');
	terminal.unmount();
});

test('demo mode uses the emulator’s key without asking, and says so', async () => {
	const demo: DemoSetup = {
		loginUrl: 'http://127.0.0.1:4100',
		clientId: '3MVG9sftoken.Emulator',
		orgs: [],
	};
	const {terminal, choices} = renderSignIn({
		demo,
		target: {loginUrl: demo.loginUrl, label: 'Demo', kind: 'unknown', source: 'emulator'},
	});
	const frame = await waitForText(terminal.lastFrame, 'Demo: the emulator’s consumer key is used');
	assert.doesNotMatch(frame, /k consumer key/u);
	terminal.write(up);
	await waitForText(terminal.lastFrame, '❯ Device code');
	terminal.write('\r');
	await waitFor(() => choices.length === 1);
	assert.deepEqual(choices, [{method: 'device', clientId: demo.clientId}]);
	terminal.unmount();
});

test('paste a token needs no key; Esc goes back', async () => {
	const {terminal, choices, backs} = renderSignIn();
	await waitForText(terminal.lastFrame, '❯ Browser');
	terminal.write(down);
	await waitForText(terminal.lastFrame, '❯ Paste a token');
	terminal.write('\r');
	await waitFor(() => choices.length === 1);
	assert.deepEqual(choices, [{method: 'paste'}]);
	terminal.write('\u001B');
	await waitFor(() => backs() === 1);
	terminal.unmount();
});

test('? shows how to create and install the app, and why; Esc closes it', async () => {
	const {terminal} = renderSignIn();
	await waitForText(terminal.lastFrame, '❯ Browser');
	terminal.write('?');
	const help = await waitForText(terminal.lastFrame, 'External Client App Manager');
	assert.match(help, /Enable Device Flow/u);
	assert.match(help, /\(api\)/u);
	assert.match(help, /refresh_token/u);
	assert.match(help, /http:\/\/localhost:1717\/OauthRedirect/u);
	assert.match(help, /since September 2025 Salesforce blocks the device flow/u);
	assert.match(help, /Install/u);
	terminal.write('\u001B');
	await waitForText(terminal.lastFrame, '❯ Browser');
	terminal.unmount();
});

test('in a 40×12 terminal the list and the help stay inside the screen', async () => {
	const {terminal} = renderSignIn({columns: 40, rows: 12});
	const frame = await waitForText(terminal.lastFrame, '❯ Browser');
	assert.ok(fitsTerminal(frame, 40, 8), frame);
	terminal.write('?');
	const help = await waitForText(terminal.lastFrame, '↑↓ scroll');
	assert.ok(fitsTerminal(help, 40, 8), help);
	terminal.write(down);
	await waitForText(terminal.lastFrame, '↑↓');
	terminal.unmount();
});

test('at 80×24 the full setup steps scroll with ↑↓ rather than being cut', async () => {
	const {terminal} = renderSignIn({columns: 80, rows: 24});
	await waitForText(terminal.lastFrame, '❯ Browser');
	terminal.write('?');
	const first = await waitForText(terminal.lastFrame, 'more lines · ↑↓ scroll');
	assert.ok(fitsTerminal(first, 80, 20), first);
	assert.doesNotMatch(first, /up to 10 minutes/u);
	for (let index = 0; index < 12; index++) terminal.write(down);
	const end = await waitForText(terminal.lastFrame, 'end · ↑↓ scroll');
	assert.match(end.replaceAll('\n', ' '), /Permitted Users/u);
	assert.match(end.replaceAll('\n', ' '), /up to 10 minutes/u);
	assert.ok(fitsTerminal(end, 80, 20), end);
	terminal.unmount();
});
