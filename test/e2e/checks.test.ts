// The end-to-end checks themselves must be able to fail: each is shown a terminal that breaks it.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {assertFrameFits, assertTerminalRestored} from './helpers/checks.js';
import {colourCodes, startTerminal} from './helpers/terminal.js';

function program(code: string) {
	return {command: {file: process.execPath, args: ['-e', code]}};
}

test('a frame wider than the terminal fails assertFrameFits', async (t) => {
	const terminal = startTerminal({
		cols: 40,
		rows: 12,
		...program(`process.stdout.write('\\u001B[?2026h' + 'x'.repeat(60) + '\\r\\n\\u001B[?2026l')`),
	});
	t.after(async () => terminal.dispose());
	await terminal.waitForExit();
	await assert.rejects(assertFrameFits(terminal), /drawn past the right edge/);
});

test('a frame taller than the terminal fails assertFrameFits', async (t) => {
	const terminal = startTerminal({
		cols: 40,
		rows: 5,
		...program(`process.stdout.write('\\u001B[?2026h' + 'row\\r\\n'.repeat(8) + '\\u001B[?2026l')`),
	});
	t.after(async () => terminal.dispose());
	await terminal.waitForExit();
	await assert.rejects(assertFrameFits(terminal), /a frame of 8 rows in a terminal of 5/);
});

test('a hidden cursor, bracketed paste or alternate screen left on fails assertTerminalRestored', () => {
	assert.throws(() => {
		assertTerminalRestored('\u001B[?25l frame \u001B[?25h\u001B[?25l');
	}, /cursor was left hidden/);
	assert.throws(() => {
		assertTerminalRestored('\u001B[?2004h');
	}, /bracketed paste/);
	assert.throws(() => {
		assertTerminalRestored('\u001B[?1049h\u001B[?1049l\u001B[?1049h');
	}, /alternate screen/);
	assert.doesNotThrow(() => {
		assertTerminalRestored(
			'\u001B[?1049h\u001B[?2004h\u001B[?25l\u001B[?2004l\u001B[?1049l\u001B[?25h',
		);
	});
});

test('colourCodes finds 16-colour, bright, 256-colour and true-colour codes, not bold or dim', () => {
	assert.deepEqual(colourCodes('\u001B[1m\u001B[2m\u001B[22m\u001B[0m\u001B[7m\u001B[39m'), []);
	assert.equal(colourCodes('\u001B[36m').length, 1);
	assert.equal(colourCodes('\u001B[1;91m').length, 1);
	assert.equal(colourCodes('\u001B[38;5;208m').length, 1);
	assert.equal(colourCodes('\u001B[48;2;1;2;3m').length, 1);
});
