// Every request sent, kept without its tokens, in an append-only log next to the config
// (history-file.ts says why that is safe with several processes). Appending costs one write
// whatever the size of the history; the log is rewritten only when it holds more than twice the
// entry limit (keeping the newest), or when the user clears it. Nothing here throws at the
// caller: a damaged log is set aside and reported, an unwritable directory turns history into
// memory for the rest of the run, and both are said once through takeNotice().
import {randomBytes} from 'node:crypto';
import {
	buildHistoryEntry,
	compactedLines,
	defaultHistoryCaps,
	replayLines,
	serializeRecord,
	type ReplayResult,
	type HistoryCaps,
	type HistoryEntry,
	type HistoryInput,
	type HistoryOrg,
	type HistoryRecord,
} from '../core/history-entry.js';
import {countNewlines, describeFileError, historyFile, isUnwritable} from './history-file.js';
import type {SavedOrg} from './orgs.js';

export type {HistoryEntry, HistoryInput, HistoryOrg} from '../core/history-entry.js';

export const defaultHistoryLimit = 1000;

export type HistoryStore = {
	/** Where history is kept, for messages: the log's path, or a phrase for memory. */
	readonly location: string;
	/**
	 * Records a request sent: tokens cut out, bodies capped. Resolves to the entry as kept; never
	 * rejects (a failure to write is reported through takeNotice and the entry kept in memory).
	 */
	append(input: HistoryInput): Promise<HistoryEntry>;
	/** The newest entries (at most the limit), newest first. Reads the log on the first call. */
	list(): Promise<readonly HistoryEntry[]>;
	/** The entry with this id, or the only one whose id starts with it. */
	get(idOrPrefix: string): Promise<HistoryEntry | undefined>;
	/** Forgets one entry; false when there was none. */
	delete(id: string): Promise<boolean>;
	/** Forgets every entry, and rewrites the log so that nothing of them stays on disk. */
	clear(): Promise<void>;
	/**
	 * What the user should hear about once (the log was damaged and set aside; history cannot be
	 * saved here): returned by the first call after it happened, undefined afterwards.
	 */
	takeNotice(): string | undefined;
	/**
	 * Calls `listener` after every change (append, delete, clear) and when a notice is waiting;
	 * returns the unsubscribe.
	 */
	subscribe(listener: () => void): () => void;
};

export type HistoryStoreOptions = {
	/** Most entries kept; the oldest go first. */
	readonly limit?: number;
	readonly caps?: Partial<HistoryCaps>;
	readonly now?: () => number;
	readonly newId?: () => string;
};

export type FileHistoryStoreOptions = HistoryStoreOptions & {
	/** The config directory (configDirectory() in config-store.ts): the log lives there. */
	readonly directory: string;
	readonly staleLockMs?: number;
};

/** The org part of an entry from a saved org. */
export function historyOrgOf(org: SavedOrg): HistoryOrg {
	return {
		alias: org.alias,
		orgId: org.orgId,
		username: org.username,
		...(org.sandbox === undefined ? {} : {sandbox: org.sandbox}),
		instanceUrl: org.instanceUrl,
	};
}

function newRandomId(): string {
	return randomBytes(6).toString('hex');
}

/** A file timestamp that sorts and is valid on every file system: 20250102T030405Z. */
function fileTime(time: number): string {
	return new Date(time).toISOString().replaceAll(/[-:]|\.\d+/gu, '');
}

type Decoded =
	{readonly ok: true; readonly lines: string[]} | {readonly ok: false; readonly reason: string};

function decode(bytes: Buffer): Decoded {
	let text: string;
	try {
		text = new TextDecoder('utf-8', {fatal: true}).decode(bytes);
	} catch {
		return {ok: false, reason: 'it is not text'};
	}

	if (text.includes('\u0000')) return {ok: false, reason: 'it holds zero bytes'};
	return {ok: true, lines: text.split('\n')};
}

/**
 * The history log in the config directory. Opening does no I/O: the log is read on the first
 * list(), get() or delete(). An append never reads it whole: to know when to compact, a run
 * estimates the log's length once from its two ends, then counts its own lines.
 */
