/**
 * How history entries are put into words, for the screen and for headless output alike: age,
 * duration, size, status, and text that is safe to print. Entries hold what servers and users
 * typed, so no character of theirs may reach a terminal as a control sequence.
 */
import type {HistoryEntry} from './history-entry.js';

// C0 and C1 controls, DEL, and the line and paragraph separators.
const controlCharacter = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/gu;

/**
 * The text with every control character drawn as a visible `⟨U+001B⟩`: nothing in it can move the
 * cursor, retitle the window, write the clipboard or ring the bell.
 *
 * @example printable('/x\u001B]0;pwned\u0007') // => '/x⟨U+001B⟩]0;pwned⟨U+0007⟩'
 */
export function printable(text: string): string {
	return text.replaceAll(
		controlCharacter,
		(char) => `⟨U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}⟩`,
	);
}

/**
 * How long ago, in the largest unit that fits: `just now`, `42 s ago`, `3 min ago`, `5 h ago`,
 * `2 days ago`. A time in the future (another clock) reads as `just now`.
 *
 * @example formatAge(1_000, 181_000) // => '3 min ago'
 */
export function formatAge(time: number, now: number): string {
	const seconds = Math.floor((now - time) / 1000);
	if (seconds < 5) return 'just now';
	if (seconds < 60) return `${seconds} s ago`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return `${minutes} min ago`;
	const hours = Math.floor(minutes / 60);
	if (hours < 48) return `${hours} h ago`;
	const days = Math.floor(hours / 24);
	return `${days} days ago`;
}

/** `85 ms`, `1.2 s`, `75 s`. */
export function formatDuration(ms: number): string {
	if (ms < 1000) return `${Math.round(ms)} ms`;
	if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
	return `${Math.round(ms / 1000)} s`;
}

/** `512 B`, `1.5 KB`, `3.2 MB` (powers of 1024). */
export function formatSize(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export type StatusTone = 'success' | 'redirect' | 'client-error' | 'server-error' | 'failed';

/** The status as shown (`ERR` when no response came) and the colour family it takes. */
export function statusOf(entry: Pick<HistoryEntry, 'status'>): {text: string; tone: StatusTone} {
	const {status} = entry;
	if (status === undefined) return {text: 'ERR', tone: 'failed'};
	if (status < 300) return {text: String(status), tone: 'success'};
	if (status < 400) return {text: String(status), tone: 'redirect'};
	if (status < 500) return {text: String(status), tone: 'client-error'};
	return {text: String(status), tone: 'server-error'};
}

/** Whether the org is a production org as far as history knows (unknown counts as production). */
export function isProductionOrg(entry: Pick<HistoryEntry, 'org'>): boolean {
	return entry.org.sandbox !== true;
}

/** Methods that change data: re-running one against production asks first. */
export function changesData(method: string): boolean {
	return method === 'POST' || method === 'PATCH' || method === 'PUT' || method === 'DELETE';
}
