import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {DemoSetup} from '../../source/app-state.js';
import {parseLoginTarget} from '../../source/core/login-target.js';
import type {LoginTarget} from '../../source/core/login-target.js';
import {DomainScreen} from '../../source/screens/domain-screen.js';
import {renderTerminal} from '../helpers/render-terminal.js';
import {waitFor, waitForText} from '../helpers/wait-for.js';

const down = '\u001B[B';
const escape = '\u001B';

function renderScreen(
	options: {recent?: LoginTarget[]; demo?: DemoSetup; columns?: number; rows?: number} = {},
) {
	const chosen: LoginTarget[] = [];
	const forgotten: string[] = [];
	const terminal = renderTerminal(
		<DomainScreen
			isActive
			recent={options.recent ?? []}
			demo={options.demo}
			onChoose={(target) => chosen.push(target)}
			onForget={(loginUrl) => forgotten.push(loginUrl)}
		/>,
		{columns: options.columns ?? 100, rows: options.rows ?? 30},
	);
	return {terminal, chosen, forgotten};
}

/** From the list, opens the My Domain input (the last row). */
async function openMyDomain(terminal: ReturnType<typeof renderScreen>['terminal']) {
	await waitForText(terminal.lastFrame, '❯ Production');
	terminal.write('\u001B[F');
	await waitForText(terminal.lastFrame, '❯ My Domain');
	terminal.write('\r');
	await waitForText(terminal.lastFrame, "paste any URL from your org's browser tab");
}

test('Enter on the first row chooses Production at login.salesforce.com', async () => {
	const {terminal, chosen} = renderScreen();
	const frame = await waitForText(terminal.lastFrame, '❯ Production / Developer Edition');
	assert.match(frame, /https:\/\/login\.salesforce\.com/);
	terminal.write('\r');
	await waitFor(() => chosen.length === 1);
	assert.equal(chosen[0]?.loginUrl, 'https://login.salesforce.com');
	terminal.unmount();
});

test('↓ then Enter chooses Sandbox at test.salesforce.com', async () => {
	const {terminal, chosen} = renderScreen();
	await waitForText(terminal.lastFrame, '❯ Production');
	terminal.write(down);
	await waitForText(terminal.lastFrame, '❯ Sandbox');
	terminal.write('\r');
	await waitFor(() => chosen.length === 1);
	assert.equal(chosen[0]?.loginUrl, 'https://test.salesforce.com');
	terminal.unmount();
});

test('typing an org URL shows the derivation live, keystroke by keystroke', async () => {
	const {terminal, chosen} = renderScreen();
	await openMyDomain(terminal);
	assert.match(terminal.lastFrame(), /avatar menu/);
	const url = 'https://acme--uat.sandbox.lightning.force.com';
	for (const char of url.slice(0, 'https://acme'.length)) terminal.write(char);
	// Half-typed: not a Salesforce address yet, and the screen says so.
	await waitForText(terminal.lastFrame, '✗ acme is not a Salesforce address');
	for (const char of url.slice('https://acme'.length)) terminal.write(char);
	const frame = await waitForText(
		terminal.lastFrame,
		'✓ https://acme--uat.sandbox.my.salesforce.com',
	);
	assert.match(frame, /Sandbox 'uat' of acme/);
	terminal.write('\r');
	await waitFor(() => chosen.length === 1);
	assert.deepEqual(chosen[0], {
		loginUrl: 'https://acme--uat.sandbox.my.salesforce.com',
		label: 'My Domain acme--uat.sandbox.my.salesforce.com',
		kind: 'sandbox',
		source: 'my-domain',
	});
	terminal.unmount();
});

test('a URL pasted in one write is derived at once', async () => {
	const {terminal, chosen} = renderScreen();
	await openMyDomain(terminal);
	terminal.write('https://acme.lightning.force.com/lightning/page/home');
	const frame = await waitForText(terminal.lastFrame, '✓ https://acme.my.salesforce.com');
	assert.match(frame, /Production org acme/);
	assert.equal(chosen.length, 0);
	terminal.unmount();
});

