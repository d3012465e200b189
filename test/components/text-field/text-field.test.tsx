import {test} from 'node:test';
import assert from 'node:assert/strict';
import {Box, Text} from 'ink';
import {useState} from 'react';
import {TextField} from '../../../source/components/text-field/text-field.js';
import {useTextFieldState} from '../../../source/components/text-field/use-text-field-state.js';
import {renderTerminal} from '../../helpers/render-terminal.js';
import {waitForText} from '../../helpers/wait-for.js';

function Harness({width = 60}: {readonly width?: number}) {
	const field = useTextFieldState();
	const [submitted, setSubmitted] = useState<string[]>([]);
	return (
		<Box flexDirection="column">
			<TextField
				field={field}
				width={width}
				isActive
				placeholder="type here"
				onSubmit={(value) => {
					setSubmitted((all) => [...all, value]);
				}}
			/>
			<Text>{`value=[${field.value}] cursor=${field.cursor}`}</Text>
			<Text>{`submitted=${JSON.stringify(submitted)}`}</Text>
		</Box>
	);
}

const url = 'https://acme.lightning.force.com/lightning/page/home';

test('typing character by character builds the value', async () => {
	const terminal = renderTerminal(<Harness />);
	await waitForText(terminal.lastFrame, 'type here');
	for (const char of 'acme') {
		terminal.write(char);
	}

	await waitForText(terminal.lastFrame, 'value=[acme] cursor=4');
	terminal.unmount();
});

test('a paste in one write lands whole and does not submit', async () => {
	const terminal = renderTerminal(<Harness />);
	terminal.write(url);
	await waitForText(terminal.lastFrame, `value=[${url}]`);
	assert.match(terminal.lastFrame(), /submitted=\[\]/);
	terminal.unmount();
});

test('a paste ending in a line break lands without it and does not submit', async () => {
	for (const lineBreak of ['\n', '\r', '\r\n']) {
		const terminal = renderTerminal(<Harness />);
		terminal.write(`${url}${lineBreak}`);
		await waitForText(terminal.lastFrame, `value=[${url}]`);
		assert.match(terminal.lastFrame(), /submitted=\[\]/, JSON.stringify(lineBreak));
		// The user reads the result, then presses Enter.
		terminal.write('\r');
		await waitForText(terminal.lastFrame, `submitted=["${url}"]`);
		terminal.unmount();
	}
});

test('a bracketed paste loses its markers and its line break', async () => {
	const terminal = renderTerminal(<Harness />);
	terminal.write(`\u001B[200~${url}\n\u001B[201~`);
	await waitForText(terminal.lastFrame, `value=[${url}]`);
	assert.match(terminal.lastFrame(), /submitted=\[\]/);
	assert.doesNotMatch(terminal.lastFrame(), /200~|201~/);
	terminal.unmount();
});

test('a bracketed paste split over several reads still lands whole', async () => {
	const terminal = renderTerminal(<Harness />);
	terminal.write('\u001B[200~https://acme.');
	terminal.write('my.salesforce.com\u001B[201~');
	await waitForText(terminal.lastFrame, 'value=[https://acme.my.salesforce.com]');
	terminal.unmount();
});

test('Backspace, arrows and Ctrl+U edit the value', async () => {
	const terminal = renderTerminal(<Harness />);
	terminal.write('abcd');
	await waitForText(terminal.lastFrame, 'value=[abcd]');
	terminal.write('\u007F');
	await waitForText(terminal.lastFrame, 'value=[abc] cursor=3');
	terminal.write('\u001B[D');
	await waitForText(terminal.lastFrame, 'cursor=2');
	terminal.write('X');
	await waitForText(terminal.lastFrame, 'value=[abXc] cursor=3');
	terminal.write('\u0015');
	await waitForText(terminal.lastFrame, 'value=[c] cursor=0');
	terminal.unmount();
});

test('Esc, Tab and Ctrl+letters are left to the parents, never typed', async () => {
	const terminal = renderTerminal(<Harness />);
	terminal.write('ab');
	await waitForText(terminal.lastFrame, 'value=[ab]');
	terminal.write('\u001B');
	terminal.write('\t');
	terminal.write('\u0003');
	terminal.write('\u0007');
	terminal.write('c');
	await waitForText(terminal.lastFrame, 'value=[abc]');
	terminal.unmount();
});

test('a long value is drawn within the width, ending at the cursor', async () => {
	const terminal = renderTerminal(<Harness width={20} />);
	terminal.write(url);
	const frame = await waitForText(terminal.lastFrame, `value=[${url}]`);
	const fieldLine = frame.split('\n')[0] ?? '';
	// 20 cells: the ellipsis, the last 18 characters and the cursor (a trailing space).
	assert.equal(fieldLine.trimEnd(), '…ightning/page/home');
	terminal.unmount();
});

test('Enter typed right after a paste, in the same chunk, submits the pasted value', async () => {
	const terminal = renderTerminal(<Harness />);
	terminal.write(`\u001B[200~${url}\u001B[201~\r`);
	await waitForText(terminal.lastFrame, `submitted=["${url}"]`);
	terminal.unmount();
});
