/**
 * A response body as lines for the viewer, formatted once. JSON is indexed (not parsed into
 * objects) by a validating scanner that records where each pretty-printed line starts; a line
 * is drawn from the raw text only when it is on screen, for the columns on screen. Anything
 * that is not valid JSON (HTML, text, a cut-off answer) is shown as text lines, with the place
 * the JSON broke. Big bodies are indexed in steps (`advance`) so the screen stays responsive.
 *
 * Also here: unwrapping a JSON string that holds JSON (Apex `JSON.serialize` returned as a
 * String), Salesforce error arrays as readable messages, and search.
 */
import {
	inObjectBit,
	JsonLineScanner,
	lineAndColumn,
	maxDepth,
	type QueryInfo,
} from './json-lines-scan.js';
import {
	printableLine,
	renderJsonLine,
	renderTextLine,
	searchPattern,
	type LineWindow,
	type Segment,
} from './json-lines-render.js';

export type {QueryInfo} from './json-lines-scan.js';
export {
	highlightMatches,
	printableLine,
	type LineWindow,
	type Segment,
	type SegmentStyle,
} from './json-lines-render.js';

export type BodyKind = 'json' | 'text';

export type BodySyntaxError = {
	readonly line: number;
	readonly column: number;
	readonly message: string;
};

/** Characters indexed per step by default: a few milliseconds of work. */
export const defaultStepBudget = 1_000_000;

/** A body as lines; see the file comment. Mutable only through `advance`. */
export type BodyLines = {
	readonly kind: BodyKind;
	readonly text: string;
	/** Lines indexed so far (all of them once `done`). */
	readonly lineCount: number;
	readonly done: boolean;
	/** Share of the text indexed, 0–1. */
	readonly progress: number;
	/** Why a body that looked like JSON is shown as text. */
	readonly syntaxError?: BodySyntaxError;
	/** totalSize, done, nextRecordsUrl and the number of records of a query answer. */
	readonly query: QueryInfo;
	/** The whole body is one JSON string (it may hold JSON: see unwrapJsonString). */
	readonly topLevelString: boolean;
	/** Indexes about `budget` more characters; true once everything is indexed. */
	advance(budget?: number): boolean;
	/** The visible part of line `index` (0-based, below lineCount) as styled segments. */
	line(index: number, window: LineWindow): Segment[];
	/**
	 * The first line after `fromLine` (direction 1) or before it (-1) holding `query`, among the
	 * lines indexed so far; undefined when there is none. Smart case.
	 */
	find(query: string, fromLine: number, direction: 1 | -1): number | undefined;
};

export type FormatOptions = {
	readonly contentType?: string;
};

/** Whether to try the body as JSON: by content type, or by its first character. */
function looksLikeJson(text: string, contentType: string | undefined): boolean {
	if (contentType !== undefined && /\bjson\b/iu.test(contentType)) return true;
	if (contentType !== undefined && /html|xml/iu.test(contentType)) return false;
	const first = /\S/u.exec(text.slice(0, 1024))?.[0];
	return first === '{' || first === '[' || first === '"';
}

class TextIndex {
	readonly text: string;
	starts: Uint32Array;
	count = 0;
	position = 0;
	done = false;

	constructor(text: string) {
		this.text = text;
		this.starts = new Uint32Array(Math.max(16, Math.ceil(text.length / 40)));
		if (text.length === 0) this.done = true;
	}

	advance(budget: number): boolean {
		const {text} = this;
		const limit = Math.min(text.length, this.position + budget);
		let position = this.position;
		while (position < limit) {
			this.#push(position);
			const newline = text.indexOf('\n', position);
			if (newline === -1) {
				position = text.length;
				break;
			}

			position = newline + 1;
		}

		this.position = position;
		this.done = position >= text.length;
		return this.done;
	}

	#push(offset: number): void {
		if (this.count === this.starts.length) {
			const starts = new Uint32Array(this.starts.length * 2);
			starts.set(this.starts);
			this.starts = starts;
		}

		this.starts[this.count++] = offset;
	}
}

/** The last line whose start is at or before `offset`. */
function lineOfOffset(starts: Uint32Array, count: number, offset: number): number {
	let low = 0;
	let high = count - 1;
	while (low < high) {
		const middle = (low + high + 1) >>> 1;
		if ((starts[middle] ?? 0) <= offset) low = middle;
		else high = middle - 1;
	}

	return low;
}

class FormattedBody implements BodyLines {
	readonly text: string;
	#json: JsonLineScanner | undefined;
	#plain: TextIndex | undefined;
	#syntaxError: BodySyntaxError | undefined;

	constructor(text: string, options: FormatOptions) {
		this.text = text;
		if (text.length > 0 && looksLikeJson(text, options.contentType)) {
			this.#json = new JsonLineScanner(text);
		} else {
			this.#plain = new TextIndex(text);
		}
	}

	get kind(): BodyKind {
		return this.#json ? 'json' : 'text';
	}

