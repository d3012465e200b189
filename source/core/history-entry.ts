/**
 * One request as history keeps it, and the lines of the history log. Building an entry is where
 * secrets are cut out and big bodies capped, so nothing that reaches the store can hold a token.
 * Reading a line re-checks every field: the file may be half-written or edited by hand.
 */
import {safeInstanceUrl} from './instance-url.js';
import {redactedHead, redactTokens} from './redact.js';

/** The org a request went to: enough to show, filter, re-run and export it, never a token. */
export type HistoryOrg = {
	readonly alias: string;
	readonly orgId: string;
	readonly username: string;
	/** Undefined when the org never said (treated as production where it matters). */
	readonly sandbox?: boolean;
	/** Where the request went: an origin, https (or http on loopback for the emulator). */
	readonly instanceUrl: string;
};

export type HistoryEntry = {
	readonly id: string;
	/** Milliseconds since the epoch, when the request was sent. */
	readonly time: number;
	readonly org: HistoryOrg;
	readonly method: string;
	/** Path and query relative to the instance URL, redacted. */
	readonly path: string;
	/** As sent, without Authorization (or any other credential header), values redacted. */
	readonly requestHeaders: Readonly<Record<string, string>>;
	/** Redacted and capped. */
	readonly requestBody?: string;
	/** The request body was longer than the cap: `requestBody` is its beginning. */
	readonly requestBodyTruncated?: boolean;
	/** Undefined when no response came back (see `error`). */
	readonly status?: number;
	/** Why no response came back (network failure, refused URL), redacted. */
	readonly error?: string;
	readonly durationMs: number;
	/** Bytes of the response body as received. */
	readonly responseSize?: number;
	readonly contentType?: string;
	/** The beginning of the response body, redacted and capped. */
	readonly responsePreview?: string;
	/** The response body was longer than the cap: `responsePreview` is its beginning. */
	readonly responseTruncated?: boolean;
};

/**
 * Whether a saved org (by its org id and username) is the org and user an entry went to.
 *
 * @example isEntryOrg(entry, {orgId: '00D5g000004XyZaEAK', username: 'ada@acme.com.uat'}) // => true
 */
export function isEntryOrg(
	entry: {readonly org: HistoryOrg},
	org: {readonly orgId: string; readonly username: string},
): boolean {
	return (
		org.orgId.slice(0, 15) === entry.org.orgId.slice(0, 15) && org.username === entry.org.username
	);
}

/** What the code that sent a request hands to history. */
export type HistoryInput = {
	readonly org: HistoryOrg;
	readonly method: string;
	readonly path: string;
	readonly requestHeaders?: Readonly<Record<string, string>>;
	readonly requestBody?: string;
	readonly status?: number;
	readonly error?: string;
	readonly durationMs: number;
	/** Bytes; the length of `responseBody` in UTF-8 when absent. */
	readonly responseSize?: number;
	readonly contentType?: string;
	/** The whole body: only its capped, redacted beginning is kept. */
	readonly responseBody?: string;
	/**
	 * The session's own tokens (access, refresh): cut out in every form (raw, URL-encoded, base64)
	 * even where they do not look like tokens. Used, never stored.
	 */
	readonly secrets?: readonly string[];
	/** When the request was sent; the store's clock when absent. */
	readonly time?: number;
};

export type HistoryCaps = {
	/** Characters of the response body kept. */
	readonly previewChars: number;
	/** Characters of the request body kept. */
	readonly requestBodyChars: number;
};

export const defaultHistoryCaps: HistoryCaps = {previewChars: 8192, requestBodyChars: 32_768};

// Headers that carry credentials: never kept, whatever their value.
const credentialHeaders = new Set([
	'authorization',
	'proxy-authorization',
	'cookie',
	'x-sfdc-session',
]);

/** Whether a header is dropped from history and exports because it carries a credential. */
export function isCredentialHeader(name: string): boolean {
	return credentialHeaders.has(name.trim().toLowerCase());
}

/** The request headers worth keeping: credentials dropped, values (and names) redacted. */
export function keptHeaders(
	headers: Readonly<Record<string, string>> | undefined,
	secrets: readonly string[] = [],
): Record<string, string> {
	const kept: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers ?? {})) {
		if (isCredentialHeader(name)) continue;
		kept[redactTokens(name, secrets)] = redactTokens(value, secrets);
	}

	return kept;
}

function utf8Length(text: string): number {
	let bytes = 0;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code < 0x80) bytes += 1;
		else if (code < 0x8_00) bytes += 2;
		else if (code >= 0xd8_00 && code <= 0xdb_ff) {
			bytes += 4;
			index++;
		} else bytes += 3;
	}

	return bytes;
}

