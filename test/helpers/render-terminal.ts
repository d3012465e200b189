import {EventEmitter} from 'node:events';
import {stripVTControlCharacters} from 'node:util';
import {render} from 'ink';
import type {ReactElement} from 'react';

/**
 * A terminal of a chosen size for component tests, on Ink's own render: unlike
 * ink-testing-library (fixed 100 columns, no rows, no exit code) it can be resized and exposes
 * waitUntilExit, so tests see layouts at any width and the code the app exits with.
 */

class FakeStdout extends EventEmitter {
	columns: number;
	rows: number;
	lastFrame = '';
	/** Every write, escape sequences included (OSC 52 and OSC 8 are invisible in a frame). */
	readonly writes: string[] = [];

	constructor(columns: number, rows: number) {
		super();
		this.columns = columns;
		this.rows = rows;
	}

	write = (data: string, callback?: () => void) => {
		this.writes.push(data);
		// Ink ends with a bare line break (and an empty write as a flush barrier): keep the frame.
		if (data.trim() !== '') this.lastFrame = data;
		// Ink resolves waitUntilExit from the callback of its last write.
		if (callback !== undefined) setImmediate(callback);
		return true;
	};
}

/** Ink 8 reads stdin through 'readable' and read(), one chunk per write. */
class FakeStdin extends EventEmitter {
	isTTY = true;
	#chunk: string | null = null;

	write(data: string) {
		this.#chunk = data;
		this.emit('readable');
	}

	read = () => {
		const chunk = this.#chunk;
		this.#chunk = null;
		return chunk;
	};

	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}

export type TestTerminal = {
	/** The last frame drawn, without colours. */
	readonly lastFrame: () => string;
	/** Everything written to stdout so far, escape sequences included. */
	readonly output: () => string;
	/** Sends one chunk to the app's stdin, as one terminal read would deliver it. */
	readonly write: (data: string) => void;
	readonly resize: (columns: number, rows: number) => void;
	readonly waitUntilExit: () => Promise<unknown>;
	readonly unmount: () => void;
};

export function renderTerminal(
	tree: ReactElement,
	{columns = 100, rows = 30}: {columns?: number; rows?: number} = {},
): TestTerminal {
	const stdout = new FakeStdout(columns, rows);
	const stderr = new FakeStdout(columns, rows);
	const stdin = new FakeStdin();
	const instance = render(tree, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: stderr as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		// Every render writes the whole frame, so the last write is what the screen shows.
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	return {
		lastFrame: () => stripVTControlCharacters(stdout.lastFrame),
		output: () => stdout.writes.join(''),
		write(data) {
			stdin.write(data);
		},
		resize(nextColumns, nextRows) {
			stdout.columns = nextColumns;
			stdout.rows = nextRows;
			stdout.emit('resize');
		},
		waitUntilExit: async () => instance.waitUntilExit(),
		unmount() {
			instance.unmount();
		},
	};
}