	get lineCount(): number {
		return this.#json?.count ?? this.#plain?.count ?? 0;
	}

	get done(): boolean {
		return this.#json?.done ?? this.#plain?.done ?? true;
	}

	get progress(): number {
		if (this.done || this.text.length === 0) return 1;
		return (this.#json?.position ?? this.#plain?.position ?? 0) / this.text.length;
	}

	get syntaxError(): BodySyntaxError | undefined {
		return this.#syntaxError;
	}

	get query(): QueryInfo {
		return this.#json?.query ?? {};
	}

	get topLevelString(): boolean {
		return this.#json?.topLevelString ?? false;
	}

	advance(budget = defaultStepBudget): boolean {
		const json = this.#json;
		if (json) {
			json.advance(budget);
			if (json.error) {
				// Not JSON after all: shown as text, saying where it broke.
				const {line, column} = lineAndColumn(this.text, json.error.offset);
				this.#syntaxError = {line, column, message: json.error.message};
				this.#json = undefined;
				this.#plain = new TextIndex(this.text);
				return this.#plain.advance(budget);
			}

			return json.done;
		}

		return this.#plain?.advance(budget) ?? true;
	}

	#range(starts: Uint32Array, count: number, index: number, done: boolean): [number, number] {
		const start = starts[index] ?? 0;
		const end = index + 1 < count ? (starts[index + 1] ?? 0) : done ? this.text.length : start;
		return [start, end];
	}

	line(index: number, window: LineWindow): Segment[] {
		if (index < 0 || index >= this.lineCount) return [];
		const json = this.#json;
		if (json) {
			const [start, end] = this.#range(json.starts, json.count, index, json.done);
			const byte = json.depths[index] ?? 0;
			// The last line indexed may still grow: draw it only to its last complete token.
			const stop = index + 1 < json.count || json.done ? end : json.position;
			return renderJsonLine(
				this.text,
				start,
				stop,
				byte & maxDepth,
				(byte & inObjectBit) !== 0,
				window,
			);
		}

		const plain = this.#plain;
		if (!plain) return [];
		let [start, end] = this.#range(plain.starts, plain.count, index, plain.done);
		if (index + 1 >= plain.count && !plain.done) end = plain.position;
		if (this.text.charCodeAt(end - 1) === 0x0a) end--;
		if (this.text.charCodeAt(end - 1) === 0x0d) end--;
		if (end < start) start = end;
		return renderTextLine(this.text, start, end, window);
	}

	#starts(): {starts: Uint32Array; count: number} {
		const index = this.#json ?? this.#plain;
		return index
			? {starts: index.starts, count: index.count}
			: {starts: new Uint32Array(), count: 0};
	}

	find(query: string, fromLine: number, direction: 1 | -1): number | undefined {
		const {starts, count} = this.#starts();
		if (query === '' || count === 0) return undefined;
		const indexedEnd = this.done
			? this.text.length
			: (this.#json?.position ?? this.#plain?.position ?? 0);
		const pattern = searchPattern(query, {json: this.kind === 'json'});
		if (direction === 1) {
			const next = fromLine + 1;
			if (next >= count) return undefined;
			pattern.lastIndex = starts[Math.max(0, next)] ?? 0;
			const match = pattern.exec(this.text);
			if (!match || match.index >= indexedEnd) return undefined;
			return lineOfOffset(starts, count, match.index);
		}

		if (fromLine <= 0) return undefined;
		const end = fromLine >= count ? indexedEnd : (starts[fromLine] ?? 0);
		// Backwards in growing windows: a regex only searches forwards.
		for (let size = 1 << 16; ; size *= 2) {
			const windowStart = Math.max(0, end - size);
			const window = this.text.slice(windowStart, end);
			let last: number | undefined;
			for (const match of window.matchAll(pattern)) last = match.index;
			if (last !== undefined) return lineOfOffset(starts, count, windowStart + last);
			if (windowStart === 0) return undefined;
		}
	}
}

/**
 * Prepares a body for the viewer. Cheap: the indexing happens in `advance` (call it until it
 * returns true, in steps between keystrokes for a big body).
 *
 * @example
 * const lines = formatBody('{"a":[1,2]}');
 * lines.advance();
 * lines.lineCount // => 6 ('{', '"a": [', '1,', '2', ']', '}')
 */
export function formatBody(text: string, options: FormatOptions = {}): BodyLines {
	return new FormattedBody(text, options);
}

/** formatBody, then index everything at once (for small bodies and headless output). */
export function formatBodyNow(text: string, options: FormatOptions = {}): BodyLines {
	const lines = formatBody(text, options);
	lines.advance(Number.POSITIVE_INFINITY);
	return lines;
}

