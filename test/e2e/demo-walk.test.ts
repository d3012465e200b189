// The walk a new user takes with `sftoken --demo`, in a real pseudo-terminal: the first screen,
// sign-in, a device code approved the way a person would (the emulator's /setup/connect form,
// over HTTP), the identity screen, a request and its answer. Ctrl+C and resizing on every screen
// on the way, and Ctrl+C while a request is in flight.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {assertFrameFits, assertTerminalRestored} from './helpers/checks.js';
import {
	logInWithDeviceCode,
	sendLimitsRequest,
	startDemo,
	titles,
	toDeviceLogin,
	toHistory,
	toRequest,
	toSignIn,
} from './helpers/demo.js';
import {keys, type AppTerminal} from './helpers/terminal.js';

async function quitWithCtrlC(terminal: AppTerminal): Promise<void> {
	terminal.write(keys.ctrlC);
	const exit = await terminal.waitForExit();
	assert.equal(exit.exitCode, 130);
	assertTerminalRestored(terminal.raw);
}

/** Resizes to 40×12, checks the redrawn frame (and `small`), then back, checks `large`. */
async function resizeAndBack(
	terminal: AppTerminal,
	small: (text: string) => boolean,
	large: (text: string) => boolean,
): Promise<void> {
	const {cols, rows} = terminal;
	await terminal.resizeAndSettle(40, 12, small, 'the screen redrawn at 40×12');
	await assertFrameFits(terminal);
	await terminal.resizeAndSettle(cols, rows, large, `the screen redrawn at ${cols}×${rows}`);
	await assertFrameFits(terminal);
}

