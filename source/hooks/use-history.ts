// History as React state: the entries (read once, re-read from memory after each change), the
// filter as the user types, and the notices the store has for the user. Filtering never renders
// anything per entry: it is a search over precomputed lower-case haystacks, and a query that
// only grew searches what the previous one kept.
import {createContext, useCallback, useEffect, useMemo, useState} from 'react';
import type {AuthContext} from '../auth/context.js';
import {getSession, type Session} from '../auth/session.js';
import {requestUrl} from '../core/export-curl.js';
import {draftOfEntry, savedResponseOf} from '../core/history-draft.js';
import {isEntryOrg, type HistoryEntry} from '../core/history-entry.js';
import {printable} from '../core/history-format.js';
import {createHistoryFilter, historyHaystack} from '../core/history-filter.js';
import type {RequestDraft} from '../core/request.js';
import type {HistoryStore} from '../store/history.js';
import type {SavedOrg} from '../store/orgs.js';
import type {Exchange} from './use-request.js';

/**
 * The history every request sent is recorded in, provided by the root (App): the request screen
 * appends to it without being handed it through every screen in between.
 */
export const HistoryContext = createContext<HistoryStore | undefined>(undefined);

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

/** A request from history for the request screen: its form, and its saved answer to show. */
export type RequestSeed = {
	readonly draft: RequestDraft;
	/** The answer history kept; absent for a re-run (a new answer comes) or when none came. */
	readonly exchange?: Exchange;
	/** Send it as soon as the screen opens (a re-run). */
	readonly send: boolean;
};

/**
 * The request screen's start for an entry: Enter opens it with its saved answer, `r` re-runs it
 * (`send`), against the org of `session`.
 */
export function requestSeedOf(entry: HistoryEntry, session: Session, send: boolean): RequestSeed {
	const draft = draftOfEntry(entry);
	const saved = send ? undefined : savedResponseOf(entry);
	if (saved === undefined) return {draft, send};
	const contentType = saved.headers['content-type'];
	return {
		draft,
		send,
		exchange: {
			request: {
				method: draft.method,
				path: entry.path,
				headers: entry.requestHeaders,
				...(entry.requestBody === undefined ? {} : {body: entry.requestBody}),
			},
			token: session.accessToken,
			outcome: {
				kind: 'response',
				response: {
					status: saved.status,
					statusText: saved.statusText,
					headers: saved.headers,
					body: saved.body,
					sizeBytes: saved.sizeBytes,
					truncated: saved.truncated,
					url: requestUrl(session.org.instanceUrl, entry.path),
					timeMs: saved.timeMs,
				},
			},
			pages: [{body: saved.body, label: '', ...(contentType === undefined ? {} : {contentType})}],
			savedAt: saved.sentAt,
		},
	};
}

/** Opens an entry in the request screen; resolves to why it could not, or undefined. */
export type OpenHistoryEntry = (
	entry: HistoryEntry,
	/** The org to send it to; the entry's own (when still saved) when absent. */
	org: SavedOrg | undefined,
	/** Re-run: send it at once instead of showing its saved answer. */
	send: boolean,
	/** The history filter, handed back with the request so that Esc returns to it. */
	query: string,
) => Promise<string | undefined>;

/**
 * Enter and `r` on the history screen: find the session of the org (the entry's own unless another
 * was chosen) and hand the request screen its seed. A missing login or token is said in words.
 */
export function useOpenHistoryEntry(
	auth: AuthContext,
	onOpen: (login: Session, seed: RequestSeed, query: string) => void,
): OpenHistoryEntry {
	return useCallback<OpenHistoryEntry>(
		async (entry, org, send, query) => {
			const target = org ?? auth.orgs.list().find((saved) => isEntryOrg(entry, saved));
			if (target === undefined) {
				return `Not logged in to ${printable(entry.org.alias)} (${printable(entry.org.username)}) any more: log in to it, or press r to send the request to another org.`;
			}

			const session = await getSession(auth, target.alias);
			if (!session.ok) return `${session.problem.title}. ${session.problem.fix}`;
			onOpen(session.value, requestSeedOf(entry, session.value, send), query);
			return undefined;
		},
		[auth, onOpen],
	);
}
