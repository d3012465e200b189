/**
 * Token inspection: why a pasted access token gets `INVALID_SESSION_ID` before it is ever sent.
 * Finds every character that does not belong (with its position and name), the text pasted
 * around it, placeholders and refresh tokens, checks the shape, and computes the fix.
 *
 * Positions: `index` fields are 0-based UTF-16 indices into the input (for code); every position
 * in human text (`removed`, summaries, bad-shape details) is 1-based ("line break at 113" is the
 * 113th character), because that is how people count.
 *
 * Pure and linear in the input: it runs on every keystroke of the token field.
 */
import {classifyCodePoint, formatCodePoint, type StrayKind} from './token-characters.js';
import {checkShape, shortSecretLength, type TokenFormat} from './token-shape.js';
import {describeStrays} from './token-summary.js';
import {isPlaceholder, matchWrapper, type TokenWrapper} from './token-wrappers.js';

export type {StrayKind} from './token-characters.js';
export type {TokenFormat} from './token-shape.js';
export type {TokenWrapper} from './token-wrappers.js';
export {sameOrg, summarizeInspection, type SummaryOptions} from './token-summary.js';

export type StrayCharacter = {
	readonly kind: StrayKind;
	/** 0-based UTF-16 index in the input. A CRLF is one stray at the CR's index. */
	readonly index: number;
	/** The character itself (two code units for a CRLF or an astral character). */
	readonly char: string;
	/** `U+00A0`; `U+000D U+000A` for a CRLF. */
	readonly codePoint: string;
	/** Before the first character of the token, after its last one, or between. */
	readonly where: 'leading' | 'trailing' | 'inside';
	/** 'no-break space', 'line break', "non-ASCII character 'а' (U+0430)". */
	readonly name: string;
};

export type TokenProblem =
	| {readonly kind: 'stray-characters'; readonly characters: readonly StrayCharacter[]}
	/** Text pasted around the token; `text` is exactly what the fix removes (prefix then suffix). */
	| {
			readonly kind: 'wrapper';
			readonly wrapper: TokenWrapper;
			readonly text: string;
			/** "'Bearer ' prefix", "surrounding quotes “…”". */
			readonly description: string;
	  }
	/** `%21` where the '!' belongs: a token copied out of a URL. */
	| {readonly kind: 'percent-encoded'; readonly text: string}
	| {readonly kind: 'placeholder'; readonly text: string}
	| {readonly kind: 'refresh-token'}
	| {readonly kind: 'empty'}
	| {readonly kind: 'bad-shape'; readonly detail: string};

/** Worth telling the user, but no reason to refuse the token. */
export type TokenWarning = {readonly kind: 'short-secret'; readonly length: number};

export type TokenInspection = {
	readonly input: string;
	/** Format of the FIXED token; 'unknown' whenever it is not a valid session id or JWT. */
	readonly format: TokenFormat;
	/** The 15-character org id before the '!' of the fixed token (session ids only). */
	readonly orgId15?: string;
	readonly problems: readonly TokenProblem[];
	readonly warnings: readonly TokenWarning[];
	/** Everything stray or wrapping removed (=== input when clean). */
	readonly fixed: string;
	/** What the fix removed, in input order: "line break at 113", "'Bearer ' prefix". */
	readonly removed: readonly string[];
	/** Nothing to fix and the shape is valid. */
	readonly clean: boolean;
	/** `fixed` would be clean (true when already clean). */
	readonly fixable: boolean;
	/**
	 * The token (or placeholder) inside the input once wrappers and outer stray characters are
	 * peeled off: input indices [tokenStart, tokenEnd). Inner stray characters are still in it.
	 */
	readonly tokenStart: number;
	readonly tokenEnd: number;
};

type Peeled = {
	/** Where the removed text starts in the input, for ordering `removed`. */
	readonly index: number;
	readonly wrapper: TokenWrapper;
	readonly description: string;
	readonly text: string;
};

/** Layers of wrapping we unwrap at most; real pastes have two or three. */
const maxLayers = 8;

type StrayClass = Pick<StrayCharacter, 'kind' | 'name' | 'codePoint'> & {readonly width: number};

const crlf: StrayClass = {
	kind: 'crlf',
	name: 'line break (CRLF)',
	codePoint: 'U+000D U+000A',
	width: 2,
};

