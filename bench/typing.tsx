// Typing: one keystroke into the token field, from the key to the frame it causes, with a
// realistic token (org id, '!', 112 characters) already in the field.
//   NODE_ENV=production node --import tsx bench/typing.tsx [--runs N]
import {useState} from 'react';
import {TokenField} from '../source/components/token-field/token-field.js';
import {timedRender} from './lib/ink-frames.js';
import {emit, row, runsOption} from './lib/report.js';

const runs = runsOption(40);
const token = `00D5g000004XyZa!AR8AQJXg5oV.${'kP3_rT9wQzLm'.repeat(8)}b1c2d3e44f2Q`;

function TokenHarness() {
	const [value, setValue] = useState(token);
	return <TokenField value={value} width={100} isActive onChange={setValue} />;
}

const tokenField = timedRender(<TokenHarness />, {columns: 100, rows: 30});
await tokenField.firstFrame;
// e: edit mode, so letters are text; then one letter, one Backspace, so the length stays put.
await tokenField.press('e');
const typing: number[] = [];
for (let index = 0; index < runs; index++) {
	typing.push(await tokenField.press(index % 2 === 0 ? 'x' : '\u007F'));
}

tokenField.unmount();

emit({
	name: 'typing',
	rows: [row('token field: one key → frame', typing, {atMost: 16})],
	notes: [
		'In-process: Ink renders into a 100×30 fake terminal that timestamps each write; keys alternate a letter and Backspace on a 128-character token in edit mode, each after the app is idle.',
	],
});
