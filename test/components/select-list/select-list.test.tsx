import {test} from 'node:test';
import assert from 'node:assert/strict';
import {Box, Text} from 'ink';
import {useState} from 'react';
import {SelectList} from '../../../source/components/select-list/select-list.js';
import type {SelectItem} from '../../../source/components/select-list/select-list-state.js';
import {useSelectListState} from '../../../source/components/select-list/use-select-list-state.js';
import {renderTerminal} from '../../helpers/render-terminal.js';
import {waitForText} from '../../helpers/wait-for.js';

const initial: Array<SelectItem<string>> = [
	{key: 'a', label: 'Alpha', detail: 'first', value: 'a', removable: true},
	{key: 'b', label: 'Bravo', detail: 'second', value: 'b'},
	{key: 'c', label: 'Charlie', value: 'c'},
];

function Harness({maxRows = 10}: {readonly maxRows?: number}) {
	const [items, setItems] = useState(initial);
	const [chosen, setChosen] = useState('none');
	const list = useSelectListState(items);
	return (
		<Box flexDirection="column">
			<SelectList
				list={list}
				isActive
				maxRows={maxRows}
				onChoose={(item) => {
					setChosen(item.value);
				}}
				onRemove={(item) => {
					setItems((all) => all.filter((other) => other.key !== item.key));
				}}
			/>
			<Text>{`chosen=${chosen}`}</Text>
		</Box>
	);
}

test('the first row starts highlighted, with its detail', async () => {
	const terminal = renderTerminal(<Harness />);
	const frame = await waitForText(terminal.lastFrame, '❯ Alpha  first');
	assert.match(frame, /^ {2}Bravo {2}second$/m);
	terminal.unmount();
});

test('↓ and ↑ move the highlight, wrapping at the ends, and Enter chooses', async () => {
	const terminal = renderTerminal(<Harness />);
	await waitForText(terminal.lastFrame, '❯ Alpha');
	terminal.write('\u001B[B');
	await waitForText(terminal.lastFrame, '❯ Bravo');
	terminal.write('\u001B[A');
	await waitForText(terminal.lastFrame, '❯ Alpha');
	terminal.write('\u001B[A');
	await waitForText(terminal.lastFrame, '❯ Charlie');
	terminal.write('\r');
	await waitForText(terminal.lastFrame, 'chosen=c');
	terminal.unmount();
});

test('Delete removes a removable row and nothing else', async () => {
	const terminal = renderTerminal(<Harness />);
	await waitForText(terminal.lastFrame, '❯ Alpha');
	terminal.write('\u001B[B');
	await waitForText(terminal.lastFrame, '❯ Bravo');
	terminal.write('\u001B[3~');
	terminal.write('\u001B[A');
	await waitForText(terminal.lastFrame, '❯ Alpha');
	assert.match(terminal.lastFrame(), /Bravo/);
	terminal.write('\u001B[3~');
	const frame = await waitForText(terminal.lastFrame, '❯ Bravo');
	assert.doesNotMatch(frame, /Alpha/);
	terminal.unmount();
});

test('a list taller than its rows scrolls and says how much is hidden', async () => {
	const terminal = renderTerminal(<Harness maxRows={2} />);
	const frame = await waitForText(terminal.lastFrame, '↓ 2 more');
	assert.match(frame, /❯ Alpha/);
	assert.doesNotMatch(frame, /Bravo/);
	terminal.write('\u001B[F');
	await waitForText(terminal.lastFrame, '❯ Charlie');
	assert.match(terminal.lastFrame(), /↑ 2 more/);
	terminal.unmount();
});

test('keys typed ahead in one chunk act in order: ↓↓ Enter chooses the third row', async () => {
	const terminal = renderTerminal(<Harness />);
	await waitForText(terminal.lastFrame, '❯ Alpha');
	terminal.write('\u001B[B\u001B[B\r');
	await waitForText(terminal.lastFrame, 'chosen=c');
	terminal.unmount();
});
