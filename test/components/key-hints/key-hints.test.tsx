import {test} from 'node:test';
import assert from 'node:assert/strict';
import {KeyHints} from '../../../source/components/key-hints/key-hints.js';
import {renderTerminal} from '../../helpers/render-terminal.js';
import {waitForText} from '../../helpers/wait-for.js';

const hints = [
	{keys: '↑↓', label: 'move'},
	{keys: 'Enter', label: 'choose'},
	{keys: '?', label: 'help'},
	{keys: 'Ctrl+C', label: 'quit'},
];

test('the footer lists the keys on one line', async () => {
	const terminal = renderTerminal(<KeyHints hints={hints} width={80} />);
	await waitForText(terminal.lastFrame, '↑↓ move · Enter choose · ? help · Ctrl+C quit');
	terminal.unmount();
});

test('a narrow footer keeps the way out and never wraps', async () => {
	const terminal = renderTerminal(<KeyHints hints={hints} width={30} />, {columns: 30});
	const frame = await waitForText(terminal.lastFrame, 'Ctrl+C quit');
	// With Enter the line would be 36 columns; the later hints go first, Ctrl+C stays.
	assert.equal(frame.trimEnd(), '↑↓ move · Ctrl+C quit');
	terminal.unmount();
});
