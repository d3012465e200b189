/** One row of a select list. `value` is what the owner gets back when the row is chosen. */
export type SelectItem<V> = {
	readonly key: string;
	readonly label: string;
	/** Dimmed text after the label (a URL, a kind). */
	readonly detail?: string;
	readonly value: V;
	/** Whether the remove key works on this row (a remembered entry, say). */
	readonly removable?: boolean;
};

/** The index pulled into range; 0 for an empty list. */
export function clampIndex(index: number, count: number): number {
	return count === 0 ? 0 : Math.min(Math.max(index, 0), count - 1);
}

/** Moves by `delta`, wrapping around either end, as most terminal menus do. */
export function moveIndex(index: number, delta: number, count: number): number {
	if (count === 0) return 0;
	return (((clampIndex(index, count) + delta) % count) + count) % count;
}

/**
 * Which rows fit in `maxRows`: all of them, or a window that keeps the highlighted row in view,
 * roughly centred so the rows around it show too.
 */
export function listWindow(
	index: number,
	count: number,
	maxRows: number,
): {readonly start: number; readonly end: number} {
	const rows = Math.max(maxRows, 1);
	if (count <= rows) return {start: 0, end: count};
	const start = Math.min(
		Math.max(clampIndex(index, count) - Math.floor(rows / 2), 0),
		count - rows,
	);
	return {start, end: start + rows};
}
