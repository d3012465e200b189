import {test} from 'node:test';
import assert from 'node:assert/strict';
import {Text, useApp, useInput} from 'ink';
import {useState} from 'react';
import {
	CtrlCContext,
	useCancelOnCtrlC,
	useCtrlCRegistry,
} from '../../source/hooks/use-cancel-on-ctrl-c.js';
import {renderTerminal} from '../helpers/render-terminal.js';
import {waitForText} from '../helpers/wait-for.js';

/** A screen with work in flight until it is cancelled; `r` starts new work. */
function Worker({onCancel}: {readonly onCancel: () => void}) {
	const [inFlight, setInFlight] = useState(true);
	useCancelOnCtrlC(
		inFlight
			? () => {
					onCancel();
					setInFlight(false);
				}
			: undefined,
	);
	useInput((input) => {
		if (input === 'r') setInFlight(true);
	});
	return <Text>{inFlight ? 'working' : 'idle'}</Text>;
}

/** The root's side, as App does it. */
function Root({
	onCancel,
	stuck = false,
}: {
	readonly onCancel: () => void;
	readonly stuck?: boolean;
}) {
	const {exit} = useApp();
	const ctrlC = useCtrlCRegistry();
	useInput((input, key) => {
		if (key.ctrl && input === 'c' && ctrlC.handleCtrlC() === 'quit') exit(130);
	});
	return (
		<CtrlCContext value={ctrlC.register}>
			{stuck ? <Stuck onCancel={onCancel} /> : <Worker onCancel={onCancel} />}
			<Text>{ctrlC.cancelArmed ? 'Ctrl+C cancel' : 'Ctrl+C quit'}</Text>
		</CtrlCContext>
	);
}

/** Work that ignores its cancel and stays registered with the same function. */
function Stuck({onCancel}: {readonly onCancel: () => void}) {
	const [cancel] = useState(() => onCancel);
	useCancelOnCtrlC(cancel);
	return <Text>stuck</Text>;
}

test('Ctrl+C cancels work in flight first, and quits with 130 the second time', async () => {
	let cancelled = 0;
	const terminal = renderTerminal(<Root onCancel={() => (cancelled += 1)} />);
	await waitForText(terminal.lastFrame, 'Ctrl+C cancel');
	terminal.write('\u0003');
	await waitForText(terminal.lastFrame, 'idle');
	assert.equal(cancelled, 1);
	assert.match(terminal.lastFrame(), /Ctrl\+C quit/);
	terminal.write('\u0003');
	assert.equal(await terminal.waitUntilExit(), 130);
	assert.equal(cancelled, 1);
});

test('new work arms Ctrl+C again', async () => {
	let cancelled = 0;
	const terminal = renderTerminal(<Root onCancel={() => (cancelled += 1)} />);
	await waitForText(terminal.lastFrame, 'working');
	terminal.write('\u0003');
	await waitForText(terminal.lastFrame, 'idle');
	terminal.write('r');
	await waitForText(terminal.lastFrame, 'Ctrl+C cancel');
	terminal.write('\u0003');
	await waitForText(terminal.lastFrame, 'idle');
	assert.equal(cancelled, 2);
	terminal.unmount();
});

test('work that does not stop cannot trap the user: the second Ctrl+C quits', async () => {
	let cancelled = 0;
	const terminal = renderTerminal(<Root stuck onCancel={() => (cancelled += 1)} />);
	await waitForText(terminal.lastFrame, 'Ctrl+C cancel');
	terminal.write('\u0003');
	await waitForText(terminal.lastFrame, 'Ctrl+C quit');
	terminal.write('\u0003');
	assert.equal(await terminal.waitUntilExit(), 130);
	assert.equal(cancelled, 1);
});

/** Work that already finished, but whose cancel is still registered (one render late). */
function Finished({onCancel}: {readonly onCancel: () => void}) {
	const [cancel] = useState(() => () => {
		onCancel();
		return false;
	});
	useCancelOnCtrlC(cancel);
	return <Text>finished</Text>;
}

test('a cancel that finds nothing in flight lets that Ctrl+C quit at once', async () => {
	let asked = 0;
	function FinishedRoot() {
		const {exit} = useApp();
		const ctrlC = useCtrlCRegistry();
		useInput((input, key) => {
			if (key.ctrl && input === 'c' && ctrlC.handleCtrlC() === 'quit') exit(130);
		});
		return (
			<CtrlCContext value={ctrlC.register}>
				<Finished onCancel={() => (asked += 1)} />
			</CtrlCContext>
		);
	}

	const terminal = renderTerminal(<FinishedRoot />);
	await waitForText(terminal.lastFrame, 'finished');
	terminal.write('\u0003');
	assert.equal(await terminal.waitUntilExit(), 130);
	assert.equal(asked, 1);
});
