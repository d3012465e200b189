/**
 * Filtering history as the user types: `post 400 uat` keeps the entries whose method, path,
 * status or org contain every word. Each entry's searchable text is lower-cased once (the
 * haystack); a keystroke then costs one substring search per entry and word, and a query that
 * only grows searches just the entries the previous one kept.
 */
import type {HistoryEntry} from './history-entry.js';

/**
 * The lower-case text a filter word may match: method, status (and its class, `4xx`; `error` when
 * no response came), path, the org's alias, username and id, and `sandbox` or `production`.
 *
 * @example historyHaystack(entry) // => 'post 400 4xx /services/apexrest/contacts uat ada@acme.com.uat 00d… sandbox'
 */
export function historyHaystack(entry: HistoryEntry): string {
	const status =
		entry.status === undefined ? 'error' : `${entry.status} ${Math.floor(entry.status / 100)}xx`;
	const kind =
		entry.org.sandbox === true ? 'sandbox' : entry.org.sandbox === false ? 'production' : '';
	return `${entry.method} ${status} ${entry.path} ${entry.org.alias} ${entry.org.username} ${entry.org.orgId} ${kind}`.toLowerCase();
}

/** The words of a query, lower-cased; blanks between them do not matter. */
export function queryWords(query: string): string[] {
	return query
		.toLowerCase()
		.split(/\s+/u)
		.filter((word) => word !== '');
}

function matches(haystack: string, words: readonly string[]): boolean {
	for (const word of words) {
		if (!haystack.includes(word)) return false;
	}

	return true;
}

/**
 * The positions (into `haystacks`) of the entries that contain every word of `query`, in order.
 * `within`, when given, limits the search to those positions: pass the previous result when the
 * new query starts with the previous one (see {@link narrows}).
 */
export function filterHistory(
	haystacks: readonly string[],
	query: string,
	within?: readonly number[],
): number[] {
	const words = queryWords(query);
	const kept: number[] = [];
	if (within === undefined) {
		for (let index = 0; index < haystacks.length; index++) {
			if (matches(haystacks[index] ?? '', words)) kept.push(index);
		}
	} else {
		for (const index of within) {
			if (matches(haystacks[index] ?? '', words)) kept.push(index);
		}
	}

	return kept;
}

/**
 * Whether every entry `next` matches also matches `previous`: true when `next` only adds to the
 * end of `previous` (each word of `previous` is then a word of `next`, or the start of one).
 *
 * @example narrows('post 4', 'post 40') // => true
 * @example narrows('post 40', 'post 4') // => false
 */
export function narrows(previous: string, next: string): boolean {
	return next.toLowerCase().startsWith(previous.toLowerCase());
}

/**
 * A filter that remembers its last answer: called with the same haystacks and a query that only
 * grew (a keystroke), it searches just the entries the previous query kept. An empty query keeps
 * every entry.
 */
export function createHistoryFilter(): (haystacks: readonly string[], query: string) => number[] {
	let last: {haystacks: readonly string[]; query: string; result: number[]} | undefined;
	return (haystacks, query) => {
		if (last !== undefined && last.haystacks === haystacks && last.query === query) {
			return last.result;
		}

		const within =
			last !== undefined && last.haystacks === haystacks && narrows(last.query, query)
				? last.result
				: undefined;
		const result =
			queryWords(query).length === 0
				? haystacks.map((_, index) => index)
				: filterHistory(haystacks, query, within);
		last = {haystacks, query, result};
		return result;
	};
}
