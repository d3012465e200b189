/**
 * JSON for text that ends up on a terminal: usage errors quoting what the user typed, and --json
 * output that may be read in one. JSON.stringify escapes the C0 controls but leaves DEL, the C1
 * controls (U+009B is a one-byte CSI to many terminals) and the line separators raw.
 */

// DEL, the C1 controls, and the line and paragraph separators.
const leftRaw = /[\u007F-\u009F\u2028\u2029]/gu;

/**
 * JSON.stringify, with every character a terminal could act on escaped as `\uXXXX`: still the same
 * JSON value, but nothing in it moves the cursor, rings the bell or starts an escape sequence.
 *
 * @example terminalSafeJson({path: '/x\u009B2J'}) // => '{"path":"/x\\u009b2J"}'
 */
export function terminalSafeJson(value: unknown): string {
	return JSON.stringify(value).replaceAll(
		leftRaw,
		(char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
	);
}

/**
 * Text the user typed, quoted for a message: in double quotes, every control character escaped
 * visibly.
 *
 * @example quoted('--x\u009B2J') // => '"--x\\u009b2J"'
 */
export function quoted(text: string): string {
	return terminalSafeJson(text);
}
