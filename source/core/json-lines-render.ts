/**
 * Drawing one line of a response body as styled segments, for the visible columns only. Response
 * bodies are untrusted: no character that a terminal could act on (C0 and C1 controls, DEL, bidi
 * overrides, invisible format characters, lone surrogates) is ever returned as itself. In JSON
 * strings such a character becomes its `\uXXXX` escape (still valid JSON); in plain text, a C0
 * control becomes its Control Pictures glyph (`␛` for ESC) and anything else `⟨U+XXXX⟩`.
 */

export type SegmentStyle =
	| 'key'
	| 'string'
	| 'number'
	| 'literal'
	| 'punctuation'
	| 'text'
	/** A character drawn as a glyph or escape instead of itself, or an escaped control. */
	| 'escape'
	| 'match';

export type Segment = {readonly text: string; readonly style: SegmentStyle};

/** The columns of a line to draw: `width` cells starting at column `from` (horizontal scroll). */
export type LineWindow = {readonly from: number; readonly width: number};

/**
 * Whether the UTF-16 code unit at `index` starts a character that must not reach a terminal, and
 * how many code units it takes (0 when it is safe).
 */
export function unsafeWidth(text: string, index: number): number {
	const code = text.charCodeAt(index);
	if (code >= 0x20 && code < 0x7f) return 0;
	if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0xad) return 1;
	if (code < 0x0600) return 0;
	if (
		code === 0x06_1c ||
		code === 0x18_0e ||
		(code >= 0x20_0b && code <= 0x20_0f) ||
		(code >= 0x20_28 && code <= 0x20_2e) ||
		(code >= 0x20_60 && code <= 0x20_6f) ||
		code === 0xfe_ff ||
		(code >= 0xff_f9 && code <= 0xff_fb)
	) {
		return 1;
	}

	if (code >= 0xd8_00 && code <= 0xdb_ff) {
		const low = text.charCodeAt(index + 1);
		if (!(low >= 0xdc_00 && low <= 0xdf_ff)) return 1;
		// Tag characters U+E0000–U+E007F are invisible; they can smuggle text.
		return code === 0xdb_40 && low <= 0xdc_7f ? 2 : 0;
	}

	return code >= 0xdc_00 && code <= 0xdf_ff ? 1 : 0;
}

function hex4(code: number): string {
	return code.toString(16).toUpperCase().padStart(4, '0');
}

/** The glyph for an unsafe character in plain text: `␛` for ESC, `⟨U+202E⟩` for a bidi override. */
export function glyphFor(char: string): string {
	const code = char.charCodeAt(0);
	if (code < 0x20) return String.fromCharCode(0x24_00 + code);
	if (code === 0x7f) return '␡';
	return `⟨U+${hex4(char.codePointAt(0) ?? code)}⟩`;
}

/**
 * A short server text (an error message, a header value, a page title) as one safe line: line
 * breaks and tabs become spaces, every other unsafe character its glyph.
 */
export function printableLine(text: string): string {
	let out = '';
	let runStart = 0;
	for (let index = 0; index < text.length; index++) {
		const width = unsafeWidth(text, index);
		if (width === 0) continue;
		out += text.slice(runStart, index);
		const char = text.slice(index, index + width);
		out += char === '\n' || char === '\r' || char === '\t' ? ' ' : glyphFor(char);
		index += width - 1;
		runStart = index + 1;
	}

	return out + text.slice(runStart);
}

/** Collects segments for the visible columns and says when it has enough. */
class LineBuilder {
	readonly segments: Segment[] = [];
	column = 0;
	readonly #from: number;
	readonly #to: number;

	constructor(window: LineWindow) {
		this.#from = Math.max(0, window.from);
		this.#to = this.#from + Math.max(0, window.width);
	}

	get full(): boolean {
		return this.column >= this.#to;
	}

	/** Columns still to fill; a scan never needs to look further than this. */
	get room(): number {
		return this.#to - this.column;
	}

