// The browser login of `sftoken --demo` in a real terminal, both ways back: the emulator's login
// and Allow pages redirect to the app's loopback listener, or the user pastes the address the
// browser ended on. Run as an SSH session so that no real browser is ever opened; the app still
// listens on localhost then. Both tests use the callback port 1717, so they run one after the other.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {Browser, approveInBrowser} from '../emulator/helpers.js';
import {assertTerminalRestored} from './helpers/checks.js';
import {demoUser, sshEnv, startDemo, toBrowserLogin, toIdentityReady} from './helpers/demo.js';
import {bracketedPaste, keys} from './helpers/terminal.js';

test('browser login: the redirect reaches the loopback listener and the identity shows', async (t) => {
	const terminal = await startDemo({cols: 120, rows: 40, env: sshEnv});
	t.after(async () => terminal.dispose());
	const authorize = await toBrowserLogin(terminal);
	const back = await approveInBrowser(new Browser(), authorize, demoUser);
	assert.equal(`${back.origin}${back.pathname}`, 'http://localhost:1717/OauthRedirect');
	// What the browser does with the redirect: load it, from the app's listener.
	const landed = await fetch(back);
	assert.equal(landed.status, 200);
	await toIdentityReady(terminal);
	await terminal.waitForText(`Signed in as ${demoUser.username}`);
	terminal.write(keys.ctrlC);
	assert.equal((await terminal.waitForExit()).exitCode, 130);
	assertTerminalRestored(terminal.raw);
});

test('browser login: the address the browser ended on, pasted back, signs in', async (t) => {
	const terminal = await startDemo({cols: 120, rows: 40, env: sshEnv});
	t.after(async () => terminal.dispose());
	const authorize = await toBrowserLogin(terminal);
	const back = await approveInBrowser(new Browser(), authorize, demoUser);
	// Over SSH the browser is on another machine: the redirect never reaches this one. The user
	// copies the address bar instead, line break and all.
	terminal.write(bracketedPaste(`${back.href}\n`));
	await terminal.waitForText(back.searchParams.get('state') ?? '');
	terminal.write(keys.enter);
	await toIdentityReady(terminal);
	await terminal.waitForText(`Signed in as ${demoUser.username}`);
	terminal.write(keys.ctrlC);
	assert.equal((await terminal.waitForExit()).exitCode, 130);
	assertTerminalRestored(terminal.raw);
});
