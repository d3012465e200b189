import {classifyCodePoint} from '../../core/token-characters.js';
import type {TokenInspection} from '../../core/token.js';
import {glyphFor} from './glyphs.js';

/**
 * token: a character of the token, shown. masked: a hidden one (`•`). stray: a character that
 * does not belong, as a glyph. wrapper: text the fix removes (`Bearer `, quotes…).
 */
export type TokenRunStyle = 'token' | 'masked' | 'stray' | 'wrapper' | 'cursor';
export type TokenRun = {readonly text: string; readonly style: TokenRunStyle};
export type TokenLine = readonly TokenRun[];

export type TokenLayout = {
	/** Lines to draw first. */
	readonly head: readonly TokenLine[];
	/** Lines left out between head and tail when the token is too long for maxLines. */
	readonly hiddenLines: number;
	/** Last lines, where the trailing line break usually is. */
	readonly tail: readonly TokenLine[];
};

export type LayoutOptions = {
	readonly revealed: boolean;
	/** Cells per line; at least 1. */
	readonly width: number;
	/** Lines at most, the "… N more lines" marker included; at least 3. */
	readonly maxLines: number;
	/** Draw a cursor cell after the last character (edit mode). */
	readonly cursor: boolean;
};

/**
 * Masked, a token keeps what identifies it and nothing that helps use it (as in
 * core/token-mask.ts): the org id of a session id plus its last 4 characters when at least 16
 * follow the '!'; the first and last 4 of any other token of 32 characters or more.
 */
const visibleEnds = 4;
const secretToHint = 16;
const tokenToHint = 32;
/** Wrapper text with a run this long of token-like characters may hold a secret (a refresh token in a URL). */
const secretRunLength = 16;

const isSecretLike = (code: number) =>
	(code >= 0x30 && code <= 0x39) ||
	(code >= 0x41 && code <= 0x5a) ||
	(code >= 0x61 && code <= 0x7a) ||
	code === 0x2e ||
	code === 0x5f ||
	code === 0x2d;

class LineBuilder {
	readonly lines: TokenRun[][] = [[]];
	#column = 0;
	readonly #width: number;

	constructor(width: number) {
		this.#width = Math.max(1, width);
	}

	add(text: string, style: TokenRunStyle): void {
		// A glyph is never split across lines unless it is wider than a whole line.
		if (this.#column + text.length > this.#width && this.#column > 0) this.#newLine();
		let rest = text;
		while (rest.length > 0) {
			const room = this.#width - this.#column;
			if (room === 0) {
				this.#newLine();
				continue;
			}
			this.#append(rest.slice(0, room), style);
			rest = rest.slice(room);
		}
	}

	#newLine(): void {
		this.lines.push([]);
		this.#column = 0;
	}

	#append(text: string, style: TokenRunStyle): void {
		const line = this.lines.at(-1) ?? [];
		const last = line.at(-1);
		if (last?.style === style) line[line.length - 1] = {text: last.text + text, style};
		else line.push({text, style});
		this.#column += text.length;
	}
}

type Shown = {readonly prefix: number; readonly suffix: number};

/** How many characters of the token (stray ones excluded) stay visible at each end when masked. */
function shownEnds(
	inspection: TokenInspection,
	isStray: (index: number) => boolean,
	tokenCharacters: number,
): Shown {
	const {input, tokenStart, tokenEnd} = inspection;
	let count = 0;
	// The org id and its '!' are not secret; look for the '!' where an org id would end.
	for (let index = tokenStart; index < tokenEnd && count <= 20; index++) {
		if (isStray(index)) continue;
		count++;
		if (input[index] === '!') {
			return {prefix: count, suffix: tokenCharacters - count >= secretToHint ? visibleEnds : 0};
		}
	}
	return tokenCharacters >= tokenToHint
		? {prefix: visibleEnds, suffix: visibleEnds}
		: {prefix: 0, suffix: 0};
}

/**
 * Lays the input of an inspection out in lines of `width` cells: stray characters as glyphs in
 * place, the token masked unless revealed (org id prefix and last characters stay visible),
 * wrapper text as it is (long secret-looking runs in it masked too).
 */
export function layoutToken(inspection: TokenInspection, options: LayoutOptions): TokenLayout {
	const {input, tokenStart, tokenEnd} = inspection;
	const reported = new Set<number>();
	for (const problem of inspection.problems) {
		if (problem.kind !== 'stray-characters') continue;
		for (const stray of problem.characters) reported.add(stray.index);
	}
	const placeholder = inspection.problems.some((problem) => problem.kind === 'placeholder');
	const mask = !options.revealed && !placeholder;

	// Every character outside printable ASCII is drawn as a glyph, reported as stray or not
	// (inside a placeholder, or the blanks of a wrapper): the terminal never gets it raw.
	const strayAt = (index: number) => {
		const code = input.charCodeAt(index);
		return !(code >= 0x21 && code <= 0x7e);
	};

	let tokenCharacters = 0;
	for (let index = tokenStart; index < tokenEnd; index++) {
		if (!strayAt(index)) tokenCharacters++;
	}
	const shownAt = shownEnds(inspection, strayAt, tokenCharacters);

	const builder = new LineBuilder(options.width);
	let seen = 0;
	let index = 0;
	while (index < input.length) {
		if (strayAt(index)) {
			const isCrlf = input.startsWith('\r\n', index);
			const codePoint = input.codePointAt(index) ?? 0;
			const length = isCrlf || codePoint > 0xff_ff ? 2 : 1;
			const char = input.slice(index, index + length);
			const kind = isCrlf ? 'crlf' : (classifyCodePoint(codePoint)?.kind ?? 'other-non-ascii');
			const inside = index >= tokenStart && index < tokenEnd;
			builder.add(glyphFor(kind, char), reported.has(index) || inside ? 'stray' : 'wrapper');
			index += length;
			continue;
		}
		if (index >= tokenStart && index < tokenEnd) {
			const shown = !mask || seen < shownAt.prefix || seen >= tokenCharacters - shownAt.suffix;
			builder.add(shown ? (input[index] ?? '') : '•', shown ? 'token' : 'masked');
			seen++;
			index++;
			continue;
		}
		// Wrapper text: shown, except runs long enough to be a secret of their own.
		const limit = index < tokenStart ? tokenStart : input.length;
		let runEnd = index;
		while (runEnd < limit && isSecretLike(input.charCodeAt(runEnd))) runEnd++;
		if (runEnd === index) {
			builder.add(input[index] ?? '', 'wrapper');
			index++;
			continue;
		}
		const run = input.slice(index, runEnd);
		const hide = mask && run.length >= secretRunLength;
		builder.add(hide ? '•'.repeat(run.length) : run, hide ? 'masked' : 'wrapper');
		index = runEnd;
	}
	if (options.cursor) builder.add(' ', 'cursor');

	const {lines} = builder;
	const maxLines = Math.max(3, options.maxLines);
	if (lines.length <= maxLines) return {head: lines, hiddenLines: 0, tail: []};
	const head = lines.slice(0, maxLines - 2);
	const tail = lines.slice(-1);
	return {head, hiddenLines: lines.length - head.length - tail.length, tail};
}
