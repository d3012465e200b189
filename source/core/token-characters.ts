/**
 * The characters that never belong in a Salesforce access token, named the way a user would
 * recognise them. A session id uses `[A-Za-z0-9._!]` and a JWT `[A-Za-z0-9._-]`, so anything that
 * is not printable ASCII is stray by definition; this table only decides what to call it.
 */

export type StrayKind =
	| 'space'
	| 'tab'
	| 'carriage-return'
	| 'line-feed'
	| 'crlf'
	| 'no-break-space'
	| 'unicode-space'
	| 'zero-width-space'
	| 'zero-width-joiner'
	| 'zero-width-non-joiner'
	| 'word-joiner'
	| 'byte-order-mark'
	| 'soft-hyphen'
	| 'smart-quote'
	| 'other-non-ascii'
	| 'control-character';

export type CharacterClass = {
	readonly kind: StrayKind;
	/** What a user calls it: 'no-break space', "non-ASCII character 'а' (U+0430)". */
	readonly name: string;
};

/** Formats a code point the way Unicode charts do: `U+00A0`, `U+1F600`. */
export function formatCodePoint(codePoint: number): string {
	return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

const named = new Map<number, CharacterClass>([
	[0x20, {kind: 'space', name: 'space'}],
	[0x09, {kind: 'tab', name: 'tab'}],
	[0x0d, {kind: 'carriage-return', name: 'carriage return'}],
	[0x0a, {kind: 'line-feed', name: 'line break'}],
	[0x00, {kind: 'control-character', name: 'null character'}],
	[0x07, {kind: 'control-character', name: 'bell character'}],
	[0x08, {kind: 'control-character', name: 'backspace character'}],
	[0x0b, {kind: 'control-character', name: 'vertical tab'}],
	[0x0c, {kind: 'control-character', name: 'form feed'}],
	[0x1b, {kind: 'control-character', name: 'escape character'}],
	[0x7f, {kind: 'control-character', name: 'delete character'}],
	[0x85, {kind: 'control-character', name: 'next-line character'}],
	[0xa0, {kind: 'no-break-space', name: 'no-break space'}],
	[0x20_2f, {kind: 'no-break-space', name: 'narrow no-break space'}],
	[0x20_07, {kind: 'unicode-space', name: 'figure space'}],
	[0x20_02, {kind: 'unicode-space', name: 'en space'}],
	[0x20_03, {kind: 'unicode-space', name: 'em space'}],
	[0x20_09, {kind: 'unicode-space', name: 'thin space'}],
	[0x20_0a, {kind: 'unicode-space', name: 'hair space'}],
	[0x30_00, {kind: 'unicode-space', name: 'ideographic space'}],
	[0x20_28, {kind: 'unicode-space', name: 'line separator'}],
	[0x20_29, {kind: 'unicode-space', name: 'paragraph separator'}],
	[0x20_0b, {kind: 'zero-width-space', name: 'zero-width space'}],
	[0x20_0c, {kind: 'zero-width-non-joiner', name: 'zero-width non-joiner'}],
	[0x20_0d, {kind: 'zero-width-joiner', name: 'zero-width joiner'}],
	[0x20_60, {kind: 'word-joiner', name: 'word joiner'}],
	[0xfe_ff, {kind: 'byte-order-mark', name: 'byte order mark'}],
	[0xad, {kind: 'soft-hyphen', name: 'soft hyphen'}],
	[0x20_0e, {kind: 'other-non-ascii', name: 'left-to-right mark (U+200E)'}],
	[0x20_0f, {kind: 'other-non-ascii', name: 'right-to-left mark (U+200F)'}],
]);

/** Curly and locale quotes that word processors, chat apps and wikis put around pasted text. */
const smartQuotes = new Set([
	0x20_18, 0x20_19, 0x20_1a, 0x20_1b, 0x20_1c, 0x20_1d, 0x20_1e, 0x20_1f, 0xab, 0xbb, 0x20_39,
	0x20_3a,
]);

/** Whether the code unit is one `[A-Za-z0-9]`: cheaper than a regex on the per-character path. */
export function isAlphanumeric(code: number): boolean {
	return (
		(code >= 0x30 && code <= 0x39) ||
		(code >= 0x41 && code <= 0x5a) ||
		(code >= 0x61 && code <= 0x7a)
	);
}

const printable = /^[\p{L}\p{N}\p{P}\p{S}]$/u;

/**
 * Classifies one code point (a lone surrogate counts as one). Returns undefined for printable
 * ASCII (`!` to `~`), which is never stray: whether such a character is allowed is a question of
 * the token's shape, not of invisible copy-paste damage.
 */
export function classifyCodePoint(codePoint: number): CharacterClass | undefined {
	if (codePoint >= 0x21 && codePoint <= 0x7e) return undefined;
	const known = named.get(codePoint);
	if (known) return known;
	const code = formatCodePoint(codePoint);
	if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)) {
		return {kind: 'control-character', name: `control character ${code}`};
	}
	if (smartQuotes.has(codePoint)) {
		return {kind: 'smart-quote', name: `smart quote ${String.fromCodePoint(codePoint)}`};
	}
	if (
		codePoint === 0x16_80 ||
		(codePoint >= 0x20_00 && codePoint <= 0x20_0a) ||
		codePoint === 0x20_5f
	) {
		return {kind: 'unicode-space', name: `Unicode space ${code}`};
	}
	if (codePoint >= 0xd8_00 && codePoint <= 0xdf_ff) {
		return {kind: 'other-non-ascii', name: `broken character ${code} (half a surrogate pair)`};
	}
	const char = String.fromCodePoint(codePoint);
	return {
		kind: 'other-non-ascii',
		name: printable.test(char)
			? `non-ASCII character '${char}' (${code})`
			: `invisible character ${code}`,
	};
}
