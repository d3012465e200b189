// Sign-in tests against the emulator: a context on a temporary config directory with the secrets
// file forced, HTTP recorded, and the app rendered in demo mode up to a chosen screen.
import assert from 'node:assert/strict';
import {App} from '../../../source/app.js';
import type {AppState, DemoSetup} from '../../../source/app-state.js';
import {openAuthContext, type AuthContext} from '../../../source/auth/context.js';
import type {RunningEmulator} from '../../../source/emulator/index.js';
import type {SignInServices} from '../../../source/screens/sign-in/services.js';
import {inMemoryStore} from '../../../source/store/config-store.js';
import {recentLogins} from '../../../source/store/recent-logins.js';
import {temporaryDirectory, testEnv} from '../../auth/helpers.js';
import {waitForText} from '../../helpers/wait-for.js';
import {recordingHttp, renderRecording, type RecordingTerminal} from './sign-in.js';

export function demoOf(emulator: RunningEmulator): DemoSetup {
	return {
		loginUrl: emulator.loginUrl,
		clientId: emulator.clientId,
		orgs: emulator.orgs.map((org) => ({
			name: org.name,
			myDomainUrl: org.myDomainUrl,
			sandbox: org.sandbox,
			username: org.username,
			password: org.password,
		})),
	};
}

/** A context on a fresh temporary config directory, tokens in the 0600 file, HTTP recorded. */
export async function testContext(t: {
	after(fn: () => void): void;
}): Promise<{context: AuthContext; requests: string[]; directory: string}> {
	const directory = temporaryDirectory(t);
	const {http, requests} = recordingHttp();
	const opened = await openAuthContext({env: testEnv(directory), http});
	assert.ok(opened.ok, JSON.stringify(opened));
	return {context: opened.value, requests, directory};
}

export type AppRun = {
	readonly terminal: RecordingTerminal;
	readonly states: AppState[];
};

/** The app in demo mode against the emulator, on the domain screen. */
export async function renderDemoApp(
	emulator: RunningEmulator,
	services: SignInServices,
	size: {columns: number; rows: number} = {columns: 100, rows: 30},
): Promise<AppRun> {
	const states: AppState[] = [];
	const terminal = renderRecording(
		<App
			recentLogins={recentLogins(inMemoryStore())}
			demo={demoOf(emulator)}
			services={services}
			onStateChange={(state) => states.push(state)}
		/>,
		size,
	);
	await waitForText(terminal.lastFrame, 'Demo login service');
	return {terminal, states};
}

const up = '\u001B[A';
const down = '\u001B[B';

/**
 * From the domain screen to a sign-in method: `row` picks the demo login service (0) or a demo
 * org (1, 2…); the methods are listed device, browser, paste, the browser highlighted first.
 */
export async function chooseMethod(
	run: AppRun,
	method: 'device' | 'browser' | 'paste',
	row = 0,
): Promise<void> {
	const {terminal} = run;
	for (let index = 0; index < row; index++) terminal.write(down);
	terminal.write('\r');
	await waitForText(terminal.lastFrame, '❯ Browser on this machine');
	if (method === 'device') terminal.write(up);
	if (method === 'paste') terminal.write(down);
	await waitForText(
		terminal.lastFrame,
		method === 'device' ? '❯ Device code' : method === 'paste' ? '❯ Paste a token' : '❯ Browser',
	);
	terminal.write('\r');
}
