// The built app in a real pseudo-terminal, without --demo: the first screen, a pasted My Domain
// URL, Ctrl+C, resizing, and the terminal handed back in the state the user had it.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	assertEveryFrameFits,
	assertFrameFits,
	assertTerminalRestored,
	appThenStty,
	cookedModeAfterApp,
	sttyMarker,
} from './helpers/checks.js';
import {bracketedPaste, keys, startTerminal} from './helpers/terminal.js';

const title = 'Where do you log in?';

test('Ctrl+C on the first screen exits 130 and leaves the cursor shown', async (t) => {
	const terminal = startTerminal();
	t.after(async () => terminal.dispose());
	const screen = await terminal.waitForText(title);
	assert.match(screen, /Production \/ Developer Edition {2}https:\/\/login\.salesforce\.com/);
	assert.match(screen, /Sandbox {2}https:\/\/test\.salesforce\.com/);
	assert.match(screen, /Ctrl\+C quit/);

	terminal.write(keys.ctrlC);
	const exit = await terminal.waitForExit();
	assert.equal(exit.exitCode, 130);
	assertTerminalRestored(terminal.raw);
});

test('Enter pressed the moment the first frame shows is acted on, not lost', async (t) => {
	// Ink turns raw mode on only after its first frame; until then the terminal is in cooked mode,
	// where Enter becomes a line feed the list ignores. The CLI switches to raw mode before it
	// loads the app, so nothing typed after that is lost.
	const terminal = startTerminal({args: ['--demo']});
	t.after(async () => terminal.dispose());
	await terminal.waitForRaw((raw) => raw.includes(title), 'the first frame');
	terminal.write(keys.enter);
	await terminal.waitForText('How do you want to sign in?');
	terminal.write(keys.ctrlC);
	assert.equal((await terminal.waitForExit()).exitCode, 130);
	assertTerminalRestored(terminal.raw);
});

test('after Ctrl+C the shell gets its terminal back in cooked mode (icanon echo)', async (t) => {
	const terminal = startTerminal({command: appThenStty()});
	t.after(async () => terminal.dispose());
	await terminal.waitForText(title);
	terminal.write(keys.ctrlC);
	const screen = await terminal.waitForText(sttyMarker);
	await terminal.waitForExit();
	assert.deepEqual(cookedModeAfterApp(terminal.text()), {icanon: true, echo: true}, screen);
	assertTerminalRestored(terminal.raw);
	assert.match(terminal.text(), /exit=130/);
});

test('a bracketed paste of an org URL derives the My Domain login URL; Esc goes back', async (t) => {
	const terminal = startTerminal();
	t.after(async () => terminal.dispose());
	await terminal.waitForText(title);
	terminal.write(keys.down);
	terminal.write(keys.down);
	await terminal.waitForText('❯ My Domain');
	terminal.write(keys.enter);
	await terminal.waitForText('› https://…');

	// Pasted with its trailing line break, as copying a whole line from a browser gives it.
	terminal.write(
		bracketedPaste('https://acme--uat.sandbox.lightning.force.com/lightning/page/home\n'),
	);
	const derived = await terminal.waitForText('✓ https://acme--uat.sandbox.my.salesforce.com');
	assert.match(derived, /Sandbox 'uat' of acme/);
	// The line break of the paste neither submitted nor landed in the field.
	assert.match(
		derived,
		/› https:\/\/acme--uat\.sandbox\.lightning\.force\.com\/lightning\/page\/home/,
	);
	assert.match(derived, new RegExp(title));

	terminal.write(keys.escape);
	await terminal.waitForText('❯ My Domain');
	terminal.write(keys.ctrlC);
	assert.equal((await terminal.waitForExit()).exitCode, 130);
	assertTerminalRestored(terminal.raw);
});

test('resized to 40×12 and back, the first screen redraws within the edges', async (t) => {
	const terminal = startTerminal({cols: 100, rows: 30});
	t.after(async () => terminal.dispose());
	await terminal.waitForText(title);

	// At 40 columns the rows keep their names and lose the ends of their details.
	await terminal.resizeAndSettle(
		40,
		12,
		(text) => /^❯ Production \/ Developer Edition {2}https…$/m.test(text),
		'the first screen redrawn at 40×12',
	);
	const small = await assertFrameFits(terminal);
	assert.match(small.join('\n'), /^sftoken · Where do you log in\?/);
	assert.match(small.join('\n'), /Ctrl\+C quit/);

	await terminal.resizeAndSettle(
		100,
		30,
		(text) => /^❯ Production \/ Developer Edition {2}https:\/\/login\.salesforce\.com$/m.test(text),
		'the first screen redrawn at 100×30',
	);
	await assertFrameFits(terminal);

	terminal.write(keys.ctrlC);
	assert.equal((await terminal.waitForExit()).exitCode, 130);
	assertTerminalRestored(terminal.raw);
});

test('every frame drawn while shrinking to 40×12 fits, the first one included', async (t) => {
	const terminal = startTerminal({cols: 100, rows: 30});
	t.after(async () => terminal.dispose());
	await terminal.waitForText(title);
	const mark = await terminal.resizeAndSettle(
		40,
		12,
		(text) => /^❯ Production \/ Developer Edition {2}https…$/m.test(text),
		'the first screen redrawn at 40×12',
	);
	await assertEveryFrameFits(terminal, mark);
});