/**
 * The entry to store for a request: credential headers dropped, every string redacted, bodies
 * capped (and marked when they were). `id` and `time` come from the caller (the store owns the
 * clock and the randomness).
 */
export function buildHistoryEntry(
	input: HistoryInput,
	id: string,
	time: number,
	caps: HistoryCaps = defaultHistoryCaps,
): HistoryEntry {
	const secrets = input.secrets ?? [];
	const clean = (text: string) => redactTokens(text, secrets);
	const body =
		input.requestBody === undefined || input.requestBody === ''
			? undefined
			: redactedHead(input.requestBody, caps.requestBodyChars, secrets);
	const preview =
		input.responseBody === undefined
			? undefined
			: redactedHead(input.responseBody, caps.previewChars, secrets);
	const responseSize =
		input.responseSize ??
		(input.responseBody === undefined ? undefined : utf8Length(input.responseBody));
	return {
		id,
		time,
		org: {
			alias: clean(input.org.alias),
			orgId: input.org.orgId,
			username: clean(input.org.username),
			...(input.org.sandbox === undefined ? {} : {sandbox: input.org.sandbox}),
			instanceUrl: input.org.instanceUrl,
		},
		method: input.method.toUpperCase(),
		path: clean(input.path),
		requestHeaders: keptHeaders(input.requestHeaders, secrets),
		...(body === undefined ? {} : {requestBody: body.text}),
		...(body?.truncated === true ? {requestBodyTruncated: true} : {}),
		...(input.status === undefined ? {} : {status: input.status}),
		...(input.error === undefined ? {} : {error: clean(input.error)}),
		durationMs: Math.max(0, Math.round(input.durationMs)),
		...(responseSize === undefined ? {} : {responseSize}),
		...(input.contentType === undefined ? {} : {contentType: clean(input.contentType)}),
		...(preview === undefined ? {} : {responsePreview: preview.text}),
		...(preview?.truncated === true ? {responseTruncated: true} : {}),
	};
}

/** One line of the log: an entry, the deletion of one, or "clear all". */
export type HistoryRecord =
	| {readonly type: 'entry'; readonly entry: HistoryEntry}
	| {readonly type: 'delete'; readonly id: string}
	/** `id` makes a clear written twice (see the store) count once. */
	| {readonly type: 'clear'; readonly id: string; readonly time: number};

/** Every line starts with this, so a line glued to a half-written one can still be found in it. */
export const recordPrefix = '{"v":1,';

/** The JSON line of a record, without its line break. Key order is fixed: `v` first. */
export function serializeRecord(record: HistoryRecord): string {
	switch (record.type) {
		case 'entry': {
			return JSON.stringify({v: 1, type: 'entry', ...record.entry});
		}

		case 'delete': {
			return JSON.stringify({v: 1, type: 'delete', id: record.id});
		}

		case 'clear': {
			return JSON.stringify({v: 1, type: 'clear', id: record.id, time: record.time});
		}
	}
}

const idPattern = /^[\w-]{1,64}$/u;
const orgIdPattern = /^00D[A-Za-z\d]{12}(?:[A-Za-z\d]{3})?$/u;
const methodPattern = /^[A-Z]{1,16}$/u;
/** Longest string field read back; a bigger one is not something sftoken wrote. */
const maxField = 1_048_576;

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.length <= maxField ? value : undefined;
}

function count(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function readOrg(raw: unknown): HistoryOrg | undefined {
	if (!isRecord(raw)) return undefined;
	const alias = text(raw['alias']);
	const orgId = text(raw['orgId']);
	const username = text(raw['username']);
	const instanceUrl = safeInstanceUrl(text(raw['instanceUrl']) ?? '');
	const {sandbox} = raw;
	if (
		alias === undefined ||
		orgId === undefined ||
		!orgIdPattern.test(orgId) ||
		username === undefined ||
		instanceUrl === undefined
	) {
		return undefined;
	}

	return {alias, orgId, username, ...(typeof sandbox === 'boolean' ? {sandbox} : {}), instanceUrl};
}

function readHeaders(raw: unknown): Record<string, string> | undefined {
	if (!isRecord(raw)) return undefined;
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(raw)) {
		if (typeof value !== 'string' || isCredentialHeader(name)) continue;
		headers[name] = value;
	}

	return headers;
}