export function openHistoryStore(options: FileHistoryStoreOptions): HistoryStore {
	const limit = Math.max(1, Math.floor(options.limit ?? defaultHistoryLimit));
	const caps: HistoryCaps = {...defaultHistoryCaps, ...options.caps};
	const now = options.now ?? Date.now;
	const newId = options.newId ?? newRandomId;
	const file = historyFile(options.directory, {
		now,
		...(options.staleLockMs === undefined ? {} : {staleLockMs: options.staleLockMs}),
	});
	const listeners = new Set<() => void>();
	let notice: string | undefined;
	let noticeGiven = false;
	// Entries, oldest first, once the log was read; plus what this run appended meanwhile.
	let entries: HistoryEntry[] | undefined;
	let lineCount: number | undefined;
	// After a failed write: history lives in memory for the rest of the run.
	let memoryOnly = false;
	let loading: Promise<HistoryEntry[]> | undefined;
	let compacting: Promise<void> | undefined;

	const changed = () => {
		for (const listener of listeners) listener();
	};

	const tell = (text: string) => {
		if (noticeGiven || notice !== undefined) return;
		notice = text;
		// Listeners learn of it at once, even when it came with a read rather than a change.
		changed();
	};

	const goMemoryOnly = (error: unknown) => {
		memoryOnly = true;
		tell(
			`History cannot be saved in ${file.path} (${describeFileError(error)}): this run's requests are kept in memory only.`,
		);
	};

	const trim = (list: HistoryEntry[]) => {
		if (list.length > limit) list.splice(0, list.length - limit);
		return list;
	};

	/** Sets a damaged log aside (renamed, byte for byte) and starts again with what was readable. */
	const setAside = async (reason: string) => {
		const backup = `${file.path}.corrupt-${fileTime(now())}`;
		let kept: HistoryEntry[] | undefined;
		try {
			await file.compact((current) => {
				// Looked at again under the lock: another process may have set it aside already.
				const again = current === undefined ? undefined : inspect(current);
				if (again === undefined) return {lines: []};
				const lines = compactedLines(again.replayed, Number.POSITIVE_INFINITY);
				if (again.damaged === undefined) return {lines};
				kept = again.replayed.entries;
				return {lines, backup};
			});
		} catch (error) {
			if (isUnwritable(error)) goMemoryOnly(error);
			// Otherwise the bad lines stay skipped, and the next run tries again.
			return;
		}

		if (kept === undefined) return;
		lineCount = kept.length;
		tell(
			`The history file was damaged (${reason}). A copy is kept at ${backup}; history goes on with the ${kept.length} ${kept.length === 1 ? 'entry' : 'entries'} that could be read.`,
		);
	};

	const load = async (): Promise<HistoryEntry[]> => {
		let bytes: Buffer | undefined;
		try {
			bytes = await file.read();
		} catch (error) {
			tell(
				`History cannot be read from ${file.path} (${describeFileError(error)}): this run's requests are kept in memory only.`,
			);
			memoryOnly = true;
			return [];
		}

		if (bytes === undefined) {
			lineCount = 0;
			return [];
		}

		const inspected = inspect(bytes);
		lineCount = inspected.lines;
		if (inspected.damaged !== undefined && !memoryOnly) await setAside(inspected.damaged);

		return trim(inspected.replayed.entries);
	};

	const loaded = async (): Promise<HistoryEntry[]> => {
		if (entries !== undefined) return entries;
		loading ??= load().then((read) => {
			entries = read;
			return read;
		});
		return loading;
	};

	const compactIfLong = async () => {
		if (memoryOnly || compacting !== undefined) return;
		// Once per run, estimated from the ends of the log: an append never reads it whole.
		lineCount ??= await file.estimateLines();

		if (lineCount <= 2 * limit) return;
		await compact();
	};

	/** Rewrites the log with the newest `limit` live entries. */
	const compact = async () => {
		if (compacting !== undefined) return compacting;
		compacting = (async () => {
			let kept = 0;
			const done = await file.compact((current) => {
				const lines = current === undefined ? [] : compactedLines(inspect(current).replayed, limit);
				kept = lines.length;
				return {lines};
			});
			// The entries in memory stay as they are: an append of this run that the rewrite missed
			// is written again (history-file.ts), and other runs' entries show on the next read.
			if (done) lineCount = kept;
		})().finally(() => {
			compacting = undefined;
		});
		return compacting;
	};

	const write = async (record: HistoryRecord): Promise<boolean> => {
		if (memoryOnly) return false;
		try {
			await file.appendLine(serializeRecord(record));
			if (lineCount !== undefined) lineCount++;
			return true;
		} catch (error) {
			goMemoryOnly(error);
			return false;
		}
	};

	return {
		location: file.path,
		async append(input) {
			const entry = buildHistoryEntry(input, newId(), input.time ?? now(), caps);
			const written = await write({type: 'entry', entry});
			// Not on disk: only memory has it, so the list must be kept in memory from now on.
			if (!written || loading !== undefined) await loaded();
			// A read that ran meanwhile may have found it in the log already.
			if (entries !== undefined && !entries.some((known) => known.id === entry.id)) {
				entries.push(entry);
				trim(entries);
			}

			if (written) {
				try {
					await compactIfLong();
				} catch {
					// A compaction that fails leaves the log as it was: long, but complete.
				}
			}

			changed();
			return entry;
		},
		async list() {
			return [...(await loaded())].reverse();
		},
		async get(idOrPrefix) {
			const all = await loaded();
			const exact = all.find((entry) => entry.id === idOrPrefix);
			if (exact !== undefined || idOrPrefix === '') return exact;
			const matching = all.filter((entry) => entry.id.startsWith(idOrPrefix));
			return matching.length === 1 ? matching[0] : undefined;
		},
		async delete(id) {
			const all = await loaded();
			const index = all.findIndex((entry) => entry.id === id);
			if (index === -1) return false;
			all.splice(index, 1);
			await write({type: 'delete', id});
			changed();
			return true;
		},
		async clear() {
			const all = await loaded();
			all.splice(0);
			// The tombstone makes it final at once; the rewrite takes the data off the disk.
			if (await write({type: 'clear', id: newId(), time: now()})) {
				try {
					await compact();
				} catch {
					// The tombstone stands: what is left on disk reads as cleared.
				}
			}

			changed();
		},
		takeNotice() {
			const once = notice;
			if (once !== undefined) {
				notice = undefined;
				noticeGiven = true;
			}

			return once;
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
	};
}

type Inspection = {
	readonly replayed: ReplayResult;
	readonly lines: number;
	/** Why the log counts as damaged (rather than holding a stray half-written line). */
	readonly damaged?: string;
};

/**
 * Reads a log. A few bad lines (a crash mid-write) are skipped; a log that is not text, or where
 * bad lines outnumber good ones, is damaged: it was not written by sftoken or no longer is.
 */
function inspect(bytes: Buffer): Inspection {
	const decoded = decode(bytes);
	if (!decoded.ok) {
		return {
			replayed: {entries: [], badLines: 0, goodLines: 0},
			lines: countNewlines(bytes),
			damaged: decoded.reason,
		};
	}

	const replayed = replayLines(decoded.lines);
	const {badLines, goodLines} = replayed;
	const lines = decoded.lines.length - 1 + (decoded.lines.at(-1) === '' ? 0 : 1);
	if (badLines > 0 && badLines >= goodLines) {
		return {
			replayed,
			lines,
			damaged: `${badLines} unreadable ${badLines === 1 ? 'line' : 'lines'}`,
		};
	}

	return {replayed, lines};
}

/** History that lives and dies with the process: demo mode and tests. */
export function memoryHistoryStore(options: HistoryStoreOptions = {}): HistoryStore {
	const limit = Math.max(1, Math.floor(options.limit ?? defaultHistoryLimit));
	const caps: HistoryCaps = {...defaultHistoryCaps, ...options.caps};
	const now = options.now ?? Date.now;
	const newId = options.newId ?? newRandomId;
	const entries: HistoryEntry[] = [];
	const listeners = new Set<() => void>();
	const changed = () => {
		for (const listener of listeners) listener();
	};

	return {
		location: 'memory (forgotten when sftoken exits)',
		async append(input) {
			const entry = buildHistoryEntry(input, newId(), input.time ?? now(), caps);
			entries.push(entry);
			if (entries.length > limit) entries.splice(0, entries.length - limit);
			changed();
			return Promise.resolve(entry);
		},
		list: async () => Promise.resolve([...entries].reverse()),
		async get(idOrPrefix) {
			const exact = entries.find((entry) => entry.id === idOrPrefix);
			if (exact !== undefined || idOrPrefix === '') return Promise.resolve(exact);
			const matching = entries.filter((entry) => entry.id.startsWith(idOrPrefix));
			return Promise.resolve(matching.length === 1 ? matching[0] : undefined);
		},
		async delete(id) {
			const index = entries.findIndex((entry) => entry.id === id);
			if (index !== -1) entries.splice(index, 1);
			if (index !== -1) changed();
			return Promise.resolve(index !== -1);
		},
		async clear() {
			entries.splice(0);
			changed();
			return Promise.resolve();
		},
		takeNotice: () => undefined,
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
	};
}
