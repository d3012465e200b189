import {formatCodePoint, type StrayKind} from '../../core/token-characters.js';

/**
 * How the token field draws characters that do not belong in a token: each one a visible glyph
 * of one cell per character, so the user sees exactly where it is and the terminal never
 * receives a raw control character. Kinds not listed here are drawn as `⟨U+XXXX⟩`, except
 * smart quotes and visible non-ASCII letters, which are drawn as themselves (highlighted).
 */
export const strayGlyphs: Readonly<Partial<Record<StrayKind, string>>> = {
	space: '·',
	tab: '→',
	'carriage-return': '␍',
	'line-feed': '␊',
	crlf: '␍␊',
	'no-break-space': '⍽',
	'zero-width-space': '⟨ZWSP⟩',
	'zero-width-joiner': '⟨ZWJ⟩',
	'zero-width-non-joiner': '⟨ZWNJ⟩',
	'word-joiner': '⟨WJ⟩',
	'byte-order-mark': '⟨BOM⟩',
	'soft-hyphen': '⟨SHY⟩',
};

/**
 * Non-ASCII code points that are visible and one cell wide in every terminal, so they can be
 * drawn as themselves: a Cyrillic `а` posing as a Latin `a` is easier to spot as itself than as
 * a code. Anything else (wide, combining, invisible) gets its code point.
 */
const drawnAsThemselves: ReadonlyArray<readonly [from: number, to: number]> = [
	[0xa1, 0x2_4f], // Latin-1 Supplement and Latin Extended-A/B (0xAD is the soft hyphen, listed above)
	[0x3_70, 0x4_ff], // Greek, Cyrillic
	[0x20_10, 0x20_27], // dashes, bullets, ellipsis, smart quotes
	[0x20_30, 0x20_5e], // per mille, primes, other punctuation
	[0x25_cf, 0x25_cf], // ● (a common mask character)
];

/** The glyph for one stray character (`char` as it appears in the input, a CRLF included). */
export function glyphFor(kind: StrayKind, char: string): string {
	const glyph = strayGlyphs[kind];
	if (glyph !== undefined) return glyph;
	const codePoint = char.codePointAt(0) ?? 0;
	const visible =
		(kind === 'smart-quote' || kind === 'other-non-ascii') &&
		drawnAsThemselves.some(([from, to]) => codePoint >= from && codePoint <= to);
	return visible ? char : `⟨${formatCodePoint(codePoint)}⟩`;
}
