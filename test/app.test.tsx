import {test} from 'node:test';
import assert from 'node:assert/strict';
import {App} from '../source/app.js';
import type {AppState} from '../source/app-state.js';
import {inMemoryStore} from '../source/store/config-store.js';
import type {KeyValueStore} from '../source/store/config-store.js';
import {recentLogins} from '../source/store/recent-logins.js';
import {renderTerminal} from './helpers/render-terminal.js';
import {waitFor, waitForText} from './helpers/wait-for.js';

const end = '\u001B[F';

function renderApp(options: {store?: KeyValueStore; demo?: boolean; notice?: string} = {}) {
	const states: AppState[] = [];
	const store = options.store ?? inMemoryStore();
	const terminal = renderTerminal(
		<App
			recentLogins={recentLogins(store)}
			demo={
				options.demo === true
					? {
							loginUrl: 'http://127.0.0.1:4100',
							orgs: [{name: 'acme', myDomainUrl: 'http://127.0.0.1:4101', sandbox: false}],
						}
					: undefined
			}
			notice={options.notice}
			onStateChange={(state) => states.push(state)}
		/>,
	);
	return {terminal, states, store};
}

test('the first screen has a title and a footer with the keys that work', async () => {
	const {terminal} = renderApp();
	const frame = await waitForText(
		terminal.lastFrame,
		'↑↓ move · Enter choose · ? help · Ctrl+C quit',
	);
	assert.match(frame, /^sftoken · Where do you log in\?/);
	assert.doesNotMatch(frame, /DEMO/);
	terminal.unmount();
});

test('Enter on Production moves the app to signing in at login.salesforce.com, Esc comes back', async () => {
	const {terminal, states} = renderApp();
	await waitForText(terminal.lastFrame, '❯ Production');
	terminal.write('\r');
	await waitForText(terminal.lastFrame, 'Signing in to https://login.salesforce.com');
	const state = states.at(-1);
	assert.equal(state?.screen.name, 'sign-in');
	assert.equal(
		state?.screen.name === 'sign-in' ? state.screen.target.loginUrl : '',
		'https://login.salesforce.com',
	);
	await waitForText(terminal.lastFrame, 'Esc back · Ctrl+C quit');
	terminal.write('\u001B');
	await waitForText(terminal.lastFrame, '❯ Production');
	assert.deepEqual(states.at(-1), {screen: {name: 'domain'}});
	terminal.unmount();
});

test('the footer follows the screen: the My Domain input has its own keys', async () => {
	const {terminal} = renderApp();
	await waitForText(terminal.lastFrame, '❯ Production');
	terminal.write(end);
	await waitForText(terminal.lastFrame, '❯ My Domain');
	terminal.write('\r');
	await waitForText(terminal.lastFrame, 'Enter accept · Esc back · Ctrl+C quit');
	terminal.unmount();
});

test('a My Domain login is remembered and offered first next time', async () => {
	const store = inMemoryStore();
	const first = renderApp({store});
	await waitForText(first.terminal.lastFrame, '❯ Production');
	first.terminal.write(end);
	await waitForText(first.terminal.lastFrame, '❯ My Domain');
	first.terminal.write('\r');
	await waitForText(first.terminal.lastFrame, 'Esc back');
	first.terminal.write('https://acme--uat.sandbox.lightning.force.com/lightning/page/home\n');
	await waitForText(first.terminal.lastFrame, '✓ https://acme--uat.sandbox.my.salesforce.com');
	first.terminal.write('\r');
	await waitForText(
		first.terminal.lastFrame,
		'Signing in to https://acme--uat.sandbox.my.salesforce.com',
	);
	first.terminal.unmount();

	const second = renderApp({store});
	const frame = await waitForText(second.terminal.lastFrame, 'Del forget');
	assert.match(frame, /❯ https:\/\/acme--uat\.sandbox\.my\.salesforce\.com {2}recent · Sandbox/);
	second.terminal.write('\u001B[3~');
	await waitForText(second.terminal.lastFrame, '❯ Production');
	assert.deepEqual(recentLogins(store).list(), []);
	second.terminal.unmount();
});

test('Production and Sandbox are not remembered: they are always on the list', async () => {
	const store = inMemoryStore();
	const {terminal} = renderApp({store});
	await waitForText(terminal.lastFrame, '❯ Production');
	terminal.write('\r');
	await waitForText(terminal.lastFrame, 'Signing in to');
	assert.deepEqual(recentLogins(store).list(), []);
	terminal.unmount();
});

test('demo mode shows the DEMO label and the emulator first, and remembers nothing', async () => {
	const store = inMemoryStore();
	const {terminal} = renderApp({store, demo: true});
	const frame = await waitForText(terminal.lastFrame, '❯ Demo login service (emulator)');
	assert.match(frame.split('\n')[0] ?? '', /DEMO$/);
	terminal.write('\u001B[B');
	await waitForText(terminal.lastFrame, '❯ Demo org acme');
	terminal.write('\r');
	const signingIn = await waitForText(terminal.lastFrame, 'Signing in to http://127.0.0.1:4101');
	assert.match(signingIn.split('\n')[0] ?? '', /DEMO$/);
	assert.equal(store.get('recentLogins'), undefined);
	terminal.unmount();
});

test('a notice from startup is shown under the header', async () => {
	const {terminal} = renderApp({notice: 'sftoken cannot read its config: broken.'});
	await waitForText(terminal.lastFrame, 'sftoken cannot read its config: broken.');
	terminal.unmount();
});

test('Ctrl+C quits with exit code 130, from the list and from the input', async () => {
	const onList = renderApp();
	await waitForText(onList.terminal.lastFrame, '❯ Production');
	onList.terminal.write('\u0003');
	assert.equal(await onList.terminal.waitUntilExit(), 130);

	const inInput = renderApp();
	await waitForText(inInput.terminal.lastFrame, '❯ Production');
	inInput.terminal.write(end);
	await waitForText(inInput.terminal.lastFrame, '❯ My Domain');
	inInput.terminal.write('\r');
	await waitForText(inInput.terminal.lastFrame, 'Esc back');
	inInput.terminal.write('https://acme');
	await waitFor(() => inInput.terminal.lastFrame().includes('https://acme'));
	inInput.terminal.write('\u0003');
	assert.equal(await inInput.terminal.waitUntilExit(), 130);
});