type Scan = {
	/** Start index and class of every stray character, in input order (parallel arrays). */
	readonly indices: number[];
	readonly classes: StrayClass[];
	/** 1 for every code unit that belongs to a stray character. */
	readonly mark: Uint8Array;
};

function scanStrays(input: string): Scan {
	const indices: number[] = [];
	const classes: StrayClass[] = [];
	const mark = new Uint8Array(input.length);
	// A paste of a megabyte of one invisible character must not build a megabyte of names.
	const known = new Map<number, StrayClass | undefined>();
	let lastCodePoint = -1;
	let lastClass: StrayClass | undefined;
	for (let index = 0; index < input.length; index++) {
		const unit = input.charCodeAt(index);
		if (unit >= 0x21 && unit <= 0x7e) continue;
		let found: StrayClass | undefined;
		if (unit === 0x0d && input.charCodeAt(index + 1) === 0x0a) {
			found = crlf;
		} else {
			const codePoint = input.codePointAt(index) ?? unit;
			if (codePoint === lastCodePoint) {
				found = lastClass;
			} else if (known.has(codePoint)) {
				found = known.get(codePoint);
			} else {
				const named = classifyCodePoint(codePoint);
				found = named && {
					...named,
					codePoint: formatCodePoint(codePoint),
					width: codePoint > 0xff_ff ? 2 : 1,
				};
				known.set(codePoint, found);
			}
			lastCodePoint = codePoint;
			lastClass = found;
		}
		if (!found) continue;
		indices.push(index);
		classes.push(found);
		mark[index] = 1;
		if (found.width === 2) mark[index + 1] = 1;
		index += found.width - 1;
	}
	return {indices, classes, mark};
}

function isSmartQuoteAt(input: string, index: number, scan: Scan): boolean {
	if (scan.mark[index] !== 1) return false;
	const code = input.charCodeAt(index);
	return (
		(code >= 0x20_18 && code <= 0x20_1f) ||
		code === 0xab ||
		code === 0xbb ||
		code === 0x20_39 ||
		code === 0x20_3a
	);
}

type Unwrapped = {
	readonly start: number;
	readonly end: number;
	readonly peeled: readonly Peeled[];
	/**
	 * 1 for stray characters that are part of a wrapper rather than damage: the blanks in
	 * `Authorization: Bearer ` and the smart quotes of a “…” pair.
	 */
	readonly owned: Uint8Array;
	readonly placeholder: boolean;
};

function ownBlanks(input: string, from: number, to: number, owned: Uint8Array): void {
	for (let index = from; index < to; index++) {
		const code = input.charCodeAt(index);
		if (code === 0x20 || code === 0x09) owned[index] = 1;
	}
}

/**
 * Peels layers from the outside in: stray characters at both ends, then the outermost wrapper,
 * and again. Smart quotes are kept for the wrapper check so “…” counts as a pair of quotes;
 * a lone one is peeled as a stray character.
 */
function unwrap(input: string, scan: Scan): Unwrapped {
	let start = 0;
	let end = input.length;
	const peeled: Peeled[] = [];
	const owned = new Uint8Array(input.length);
	const isPeelableStray = (index: number) =>
		scan.mark[index] === 1 && !isSmartQuoteAt(input, index, scan);
	for (let layer = 0; layer < maxLayers; layer++) {
		while (start < end && isPeelableStray(start)) start++;
		while (end > start && isPeelableStray(end - 1)) end--;
		if (start >= end) break;
		const match = matchWrapper(input, start, end);
		if (match) {
			peeled.push({
				index: match.innerStart > start ? start : match.innerEnd,
				wrapper: match.wrapper,
				description: match.description,
				text: input.slice(start, match.innerStart) + input.slice(match.innerEnd, end),
			});
			ownBlanks(input, start, match.innerStart, owned);
			ownBlanks(input, match.innerEnd, end, owned);
			if (match.wrapper === 'surrounding-quotes') {
				owned[start] = 1;
				owned[end - 1] = 1;
			}
			start = match.innerStart;
			end = match.innerEnd;
			continue;
		}
		if (isSmartQuoteAt(input, start, scan)) {
			start++;
			continue;
		}
		if (isSmartQuoteAt(input, end - 1, scan)) {
			end--;
			continue;
		}
		return {start, end, peeled, owned, placeholder: isPlaceholder(input, start, end)};
	}
	return {start, end, peeled, owned, placeholder: false};
}

