import {test} from 'node:test';
import {Text} from 'ink';
import {useTerminalSize} from '../../source/hooks/use-terminal-size.js';
import {renderTerminal} from '../helpers/render-terminal.js';
import {waitForText} from '../helpers/wait-for.js';

function ShowSize() {
	const {columns, rows} = useTerminalSize();
	return <Text>{`${columns}x${rows}`}</Text>;
}

test('the size is the stream it draws on, and follows resizes', async () => {
	const terminal = renderTerminal(<ShowSize />, {columns: 72, rows: 20});
	await waitForText(terminal.lastFrame, '72x20');
	terminal.resize(38, 11);
	await waitForText(terminal.lastFrame, '38x11');
	terminal.unmount();
});

test('a stream that reports no size is drawn for 80x24', async () => {
	const terminal = renderTerminal(<ShowSize />, {columns: 0, rows: 0});
	await waitForText(terminal.lastFrame, '80x24');
	terminal.unmount();
});