function readEntry(raw: Record<string, unknown>): HistoryEntry | undefined {
	const id = text(raw['id']);
	const time = count(raw['time']);
	const org = readOrg(raw['org']);
	const method = text(raw['method']);
	const path = text(raw['path']);
	const requestHeaders = readHeaders(raw['requestHeaders'] ?? {});
	const durationMs = count(raw['durationMs']);
	if (
		id === undefined ||
		!idPattern.test(id) ||
		time === undefined ||
		org === undefined ||
		method === undefined ||
		!methodPattern.test(method) ||
		path === undefined ||
		requestHeaders === undefined ||
		durationMs === undefined
	) {
		return undefined;
	}

	const status = count(raw['status']);
	const optionalText = (name: string) => {
		const value = text(raw[name]);
		return value === undefined ? {} : {[name]: value};
	};

	const flag = (name: string) => (raw[name] === true ? {[name]: true} : {});
	const responseSize = count(raw['responseSize']);
	return {
		id,
		time,
		org,
		method,
		path,
		requestHeaders,
		...optionalText('requestBody'),
		...flag('requestBodyTruncated'),
		...(status !== undefined && Number.isInteger(status) && status <= 999 ? {status} : {}),
		...optionalText('error'),
		durationMs,
		...(responseSize === undefined ? {} : {responseSize}),
		...optionalText('contentType'),
		...optionalText('responsePreview'),
		...flag('responseTruncated'),
	};
}

function readRecord(raw: unknown): HistoryRecord | undefined {
	if (!isRecord(raw) || raw['v'] !== 1) return undefined;
	switch (raw['type']) {
		case 'entry': {
			const entry = readEntry(raw);
			return entry && {type: 'entry', entry};
		}

		case 'delete': {
			const id = text(raw['id']);
			return id === undefined ? undefined : {type: 'delete', id};
		}

		case 'clear': {
			const id = text(raw['id']);
			const time = count(raw['time']);
			return id === undefined || time === undefined ? undefined : {type: 'clear', id, time};
		}

		default: {
			return undefined;
		}
	}
}

function parseJson(line: string): unknown {
	try {
		return JSON.parse(line) as unknown;
	} catch {
		return undefined;
	}
}

/**
 * The record in one line of the log, or undefined when the line is not one. A line that a crash
 * cut short and the next append then continued (`{"v":1,"ty{"v":1,…}`) yields the complete
 * record at its end.
 */
export function parseRecordLine(line: string): HistoryRecord | undefined {
	const record = readRecord(parseJson(line));
	if (record !== undefined) return record;
	const glued = line.lastIndexOf(recordPrefix);
	return glued > 0 ? readRecord(parseJson(line.slice(glued))) : undefined;
}

export type ReplayResult = {
	/** Live entries, oldest first (log order). */
	readonly entries: HistoryEntry[];
	/** Lines that held no record (garbage, a half-written line). */
	readonly badLines: number;
	/** Lines that held a record. */
	readonly goodLines: number;
	/** The last `clear` that took effect: a compaction keeps it (see compactedLines). */
	readonly lastClear?: HistoryRecord & {readonly type: 'clear'};
};

/**
 * Replays the log: entries in order, a `delete` removes its entry, a `clear` everything before
 * it. An id seen once never counts again: an append repeated after a compaction (see
 * history-file.ts) must not bring back an entry that was deleted or cleared, nor clear twice.
 */
export function replayLines(lines: Iterable<string>): ReplayResult {
	const live = new Map<string, HistoryEntry>();
	const seen = new Set<string>();
	let badLines = 0;
	let goodLines = 0;
	let lastClear: ReplayResult['lastClear'];
	for (const line of lines) {
		if (line.trim() === '') continue;
		const record = parseRecordLine(line);
		if (record === undefined) {
			badLines++;
			continue;
		}

		goodLines++;
		switch (record.type) {
			case 'entry': {
				if (seen.has(record.entry.id)) break;
				seen.add(record.entry.id);
				live.set(record.entry.id, record.entry);
				break;
			}

			case 'delete': {
				seen.add(record.id);
				live.delete(record.id);
				break;
			}

			case 'clear': {
				if (seen.has(record.id)) break;
				seen.add(record.id);
				live.clear();
				lastClear = record;
				break;
			}
		}
	}

	return {entries: [...live.values()], badLines, goodLines, ...(lastClear ? {lastClear} : {})};
}

/**
 * The lines a compaction writes: the newest `limit` live entries, after the last `clear` (kept,
 * so that the same clear written again after the rewrite is known and ignored).
 */
export function compactedLines(replayed: ReplayResult, limit: number): string[] {
	const kept = replayed.entries.slice(Math.max(0, replayed.entries.length - limit));
	const lines = kept.map((entry) => serializeRecord({type: 'entry', entry}));
	return replayed.lastClear === undefined ? lines : [serializeRecord(replayed.lastClear), ...lines];
}
