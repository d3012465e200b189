// Shared by the sign-in screen tests: a terminal of any size that also keeps every byte written
// (OSC 52 and OSC 8 sequences are invisible in a frame), and sign-in services on a temporary
// config directory with the secrets file forced — never the user's config, keychain or clipboard.
import {EventEmitter} from 'node:events';
import {stripVTControlCharacters} from 'node:util';
import {render} from 'ink';
import type {ReactElement} from 'react';
import type {ExtendOptions} from 'got';
import type {KeyHint} from '../../../source/components/key-hints/fit-key-hints.js';
import {KeyHintsContext} from '../../../source/hooks/use-key-hints.js';
import type {AuthContext} from '../../../source/auth/context.js';
import {createHttpClient, type HttpClient, type Sleep} from '../../../source/salesforce/http.js';
import type {SignInServices} from '../../../source/screens/sign-in/services.js';

class FakeStdout extends EventEmitter {
	columns: number;
	rows: number;
	lastFrame = '';
	readonly writes: string[] = [];

	constructor(columns: number, rows: number) {
		super();
		this.columns = columns;
		this.rows = rows;
	}

	write = (data: string, callback?: () => void) => {
		this.writes.push(data);
		if (data.trim() !== '') this.lastFrame = data;
		if (callback !== undefined) setImmediate(callback);
		return true;
	};
}

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

export type RecordingTerminal = {
	/** The last frame, without escape sequences. */
	readonly lastFrame: () => string;
	/** Everything written to stdout so far, escape sequences included. */
	readonly output: () => string;
	/**
	 * The footer keys a screen rendered alone asked for, as "c copy · Esc back". They are set in
	 * the same commit's effects as the screen's key handlers: once they show, keys reach the new
	 * handlers (a frame alone can be drawn before them).
	 */
	readonly hints: () => string;
	readonly write: (data: string) => void;
	readonly resize: (columns: number, rows: number) => void;
	readonly waitUntilExit: () => Promise<unknown>;
	readonly unmount: () => void;
};

export function renderRecording(
	tree: ReactElement,
	{columns = 100, rows = 30}: {columns?: number; rows?: number} = {},
): RecordingTerminal {
	const stdout = new FakeStdout(columns, rows);
	const stdin = new FakeStdin();
	let hints: readonly KeyHint[] = [];
	const recordHints = (next: readonly KeyHint[]) => {
		hints = next;
	};

	const instance = render(<KeyHintsContext value={recordHints}>{tree}</KeyHintsContext>, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: new FakeStdout(columns, rows) as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	return {
		lastFrame: () => stripVTControlCharacters(stdout.lastFrame),
		output: () => stdout.writes.join(''),
		hints: () => hints.map((hint) => `${hint.keys} ${hint.label}`).join(' · '),
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

/**
 * A sleep the test releases by hand: the device login waits on it between polls, so each poll
 * happens when the test says, and an abort ends the wait at once (as the real sleep does).
 */
export function manualSleep(): {
	readonly sleep: Sleep;
	/** Signals of the waits so far, newest last. */
	readonly signals: Array<AbortSignal | undefined>;
	readonly waiting: () => number;
	/** Ends the oldest wait: the next poll goes out. */
	readonly release: () => void;
} {
	const pending: Array<() => void> = [];
	const signals: Array<AbortSignal | undefined> = [];
	return {
		signals,
		async sleep(_ms, signal) {
			signals.push(signal);
			return new Promise<void>((resolve) => {
				if (signal?.aborted) {
					resolve();
					return;
				}

				pending.push(resolve);
				signal?.addEventListener('abort', () => {
					pending.splice(pending.indexOf(resolve), 1);
					resolve();
				});
			});
		},
		waiting: () => pending.length,
		release() {
			pending.shift()?.();
		},
	};
}

/** Services for tests: no SSH, no display, no local clipboard unless given. */
export function testServices(
	auth: AuthContext,
	overrides: Partial<SignInServices> = {},
): SignInServices {
	return {auth, env: {}, platform: 'linux', ...overrides};
}

/** An HTTP client (no retries, short timeouts) that records every request: method and URL. */
export function recordingHttp(): {readonly http: HttpClient; readonly requests: string[]} {
	const base = createHttpClient({timeoutMs: 5000, retryLimit: 0});
	const requests: string[] = [];
	const recording: ExtendOptions = {
		hooks: {
			beforeRequest: [
				(options) => {
					requests.push(`${options.method} ${String(options.url)}`);
				},
			],
		},
	};
	return {requests, http: {...base, gotOptions: [...base.gotOptions, recording]}};
}

/** Every line of a frame fits the terminal: no line wider, no more lines than it has. */
export function fitsTerminal(frame: string, columns: number, rows: number): boolean {
	const lines = frame.replace(/\n$/u, '').split('\n');
	return lines.length <= rows && lines.every((line) => [...line].length <= columns);
}
