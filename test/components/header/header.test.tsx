import {test} from 'node:test';
import assert from 'node:assert/strict';
import {Header} from '../../../source/components/header/header.js';
import {renderTerminal} from '../../helpers/render-terminal.js';
import {waitForText} from '../../helpers/wait-for.js';

test('the header names the app and the screen', async () => {
	const terminal = renderTerminal(<Header title="Where do you log in?" demo={false} width={60} />);
	const frame = await waitForText(terminal.lastFrame, 'sftoken · Where do you log in?');
	assert.doesNotMatch(frame, /DEMO/);
	terminal.unmount();
});

test('demo mode shows a DEMO label at the right edge of the terminal', async () => {
	const terminal = renderTerminal(<Header title="Where do you log in?" demo width={60} />, {
		columns: 60,
	});
	const frame = await waitForText(terminal.lastFrame, 'DEMO');
	const line = frame.split('\n')[0] ?? '';
	// The label is " DEMO " in inverse video, flush with the right edge; Ink drops the trailing
	// space of a line when it writes the frame.
	assert.equal(line.length, 60 - 1);
	assert.ok(line.endsWith(' DEMO'));
	terminal.unmount();
});

test('a narrow header drops the app name but keeps the DEMO label', async () => {
	const terminal = renderTerminal(<Header title="Where do you log in?" demo width={30} />, {
		columns: 30,
	});
	const frame = await waitForText(terminal.lastFrame, 'DEMO');
	const line = frame.split('\n')[0] ?? '';
	assert.doesNotMatch(line, /sftoken/);
	assert.ok(line.length <= 30);
	assert.match(line, /^Where do you log/);
	terminal.unmount();
});
