/** One key and what it does on this screen: `{keys: 'Enter', label: 'choose'}`. */
export type KeyHint = {
	readonly keys: string;
	readonly label: string;
};

export const keyHintSeparator = ' · ';

export function keyHintWidth(hint: KeyHint): number {
	return [...hint.keys].length + 1 + [...hint.label].length;
}

/**
 * The hints that fit in `width` columns on one line. When they do not all fit, hints are
 * dropped from the end, except the last one (the way out, Ctrl+C), which is always kept. A lone
 * hint wider than the line is kept too; the view truncates it.
 */
export function fitKeyHints(hints: readonly KeyHint[], width: number): readonly KeyHint[] {
	const lineWidth = (shown: readonly KeyHint[]) =>
		shown.reduce((sum, hint) => sum + keyHintWidth(hint), 0) +
		Math.max(shown.length - 1, 0) * keyHintSeparator.length;
	const last = hints.at(-1);
	if (last === undefined || lineWidth(hints) <= width) return hints;
	const kept = hints.slice(0, -1);
	while (kept.length > 0 && lineWidth([...kept, last]) > width) kept.pop();
	return [...kept, last];
}