/** Every line drawn in full, joined: the pretty text (for headless output and copying). */
export function prettyText(lines: BodyLines): string {
	const out: string[] = [];
	for (let index = 0; index < lines.lineCount; index++) {
		out.push(
			lines
				.line(index, {from: 0, width: Number.MAX_SAFE_INTEGER})
				.map((segment) => segment.text)
				.join(''),
		);
	}

	return out.join('\n');
}

export type JsonCheck =
	| {readonly ok: true}
	| {readonly ok: false; readonly line: number; readonly column: number; readonly message: string};

/**
 * Checks that a text is JSON and says where it is not, with a 1-based line and column.
 *
 * @example
 * checkJson('{\n  "a": 1\n  "b": 2\n}')
 * // => {ok: false, line: 3, column: 3, message: "Expected ',' or '}' after a property value, found '\"'"}
 */
export function checkJson(text: string): JsonCheck {
	const scanner = new JsonLineScanner(text);
	scanner.advance();
	if (!scanner.error) return {ok: true};
	const {line, column} = lineAndColumn(text, scanner.error.offset);
	return {ok: false, line, column, message: scanner.error.message};
}

/**
 * The JSON held in a body that is one JSON string (an Apex REST method returning
 * `JSON.serialize(…)` as a String), or undefined when the body is not such a string.
 *
 * @example
 * unwrapJsonString('"{\\"id\\":1}"') // => '{"id":1}'
 */
export function unwrapJsonString(text: string): string | undefined {
	if (!/^\s*"/u.test(text)) return undefined;
	let inner: unknown;
	try {
		inner = JSON.parse(text);
	} catch {
		return undefined;
	}

	if (typeof inner !== 'string' || !/^\s*[[{]/u.test(inner)) return undefined;
	return checkJson(inner).ok ? inner : undefined;
}

export type SalesforceError = {
	readonly errorCode: string;
	/** The message's lines, each safe to print. */
	readonly lines: readonly string[];
	readonly fields: readonly string[];
};

/** Error bodies are small; a bigger body is not parsed just to look for one. */
const maxErrorBody = 1024 * 1024;

/**
 * The Salesforce error array of a body (`[{"errorCode", "message", "fields"?}]`), with every
 * message split into printable lines; undefined for anything else.
 */
export function readSalesforceErrors(text: string): SalesforceError[] | undefined {
	if (text.length > maxErrorBody || !/^\s*\[/u.test(text)) return undefined;
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return undefined;
	}

	if (!Array.isArray(json) || json.length === 0) return undefined;
	const errors: SalesforceError[] = [];
	for (const item of json as unknown[]) {
		if (typeof item !== 'object' || item === null) return undefined;
		const {errorCode, message, fields} = item as Record<string, unknown>;
		if (typeof errorCode !== 'string' || typeof message !== 'string') return undefined;
		errors.push({
			errorCode: printableLine(errorCode),
			lines: message
				.split(/\r?\n/u)
				.map((line) => printableLine(line))
				.filter((line, index) => index > 0 || line.trim() !== ''),
			fields: Array.isArray(fields)
				? (fields as unknown[])
						.filter((field): field is string => typeof field === 'string')
						.map((field) => printableLine(field))
				: [],
		});
	}

	return errors;
}

/**
 * One readable line per error: `INVALID_FIELD: No such column 'Nme' on entity 'Account'. …`
 * (the SOQL marker lines are left to markedSoql). Fields, when given, follow in brackets.
 */
export function describeSalesforceErrors(errors: readonly SalesforceError[]): string[] {
	return errors.map((error) => {
		const marked = markedSoql(error);
		const text = marked ? marked.reason : error.lines.join(' ').trim();
		const fields = error.fields.length > 0 ? ` [${error.fields.join(', ')}]` : '';
		return `${error.errorCode}: ${text}${fields}`;
	});
}

export type MarkedSoql = {
	/** The query line as Salesforce quoted it. */
	readonly query: string;
	/** Spaces and a `^` under the offending token. */
	readonly caret: string;
	readonly row: number;
	readonly column: number;
	readonly reason: string;
};

/**
 * The query and caret of a MALFORMED_QUERY / INVALID_FIELD message, which Salesforce writes as
 * lines: the SOQL, a `^` under the token, `ERROR at Row:1:Column:8`, then the reason.
 */
export function markedSoql(error: SalesforceError): MarkedSoql | undefined {
	const {lines} = error;
	const caretIndex = lines.findIndex((line) => /^\s*\^\s*$/u.test(line));
	if (caretIndex < 1) return undefined;
	const position = /^ERROR at Row:(\d+):Column:(\d+)/u.exec(lines[caretIndex + 1] ?? '');
	return {
		query: lines[caretIndex - 1] ?? '',
		caret: (lines[caretIndex] ?? '').trimEnd(),
		row: position?.[1] ? Number(position[1]) : 1,
		column: position?.[2] ? Number(position[2]) : (lines[caretIndex] ?? '').indexOf('^') + 1,
		reason: lines
			.slice(caretIndex + (position ? 2 : 1))
			.join(' ')
			.trim(),
	};
}
