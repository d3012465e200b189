// Shared by the sign-in screen tests: a terminal of any size that also keeps every byte written
// (OSC 52 and OSC 8 sequences are invisible in a frame), and sign-in services on a temporary
// config directory with the secrets file forced — never the user's config, keychain or clipboard.
import type {ReactElement} from 'react';
import {renderTerminal, type TestTerminal} from '../../helpers/render-terminal.js';
import type {ExtendOptions} from 'got';
import type {KeyHint} from '../../../source/components/key-hints/fit-key-hints.js';
import {KeyHintsContext} from '../../../source/hooks/use-key-hints.js';
import type {AuthContext} from '../../../source/auth/context.js';
import {createHttpClient, type HttpClient, type Sleep} from '../../../source/salesforce/http.js';
import type {SignInServices} from '../../../source/screens/sign-in/services.js';

export type RecordingTerminal = TestTerminal & {
	/**
	 * The footer keys a screen rendered alone asked for, as "c copy · Esc back". They are set in
	 * the same commit's effects as the screen's key handlers: once they show, keys reach the new
	 * handlers (a frame alone can be drawn before them).
	 */
	readonly hints: () => string;
};

export function renderRecording(
	tree: ReactElement,
	size: {columns?: number; rows?: number} = {},
): RecordingTerminal {
	let hints: readonly KeyHint[] = [];
	const recordHints = (next: readonly KeyHint[]) => {
		hints = next;
	};

	const terminal = renderTerminal(
		<KeyHintsContext value={recordHints}>{tree}</KeyHintsContext>,
		size,
	);
	return {...terminal, hints: () => hints.map((hint) => `${hint.keys} ${hint.label}`).join(' · ')};
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