test('the demo walk: domain → device code approved over HTTP → identity → a request → history', async (t) => {
	const terminal = await startDemo();
	t.after(async () => terminal.dispose());
	const device = await logInWithDeviceCode(terminal);
	const identity = terminal.text();
	assert.match(identity, new RegExp(`Signed in as ${device.username.replaceAll('.', '\\.')}`));
	assert.match(identity, /Org +Acme Corporation · 00D\w{15}/);
	// The token is masked: the org id and the last characters only.
	assert.match(identity, /Token +00D\w{12}!…[\w.]{4} +\(masked\)/);
	assert.doesNotMatch(identity, /Token +00D\w{12}![\w.]{20,}/);

	await toRequest(terminal);
	await sendLimitsRequest(terminal);
	assert.match(terminal.text(), /"DailyApiRequests": \{/);

	// Ctrl+R: the request is in history; Enter opens it again with its saved answer.
	await toHistory(terminal);
	const history = await terminal.waitForText(/❯ GET +200 +\/services\/data\/v\d+\.0\/limits/);
	assert.match(history, /1 request/);
	terminal.write(keys.enter);
	await terminal.waitForText('From history: the answer of');
	assert.match(terminal.text(), /"DailyApiRequests": \{/);
	await quitWithCtrlC(terminal);
});

test('the history screen: 40×12 and back, then Ctrl+C exits 130', async (t) => {
	const terminal = await startDemo({cols: 100, rows: 30});
	t.after(async () => terminal.dispose());
	await logInWithDeviceCode(terminal);
	await toRequest(terminal);
	await sendLimitsRequest(terminal);
	await toHistory(terminal);
	await terminal.waitForText(/❯ GET +200/);
	await resizeAndBack(
		terminal,
		(text) => /❯ GET +200/.test(text) && text.includes('Ctrl+C quit'),
		(text) => /❯ GET +200 +\/services\/data\/v\d+\.0\/limits/.test(text),
	);
	await quitWithCtrlC(terminal);
});

test('Ctrl+C on the sign-in screen exits 130 with the terminal restored', async (t) => {
	const terminal = await startDemo();
	t.after(async () => terminal.dispose());
	await toSignIn(terminal);
	await quitWithCtrlC(terminal);
});

test('Ctrl+C while the device code is being polled cancels it; a second Ctrl+C exits 130', async (t) => {
	const terminal = await startDemo();
	t.after(async () => terminal.dispose());
	await toDeviceLogin(terminal);
	await terminal.waitForText('Waiting for approval');
	terminal.write(keys.ctrlC);
	await terminal.waitForText('Cancelled');
	await terminal.waitForText('Ctrl+C quit');
	await quitWithCtrlC(terminal);
});

test('Ctrl+C on the identity screen exits 130 with the terminal restored', async (t) => {
	const terminal = await startDemo();
	t.after(async () => terminal.dispose());
	await logInWithDeviceCode(terminal);
	await quitWithCtrlC(terminal);
});

test('40×12 and back on the sign-in and device code screens', async (t) => {
	const terminal = await startDemo({cols: 100, rows: 40});
	t.after(async () => terminal.dispose());
	await toSignIn(terminal);
	await resizeAndBack(
		terminal,
		(text) => text.includes('Device code') && text.includes('Paste a token'),
		(text) => text.includes('enter a code on any device — works over SSH'),
	);
	terminal.write(keys.escape);
	await terminal.waitForText(titles.domain);

	await toDeviceLogin(terminal);
	// The QR code cannot fit in 40×12: it is hidden (q shows it), the code and address stay.
	await resizeAndBack(
		terminal,
		(text) =>
			/^[A-Z\d]{4} [A-Z\d]{4}$/m.test(text) &&
			text.includes('/setup/connect') &&
			text.includes('q QR code') &&
			!text.includes('▄▄▄▄▄'),
		(text) => text.includes('▄▄▄▄▄') && text.includes('Enter it at this address'),
	);
	// The first Ctrl+C cancels the polling, the second quits.
	terminal.write(keys.ctrlC);
	await terminal.waitForText('Cancelled');
	await quitWithCtrlC(terminal);
});

test('40×12 and back on the identity screen', async (t) => {
	const terminal = await startDemo({cols: 100, rows: 40});
	t.after(async () => terminal.dispose());
	await logInWithDeviceCode(terminal);
	await resizeAndBack(
		terminal,
		(text) => text.includes(titles.identity) && text.includes('admin@acme.demo'),
		(text) => /Org +Acme Corporation · 00D/.test(text),
	);
	await quitWithCtrlC(terminal);
});

test('40×12 and back on the request form', async (t) => {
	const terminal = await startDemo({cols: 100, rows: 30});
	t.after(async () => terminal.dispose());
	await logInWithDeviceCode(terminal);
	await toRequest(terminal);
	await resizeAndBack(
		terminal,
		(text) => /^› GET +\/services\/data\//m.test(text) && text.includes('Enter send'),
		(text) => text.includes('Enter send · Tab next field'),
	);
	await quitWithCtrlC(terminal);
});

test('Ctrl+C while a request is in flight cancels it and stays; the next Ctrl+C exits 130', async (t) => {
	// 100 000 Accounts and their ~200 000 Contacts: sorting them all by a relationship keeps the
	// emulator (in its worker thread) busy while the app reads the key.
	const terminal = await startDemo({cols: 100, rows: 30, args: ['--records', '100000']});
	t.after(async () => terminal.dispose());
	await logInWithDeviceCode(terminal);
	await toRequest(terminal);
	const query = 'SELECT Id, Name, Email, Account.Name FROM Contact ORDER BY Account.Name DESC';
	terminal.write(`query?q=${encodeURIComponent(query)}`);
	await terminal.waitForText(/Ready: GET .*query\?q=/);
	const mark = terminal.raw.length;
	terminal.write(keys.enter);
	await terminal.waitForRaw((raw) => raw.slice(mark).includes('Sending GET'), 'Sending…');
	terminal.write(keys.ctrlC);
	const after = await terminal.waitForText('Cancelled: nothing more was received.');
	assert.doesNotMatch(after, /200 OK/);
	await terminal.waitForText('Ctrl+C quit');
	await quitWithCtrlC(terminal);
});

test('the response view: 40×12 and back', async (t) => {
	const terminal = await startDemo({cols: 100, rows: 30});
	t.after(async () => terminal.dispose());
	await logInWithDeviceCode(terminal);
	await toRequest(terminal);
	await sendLimitsRequest(terminal);
	await resizeAndBack(
		terminal,
		(text) => /^200 OK · \d+ ms/m.test(text) && /^\{$/m.test(text),
		(text) => /200 OK · \d+ ms · [\d.]+ KB/.test(text) && text.includes('/ search'),
	);
	await quitWithCtrlC(terminal);
});