test('a paste with a trailing line break shows the derivation and waits for Enter', async () => {
	const {terminal, chosen} = renderScreen();
	await openMyDomain(terminal);
	terminal.write('https://acme.lightning.force.com/\n');
	const frame = await waitForText(terminal.lastFrame, '✓ https://acme.my.salesforce.com');
	// The field holds the URL alone: the line break neither landed nor submitted.
	assert.ok(
		frame.split('\n').some((line) => line.trimEnd() === '› https://acme.lightning.force.com/'),
	);
	assert.equal(chosen.length, 0);
	terminal.write('\r');
	await waitFor(() => chosen.length === 1);
	assert.equal(chosen[0]?.loginUrl, 'https://acme.my.salesforce.com');
	terminal.unmount();
});

test('a bracketed paste is derived without its markers and does not submit', async () => {
	const {terminal, chosen} = renderScreen();
	await openMyDomain(terminal);
	terminal.write(
		'\u001B[200~https://acme--uat.sandbox.lightning.force.com/lightning/page/home\r\u001B[201~',
	);
	const frame = await waitForText(
		terminal.lastFrame,
		'✓ https://acme--uat.sandbox.my.salesforce.com',
	);
	assert.doesNotMatch(frame, /200~|201~/);
	assert.equal(chosen.length, 0);
	terminal.unmount();
});

test('a refusal says what to paste instead, and Enter keeps it on screen', async () => {
	const {terminal, chosen} = renderScreen();
	await openMyDomain(terminal);
	terminal.write('https://na123.salesforce.com');
	const frame = await waitForText(
		terminal.lastFrame,
		'✗ na123.salesforce.com is a shared instance address',
	);
	assert.match(frame, /avatar menu/);
	assert.match(frame, /Setup → My Domain/);
	terminal.write('\r');
	// Prove the Enter was handled: typing after it still edits the same field.
	terminal.write('/');
	await waitForText(terminal.lastFrame, 'https://na123.salesforce.com/');
	assert.match(terminal.lastFrame(), /✗ na123\.salesforce\.com is a shared instance address/);
	assert.equal(chosen.length, 0);
	terminal.unmount();
});

test('Esc goes back from the input to the list, which keeps what was typed', async () => {
	const {terminal} = renderScreen();
	await openMyDomain(terminal);
	terminal.write('https://acme.lightning.force.com');
	await waitForText(terminal.lastFrame, '✓ https://acme.my.salesforce.com');
	terminal.write(escape);
	await waitForText(terminal.lastFrame, '❯ My Domain');
	terminal.write('\r');
	await waitForText(terminal.lastFrame, '✓ https://acme.my.salesforce.com');
	terminal.unmount();
});

test('Esc on the list does not leave the screen', async () => {
	const {terminal, chosen} = renderScreen();
	await waitForText(terminal.lastFrame, '❯ Production');
	terminal.write(escape);
	terminal.write(down);
	await waitForText(terminal.lastFrame, '❯ Sandbox');
	assert.equal(chosen.length, 0);
	terminal.unmount();
});

test('? shows the help in place of the list; ? or Esc brings the list back', async () => {
	const {terminal} = renderScreen();
	await waitForText(terminal.lastFrame, '❯ Production');
	terminal.write(down);
	await waitForText(terminal.lastFrame, '❯ Sandbox');
	terminal.write('?');
	const frame = await waitForText(terminal.lastFrame, 'avatar menu');
	assert.match(frame, /Setup → My Domain/);
	assert.match(frame, /test\.salesforce\.com/);
	assert.doesNotMatch(frame, /❯/);
	terminal.write('?');
	// The list comes back as it was left.
	await waitForText(terminal.lastFrame, '❯ Sandbox');
	terminal.write('?');
	await waitForText(terminal.lastFrame, 'avatar menu');
	terminal.write(escape);
	await waitForText(terminal.lastFrame, '❯ Sandbox');
	terminal.unmount();
});

