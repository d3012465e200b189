// The history screen inside the app, against the emulator: Ctrl+R opens it from any screen but a
// login, Enter opens an entry in the request screen with its saved answer, r re-runs it (and the
// re-run is kept too), Esc walks back.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {App} from '../../source/app.js';
import type {AppState} from '../../source/app-state.js';
import {memoryAuthContext} from '../../source/auth/context.js';
import {sendRestRequest} from '../../source/salesforce/rest.js';
import type {SignInServices} from '../../source/screens/sign-in/services.js';
import {inMemoryStore} from '../../source/store/config-store.js';
import {historyInputOf} from '../../source/store/history-input.js';
import {memoryHistoryStore} from '../../source/store/history.js';
import {recentLogins} from '../../source/store/recent-logins.js';
import {loggedIn, testHttp, withEmulator} from '../auth/helpers.js';
import {renderTerminal} from '../helpers/render-terminal.js';
import {press, pressFor} from './history-press.js';
import {waitFor, waitForText} from '../helpers/wait-for.js';

const ctrlR = '\u0012';
const escape = '\u001B';

test('Ctrl+R, Enter with the saved answer, r re-runs and is kept, Esc back to where it started', async () => {
	await withEmulator({}, async (emulator) => {
		const auth = memoryAuthContext({http: testHttp});
		const {org, accessToken} = await loggedIn(auth, emulator);
		const history = memoryHistoryStore();
		const request = {
			method: 'GET',
			path: '/services/apexrest/Contacts?limit=1',
			headers: {},
		} as const;
		const result = await sendRestRequest({
			instanceUrl: org.instanceUrl,
			accessToken,
			...request,
			client: testHttp,
		});
		assert.ok(result.ok);
		await history.append(historyInputOf({org, request, result, token: accessToken}));

		let changes = 0;
		history.subscribe(() => {
			changes++;
		});
		const services: SignInServices = {auth, env: {}, platform: 'linux'};
		const states: AppState[] = [];
		const terminal = renderTerminal(
			<App
				recentLogins={recentLogins(inMemoryStore())}
				services={services}
				history={history}
				onStateChange={(state) => states.push(state)}
			/>,
			{columns: 120, rows: 30},
		);
		await waitForText(terminal.lastFrame, '❯ Production');
		await press(terminal, ctrlR, () => terminal.lastFrame().includes('Recent requests'));
		let frame = terminal.lastFrame();
		assert.match(frame, /❯ GET\s+200\s+\/services\/apexrest\/Contacts\?limit=1/u);

		// Enter: the request screen with the form filled in and the saved answer.
		await press(terminal, '\r', () => terminal.lastFrame().includes('From history: the answer of'));
		frame = terminal.lastFrame();
		await waitFor(() => states.at(-1)?.screen.name === 'history-request');
		assert.match(frame, /GET \/services\/apexrest\/Contacts\?limit=1/u);
		assert.match(frame, /200/u);
		await press(terminal, escape, () => terminal.lastFrame().includes('Recent requests'));

		// r: the same org, sent at once; the answer is a new entry in history.
		await press(terminal, 'r', () => terminal.lastFrame().includes(`Same org: ${org.alias}`));
		await press(terminal, '\r', () => changes > 0);
		assert.equal((await history.list()).length, 2);
		await waitFor(() => states.at(-1)?.screen.name === 'history-request');
		const [newest] = await history.list();
		assert.equal(newest?.path, '/services/apexrest/Contacts?limit=1');
		assert.equal(newest?.status, 200);

		// Esc to history: two entries now.
		await press(terminal, escape, () => terminal.lastFrame().includes('2 requests'));

		// The filter is still there when a request opened from it is left.
		await pressFor(terminal, '/', 'e.g. post 400 uat');
		for (const char of 'apexrest') terminal.write(char);
		await waitForText(terminal.lastFrame, '2 of 2');
		await pressFor(terminal, '\r', 'apexrest (/ edit)');
		await pressFor(terminal, '\r', 'From history: the answer of');
		await pressFor(terminal, escape, 'apexrest (/ edit)');

		// Esc clears the filter, Esc again goes back to the first screen.
		await pressFor(terminal, escape, '2 requests');
		await press(terminal, escape, () => terminal.lastFrame().includes('❯ Production'));
		await waitFor(() => states.at(-1)?.screen.name === 'domain');
		terminal.unmount();
	});
});

test('Ctrl+R does nothing over a login in progress', async () => {
	const {appReducer} = await import('../../source/app-state.js');
	const target = {
		loginUrl: 'https://login.salesforce.com',
		label: 'Production',
		kind: 'production',
		source: 'generic',
	} as const;
	const device = {screen: {name: 'device-login', target, clientId: 'x'}} as unknown as AppState;
	assert.equal(appReducer(device, {type: 'open-history'}), device);
	const domain: AppState = {screen: {name: 'domain'}};
	const opened = appReducer(domain, {type: 'open-history'});
	assert.deepEqual(opened, {screen: {name: 'history', returnTo: {name: 'domain'}}});
	assert.deepEqual(appReducer(opened, {type: 'back'}), domain);
});
