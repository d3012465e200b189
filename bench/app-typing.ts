// Typing in the built app, in a pseudo-terminal: one keystroke into the request screen's path
// field and into its token field, from the bytes written to the terminal to the first output
// that follows (the frame the key caused). Logs in to the demo with a device code first.
//   node --import tsx bench/app-typing.ts [--runs N]      (after npm run build)
import {logInWithDeviceCode, startDemo, toRequest} from '../test/e2e/helpers/demo.js';
import {keys, type AppTerminal} from '../test/e2e/helpers/terminal.js';
import {emit, row, runsOption} from './lib/report.js';

const runs = runsOption(40);

const sleep = async (ms: number) =>
	new Promise((resolve) => {
		setTimeout(resolve, ms);
	});

/** Waits until the app has written nothing for `quietMs`. */
async function settle(terminal: AppTerminal, quietMs = 60): Promise<void> {
	for (;;) {
		const length = terminal.raw.length;

		await sleep(quietMs);
		if (terminal.raw.length === length) return;
	}
}

/** Milliseconds from writing `bytes` to the first output after it. */
async function keyToFrame(terminal: AppTerminal, bytes: string): Promise<number> {
	await settle(terminal);
	const length = terminal.raw.length;
	const start = performance.now();
	terminal.write(bytes);
	await terminal.waitForRaw((raw) => raw.length > length, 'a frame after the key');
	return performance.now() - start;
}

const terminal = await startDemo({cols: 100, rows: 30});
try {
	await logInWithDeviceCode(terminal);
	await toRequest(terminal);

	// The path field has the focus: a letter, then Backspace, so the path stays the same length.
	const path: number[] = [];
	for (let index = 0; index < runs; index++) {
		path.push(await keyToFrame(terminal, index % 2 === 0 ? 'x' : keys.backspace));
	}

	// Tab twice to the token field (one key at a time: two in one read are a paste), e to edit.
	terminal.write(keys.tab);
	await terminal.waitForText('› Headers');
	terminal.write(keys.tab);
	await terminal.waitForText('› Token');
	terminal.write('e');
	await settle(terminal);
	const token: number[] = [];
	for (let index = 0; index < runs; index++) {
		token.push(await keyToFrame(terminal, index % 2 === 0 ? 'x' : keys.backspace));
	}

	emit({
		name: 'typing in the app (PTY)',
		rows: [
			row('request screen, path field: one key → frame', path, {atMost: 16}),
			row('request screen, token field: one key → frame', token, {atMost: 16}),
		],
		notes: [
			'The built app (--demo, logged in) in a 100×30 pseudo-terminal; each key is written after the app has been quiet for 60 ms and timed to the first byte of output after it.',
		],
	});
} finally {
	terminal.write(keys.ctrlC);
	await terminal.waitForExit().catch(() => undefined);
	await terminal.dispose();
}