async function helpFits(columns: number, rows: number) {
	const {terminal} = renderScreen({columns, rows});
	await waitForText(terminal.lastFrame, '❯ Production');
	terminal.write('?');
	const frame = await waitForText(terminal.lastFrame, 'sandboxes.');
	// The screen's share of the rows: the app adds a header, a footer and two blank lines.
	const lines = frame.split('\n');
	assert.ok(lines.length <= rows - 4, frame);
	assert.ok(
		lines.every((line) => [...line].length <= columns),
		frame,
	);
	terminal.unmount();
}

test('the help fits a small terminal', async () => {
	await helpFits(36, 12);
	await helpFits(40, 12);
});

test('recent logins are offered first and Delete forgets one', async () => {
	const recent = parseLoginTarget('https://acme--uat.sandbox.my.salesforce.com');
	assert.ok(recent.ok);
	const {terminal, chosen, forgotten} = renderScreen({recent: [recent.target]});
	const frame = await waitForText(
		terminal.lastFrame,
		'❯ https://acme--uat.sandbox.my.salesforce.com',
	);
	assert.match(frame, /recent · Sandbox/);
	terminal.write('\u001B[3~');
	await waitFor(() => forgotten.length === 1);
	assert.deepEqual(forgotten, ['https://acme--uat.sandbox.my.salesforce.com']);
	terminal.write('\r');
	await waitFor(() => chosen.length === 1);
	assert.equal(chosen[0]?.loginUrl, 'https://acme--uat.sandbox.my.salesforce.com');
	terminal.unmount();
});

const demo: DemoSetup = {
	loginUrl: 'http://127.0.0.1:4100',
	orgs: [{name: 'acme', myDomainUrl: 'http://127.0.0.1:4101', sandbox: false}],
};

test('demo mode offers the emulator first, and the input accepts loopback URLs', async () => {
	const {terminal, chosen} = renderScreen({demo});
	const frame = await waitForText(
		terminal.lastFrame,
		'❯ Demo login service (emulator)  http://127.0.0.1:4100',
	);
	assert.match(frame, /Demo org acme {2}http:\/\/127\.0\.0\.1:4101/);
	terminal.write('\u001B[F');
	await waitForText(terminal.lastFrame, '❯ My Domain');
	terminal.write('\r');
	await waitForText(terminal.lastFrame, "paste any URL from your org's browser tab");
	terminal.write('http://127.0.0.1:4101/');
	await waitForText(terminal.lastFrame, '✓ http://127.0.0.1:4101');
	terminal.write('\r');
	await waitFor(() => chosen.length === 1);
	assert.equal(chosen[0]?.source, 'emulator');
	terminal.unmount();
});

test('outside demo mode a loopback URL is refused', async () => {
	const {terminal} = renderScreen();
	await openMyDomain(terminal);
	terminal.write('http://127.0.0.1:4101/');
	await waitForText(terminal.lastFrame, '✗ Loopback addresses are only for the built-in emulator');
	terminal.unmount();
});

test('a narrow terminal gets a compact layout that never draws past the edge', async () => {
	const {terminal} = renderScreen({columns: 30, rows: 12});
	let frame = await waitForText(terminal.lastFrame, '❯ Production');
	assert.doesNotMatch(frame, /login\.salesforce\.com/);
	assert.ok(
		frame.split('\n').every((line) => [...line].length <= 30),
		frame,
	);
	terminal.write('\u001B[F');
	terminal.write('\r');
	await waitForText(terminal.lastFrame, 'Paste an org URL:');
	terminal.write('https://acme--uat.sandbox.lightning.force.com/lightning/page/home');
	frame = await waitForText(terminal.lastFrame, '✓ https://');
	assert.ok(
		frame.split('\n').every((line) => [...line].length <= 30),
		frame,
	);
	assert.match(frame, /Sandbox 'uat' of acme/);
	terminal.unmount();
});

test('a resize to a narrow width switches to the compact layout', async () => {
	const {terminal} = renderScreen({columns: 100, rows: 30});
	await waitForText(terminal.lastFrame, 'https://login.salesforce.com');
	terminal.resize(30, 12);
	await waitFor(() => !terminal.lastFrame().includes('https://login.salesforce.com'));
	terminal.unmount();
});
