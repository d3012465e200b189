// Steps of the `sftoken --demo` walk shared by the end-to-end tests: what a person reads on the
// screen and types, including approving the device code at the emulator's /setup/connect page.
import assert from 'node:assert/strict';
import {approveDeviceCode} from './emulator.js';
import {keys, startTerminal, type AppTerminal, type TerminalOptions} from './terminal.js';

export const titles = {
	domain: 'Where do you log in?',
	signIn: 'How do you want to sign in?',
	device: 'Sign in with a device code',
	identity: 'Who am I',
	request: 'Request',
	history: 'Recent requests',
} as const;

/** Starts `sftoken --demo` and waits for the first screen. */
export async function startDemo(options: TerminalOptions = {}): Promise<AppTerminal> {
	const terminal = startTerminal({...options, args: ['--demo', ...(options.args ?? [])]});
	await terminal.waitForText(titles.domain);
	await terminal.waitForText('Enter choose');
	return terminal;
}

/** First screen → the demo login service → "How do you want to sign in?". */
export async function toSignIn(terminal: AppTerminal): Promise<void> {
	await terminal.waitForText('❯ Demo login service (emulator)');
	terminal.write(keys.enter);
	await terminal.waitForText(titles.signIn);
	// Its keys are listened to once its footer shows (see toRequest).
	await terminal.waitForText('? setup');
}

export type DeviceScreen = {
	readonly loginUrl: string;
	readonly userCode: string;
	readonly username: string;
	readonly password: string;
};

/** Sign-in → Device code; resolves to what the device login screen shows. */
export async function toDeviceLogin(terminal: AppTerminal): Promise<DeviceScreen> {
	await toSignIn(terminal);
	terminal.write(keys.up);
	await terminal.waitForText('❯ Device code');
	terminal.write(keys.enter);
	const screen = await terminal.waitForScreen(
		(_lines, text) => /\/setup\/connect/.test(text) && /Demo login: \S+ \/ \S+/.test(text),
		'the device code, the address and the demo login',
	);
	const loginUrl = /(http:\/\/127\.0\.0\.1:\d+)\/setup\/connect/.exec(screen)?.[1];
	// The code is drawn big, then once as text: "ABCD EFGH" at the start of a line.
	const code = /^([A-Z\d]{4}) ([A-Z\d]{4})(?:\s|$)/m.exec(screen);
	const user = /Demo login: (\S+) \/ (\S+)/.exec(screen);
	assert.ok(loginUrl !== undefined && code && user, `unexpected device screen:\n${screen}`);
	return {
		loginUrl,
		userCode: `${code[1]}${code[2]}`,
		username: user[1]!,
		password: user[2]!,
	};
}

/**
 * The demo's first org's user: the emulator makes it from its seed (source/emulator/orgs.ts), and
 * the device code screen prints it as "Demo login: …".
 */
export const demoUser = {username: 'admin@acme.demo', password: 'demo-password-1'} as const;

/** An SSH session: the app opens no browser and offers paste-back (and still listens). */
export const sshEnv = {SSH_CONNECTION: '10.0.0.1 50000 10.0.0.2 22'} as const;

/**
 * Sign-in → Browser; resolves to the authorize address the screen shows (the app wraps it over
 * several full-width lines so that none of it is lost).
 */
export async function toBrowserLogin(terminal: AppTerminal): Promise<string> {
	await toSignIn(terminal);
	terminal.write(keys.down);
	await terminal.waitForText(/❯ Browser/);
	terminal.write(keys.enter);
	const screen = await terminal.waitForText('Waiting for the browser to come back');
	const lines = screen.split('\n');
	const first = lines.findIndex((line) => line.startsWith('http://127.0.0.1:'));
	assert.ok(first !== -1, `no authorize address on the screen:\n${screen}`);
	let url = '';
	for (const line of lines.slice(first)) {
		if (line === '') break;
		url += line;
	}

	assert.match(url, /\/services\/oauth2\/authorize\?.*state=/);
	return url;
}

/**
 * Waits for the identity screen and its footer: until that footer shows, the login screen's
 * Ctrl+C handler (cancel) can still be the one registered, and its keys may not be listened to.
 */
export async function toIdentityReady(terminal: AppTerminal): Promise<void> {
	await terminal.waitForText(titles.identity);
	await terminal.waitForText('Enter continue');
}

/** The whole login: device code approved over HTTP, up to the identity screen. */
export async function logInWithDeviceCode(terminal: AppTerminal): Promise<DeviceScreen> {
	const device = await toDeviceLogin(terminal);
	await approveDeviceCode(device.loginUrl, device.userCode, device);
	await toIdentityReady(terminal);
	return device;
}

/**
 * Identity → Enter → the request screen, ready to send. Each step waits for the screen's footer:
 * a screen's keys are listened to from an effect after its first frame, and the footer is set by
 * an effect of that same render, so a key sent before the footer shows can be dropped.
 */
export async function toRequest(terminal: AppTerminal): Promise<void> {
	await toIdentityReady(terminal);
	terminal.write(keys.enter);
	await terminal.waitForText('Ready: GET /services/data/');
	await terminal.waitForText('Enter send');
}

/** From the request screen: sends GET …/limits and waits for its answer. */
export async function sendLimitsRequest(terminal: AppTerminal): Promise<void> {
	terminal.write('limits');
	await terminal.waitForText(/Ready: GET \/services\/data\/v\d+\.0\/limits/);
	terminal.write(keys.enter);
	await terminal.waitForText(/200 OK · \d+ ms/);
}

/** Ctrl+R: the history screen, from any screen but a login; ready for keys. */
export async function toHistory(terminal: AppTerminal): Promise<void> {
	terminal.write(keys.ctrlR);
	await terminal.waitForText(titles.history);
	await terminal.waitForText('Enter open');
}