	emit(text: string, style: SegmentStyle): void {
		const start = this.column;
		this.column += text.length;
		if (this.column <= this.#from || start >= this.#to) return;
		const visible = text.slice(Math.max(0, this.#from - start), this.#to - start);
		const last = this.segments.at(-1);
		if (last?.style === style) {
			this.segments[this.segments.length - 1] = {text: last.text + visible, style};
		} else {
			this.segments.push({text: visible, style});
		}
	}
}

function isControlEscape(value: number): boolean {
	return value < 0x20 || (value >= 0x7f && value <= 0x9f);
}

/** Draws a JSON string token from its opening quote; returns the offset after it. */
function renderString(
	text: string,
	start: number,
	end: number,
	style: SegmentStyle,
	out: LineBuilder,
): number {
	out.emit('"', style);
	let index = start + 1;
	while (index < end && !out.full) {
		const runStart = index;
		const limit = Math.min(end, index + out.room);
		while (index < limit) {
			const code = text.charCodeAt(index);
			if (code === 0x22 || code === 0x5c || unsafeWidth(text, index) > 0) break;
			index++;
		}

		if (index > runStart) out.emit(text.slice(runStart, index), style);
		if (index >= end || out.full) break;
		const code = text.charCodeAt(index);
		if (code === 0x22) {
			out.emit('"', style);
			return index + 1;
		}

		if (code === 0x5c) {
			const isUnicode = text.charCodeAt(index + 1) === 0x75;
			const length = isUnicode ? 6 : 2;
			const escape = text.slice(index, index + length);
			const control = isUnicode && isControlEscape(Number.parseInt(escape.slice(2), 16));
			out.emit(escape, control ? 'escape' : style);
			index += length;
			continue;
		}

		if (index >= limit) continue;
		const width = unsafeWidth(text, index);
		for (let unit = 0; unit < width; unit++) {
			out.emit(`\\u${hex4(text.charCodeAt(index + unit))}`, 'escape');
		}

		index += width;
	}

	return end;
}

const wordCharacter = /[-+.\w]/u;

/**
 * Draws a line of pretty JSON from its raw text `[start, end)` (already validated): indentation,
 * keys, values, `: ` after keys, and only the columns of `window`.
 */
export function renderJsonLine(
	text: string,
	start: number,
	end: number,
	depth: number,
	inObject: boolean,
	window: LineWindow,
): Segment[] {
	const out = new LineBuilder(window);
	if (depth > 0) out.emit(' '.repeat(depth * 2), 'punctuation');
	let index = start;
	let first = true;
	while (index < end && !out.full) {
		const char = text[index] ?? '';
		if (char === ' ' || char === '\n' || char === '\r' || char === '\t') {
			index++;
			continue;
		}

		if (char === '"') {
			index = renderString(text, index, end, first && inObject ? 'key' : 'string', out);
		} else if (char === ':') {
			out.emit(': ', 'punctuation');
			index++;
		} else if (',{}[]'.includes(char)) {
			out.emit(char, 'punctuation');
			index++;
		} else {
			let wordEnd = index;
			while (wordEnd < end && wordCharacter.test(text[wordEnd] ?? '')) wordEnd++;
			// Validated JSON leaves nothing else; the guard keeps a bad caller from looping.
			if (wordEnd === index) wordEnd++;
			const word = text.slice(index, wordEnd);
			out.emit(word, word === 'true' || word === 'false' || word === 'null' ? 'literal' : 'number');
			index = wordEnd;
		}

		first = false;
	}

	return out.segments;
}

/** Draws a line of plain text `[start, end)` (no line break in it), unsafe characters as glyphs. */
export function renderTextLine(
	text: string,
	start: number,
	end: number,
	window: LineWindow,
): Segment[] {
	const out = new LineBuilder(window);
	let index = start;
	while (index < end && !out.full) {
		const runStart = index;
		const limit = Math.min(end, index + out.room);
		while (index < limit && unsafeWidth(text, index) === 0) index++;
		if (index > runStart) out.emit(text.slice(runStart, index), 'text');
		if (index >= limit) continue;
		const width = unsafeWidth(text, index);
		const char = text.slice(index, index + width);
		if (char === '\t') out.emit('  ', 'text');
		else out.emit(glyphFor(char), 'escape');
		index += width;
	}

	return out.segments;
}

function escapeRegExp(text: string): string {
	return text.replaceAll(/[.*+?^${}()|[\]\\]/gu, String.raw`\$&`);
}

const jsonPunctuation = new Set([':', ',', '{', '}', '[', ']']);

/**
 * A query for JSON searched in its raw text: blanks next to punctuation are optional, on either
 * side, since the screen shows `"done": false` where the body may say `"done":false` or
 * `"done" : false`.
 */
function jsonSearchSource(query: string): string {
	const chars = [...query];
	const parts: string[] = [];
	for (let index = 0; index < chars.length; index++) {
		const char = chars[index] ?? '';
		if (/\s/u.test(char)) {
			let end = index;
			while (end < chars.length && /\s/u.test(chars[end] ?? '')) end++;
			const touchesPunctuation =
				jsonPunctuation.has(chars[index - 1] ?? '') || jsonPunctuation.has(chars[end] ?? '');
			if (!touchesPunctuation) parts.push(escapeRegExp(chars.slice(index, end).join('')));
			index = end - 1;
			continue;
		}

		const escaped = escapeRegExp(char);
		// Never at the very start or end: a match must begin and end on the text searched for.
		const before = jsonPunctuation.has(char) && parts.length > 0 ? String.raw`\s*` : '';
		const after = jsonPunctuation.has(char) && index < chars.length - 1 ? String.raw`\s*` : '';
		parts.push(`${before}${escaped}${after}`);
	}

	return parts.join('');
}

/**
 * The pattern a search uses: smart case (case-insensitive unless the query has a capital); for
 * JSON, blanks around punctuation are optional (see jsonSearchSource).
 */
export function searchPattern(query: string, options: {readonly json?: boolean} = {}): RegExp {
	const ignoreCase = query === query.toLowerCase();
	const source = options.json === true ? jsonSearchSource(query) : escapeRegExp(query);
	return new RegExp(source, ignoreCase ? 'giu' : 'gu');
}

/** Marks the matches of `query` in a drawn line with the 'match' style. */
export function highlightMatches(segments: readonly Segment[], query: string): Segment[] {
	if (query === '' || segments.length === 0) return [...segments];
	const line = segments.map((segment) => segment.text).join('');
	const ranges: Array<readonly [number, number]> = [];
	for (const match of line.matchAll(searchPattern(query))) {
		ranges.push([match.index, match.index + match[0].length]);
	}

	if (ranges.length === 0) return [...segments];
	const out: Segment[] = [];
	let offset = 0;
	for (const segment of segments) {
		const segmentEnd = offset + segment.text.length;
		let cursor = offset;
		for (const [from, to] of ranges) {
			if (to <= cursor || from >= segmentEnd) continue;
			const matchFrom = Math.max(from, cursor);
			const matchTo = Math.min(to, segmentEnd);
			if (matchFrom > cursor) {
				out.push({
					text: segment.text.slice(cursor - offset, matchFrom - offset),
					style: segment.style,
				});
			}

			out.push({text: segment.text.slice(matchFrom - offset, matchTo - offset), style: 'match'});
			cursor = matchTo;
		}

		if (cursor < segmentEnd) {
			out.push({text: segment.text.slice(cursor - offset), style: segment.style});
		}

		offset = segmentEnd;
	}

	return out;
}
