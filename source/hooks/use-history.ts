// History as React state: the entries (read once, re-read from memory after each change), the
// filter as the user types, and the notices the store has for the user. Filtering never renders
// anything per entry: it is a search over precomputed lower-case haystacks, and a query that
// only grew searches what the previous one kept.
import {useCallback, useEffect, useMemo, useState} from 'react';
import type {HistoryEntry} from '../core/history-entry.js';
import {createHistoryFilter, historyHaystack} from '../core/history-filter.js';
import type {HistoryStore} from '../store/history.js';

export type HistoryEntriesState = {
	/** Newest first; empty while loading. */
	readonly entries: readonly HistoryEntry[];
	readonly loading: boolean;
	readonly remove: (id: string) => Promise<void>;
	readonly clear: () => Promise<void>;
};

/** The entries of a history store, kept up to date with its changes. */
export function useHistoryEntries(store: HistoryStore): HistoryEntriesState {
	const [entries, setEntries] = useState<readonly HistoryEntry[]>([]);
	const [loading, setLoading] = useState(true);
	useEffect(() => {
		let live = true;
		const reload = () => {
			void store.list().then((list) => {
				if (!live) return;
				setEntries(list);
				setLoading(false);
			});
		};

		reload();
		const unsubscribe = store.subscribe(reload);
		return () => {
			live = false;
			unsubscribe();
		};
	}, [store]);

	const remove = useCallback(
		async (id: string) => {
			await store.delete(id);
		},
		[store],
	);
	const clear = useCallback(async () => store.clear(), [store]);
	return useMemo(() => ({entries, loading, remove, clear}), [entries, loading, remove, clear]);
}

// An entry never changes once kept, so its haystack is computed once per entry object.
const haystacks = new WeakMap<HistoryEntry, string>();

function haystackOf(entry: HistoryEntry): string {
	let haystack = haystacks.get(entry);
	if (haystack === undefined) {
		haystack = historyHaystack(entry);
		haystacks.set(entry, haystack);
	}

	return haystack;
}

/**
 * The positions in `entries` that match `query` (every word somewhere in method, status, path or
 * org). Haystacks are computed once per entry; each keystroke costs a substring search per entry
 * still in the running.
 */
export function useHistoryFilter(
	entries: readonly HistoryEntry[],
	query: string,
): readonly number[] {
	const texts = useMemo(() => entries.map((entry) => haystackOf(entry)), [entries]);
	const [filter] = useState(createHistoryFilter);
	return useMemo(() => filter(texts, query), [filter, texts, query]);
}

/**
 * What the store has to tell the user (a damaged file set aside, history kept in memory only):
 * taken from the store as soon as it is there, so it is said once, wherever this is used.
 */
export function useHistoryNotice(store: HistoryStore): string | undefined {
	const [notice, setNotice] = useState<string | undefined>();
	useEffect(() => {
		const take = () => {
			const next = store.takeNotice();
			if (next !== undefined) setNotice(next);
		};

		take();
		return store.subscribe(take);
	}, [store]);
	return notice;
}