/** Maps an index in the fixed token back to the input, for pointing at a character. */
function inputIndexOf(
	fixedIndex: number,
	input: string,
	start: number,
	mark: Uint8Array,
	decodedPercent: boolean,
): number {
	let count = 0;
	for (let index = start; index < input.length; index++) {
		if (mark[index] === 1) continue;
		if (count === fixedIndex) return index;
		if (decodedPercent && input.startsWith('%21', index)) index += 2;
		count++;
	}
	return input.length;
}

function removeMarked(input: string, start: number, end: number, mark: Uint8Array): string {
	// Slicing runs keeps a 1 MB paste with few strays to a handful of copies.
	const parts: string[] = [];
	let runStart = start;
	for (let index = start; index < end; index++) {
		if (mark[index] !== 1) continue;
		if (index > runStart) parts.push(input.slice(runStart, index));
		runStart = index + 1;
	}
	if (end > runStart) parts.push(input.slice(runStart, end));
	return parts.join('');
}

/**
 * Inspects a pasted access token and computes its fix. Never throws.
 *
 * @example
 * // token: a 112-character session id
 * inspectToken(`Bearer ${token}\n`).removed
 * // => ["'Bearer ' prefix", 'line break at 120']
 */
export function inspectToken(input: string): TokenInspection {
	const scan = scanStrays(input);
	const {start, end, peeled, owned, placeholder} = unwrap(input, scan);
	const strays: StrayCharacter[] = [];
	for (let position = 0; position < scan.indices.length; position++) {
		const index = scan.indices[position] ?? 0;
		const found = scan.classes[position];
		if (!found || owned[index] === 1) continue;
		const insideToken = index >= start && index < end;
		if (placeholder && insideToken) continue;
		strays.push({
			kind: found.kind,
			index,
			char: input.slice(index, index + found.width),
			codePoint: found.codePoint,
			where: index < start ? 'leading' : index >= end ? 'trailing' : 'inside',
			name: found.name,
		});
	}

	const problems: TokenProblem[] = [];
	const warnings: TokenWarning[] = [];
	const removedAt: Array<{index: number; text: string}> = describeStrays(strays);
	if (strays.length > 0) problems.push({kind: 'stray-characters', characters: strays});
	// Peeled from the outside in; reported in input order, like everything else.
	for (const layer of peeled.toSorted((a, b) => a.index - b.index)) {
		problems.push({
			kind: 'wrapper',
			wrapper: layer.wrapper,
			text: layer.text,
			description: layer.description,
		});
		removedAt.push({index: layer.index, text: layer.description});
	}

	let fixed = placeholder ? input.slice(start, end) : removeMarked(input, start, end, scan.mark);
	let orgId15: string | undefined;
	let format: TokenFormat = 'unknown';
	if (placeholder) {
		problems.push({kind: 'placeholder', text: fixed});
	} else {
		const decodedPercent = !fixed.includes('!') && fixed.includes('%21');
		if (decodedPercent) {
			problems.push({kind: 'percent-encoded', text: '%21'});
			removedAt.push({index: input.indexOf('%21', start), text: "URL encoding: '%21' for '!'"});
			fixed = fixed.replaceAll('%21', '!');
		}
		if (fixed === '') {
			problems.push({kind: 'empty'});
		} else {
			const shape = checkShape(
				fixed,
				(index) => inputIndexOf(index, input, start, scan.mark, decodedPercent) + 1,
			);
			if (shape.format === 'session-id') {
				format = 'session-id';
				orgId15 = shape.orgId15;
				if (shape.secretLength < shortSecretLength) {
					warnings.push({kind: 'short-secret', length: shape.secretLength});
				}
			} else if (shape.format === 'jwt') {
				format = 'jwt';
			} else if (shape.format === 'refresh-token') {
				problems.push({kind: 'refresh-token'});
			} else {
				problems.push({kind: 'bad-shape', detail: shape.detail});
			}
		}
	}

	const fixableKinds = new Set(['stray-characters', 'wrapper', 'percent-encoded']);
	return {
		input,
		format,
		...(orgId15 === undefined ? {} : {orgId15}),
		problems,
		warnings,
		fixed,
		removed: removedAt.sort((a, b) => a.index - b.index).map((entry) => entry.text),
		clean: problems.length === 0,
		fixable: problems.every((problem) => fixableKinds.has(problem.kind)),
		tokenStart: start,
		tokenEnd: Math.max(start, end),
	};
}
