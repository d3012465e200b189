import {useCallback, useMemo, useRef, useState} from 'react';
import {clampIndex, moveIndex} from './select-list-state.js';
import type {SelectItem} from './select-list-state.js';

export type SelectListController<V> = {
	readonly items: ReadonlyArray<SelectItem<V>>;
	readonly index: number;
	readonly highlighted: SelectItem<V> | undefined;
	/** The highlighted row after every key handled so far, rendered or not (for Enter). */
	readonly current: () => SelectItem<V> | undefined;
	readonly move: (delta: number) => void;
	readonly moveTo: (index: number) => void;
};

/**
 * Highlight state of a select list, owned by the screen so it can show hints for the
 * highlighted row. The index is clamped on read: when rows disappear (one forgotten), the
 * highlight stays on a row that exists. It is also kept in a ref, because Ink hands every key
 * of one stdin chunk ("↓ Enter" typed ahead) to the handlers before React renders: Enter must
 * choose the row the earlier keys moved to.
 */
export function useSelectListState<V>(
	items: ReadonlyArray<SelectItem<V>>,
): SelectListController<V> {
	const [rawIndex, setRawIndex] = useState(0);
	const latest = useRef(0);
	const count = items.length;
	const setIndex = useCallback(
		(next: (from: number) => number) => {
			latest.current = clampIndex(next(clampIndex(latest.current, count)), count);
			setRawIndex(latest.current);
		},
		[count],
	);
	const current = useCallback(() => items[clampIndex(latest.current, items.length)], [items]);
	const index = clampIndex(rawIndex, items.length);
	return useMemo(
		() => ({
			items,
			index,
			highlighted: items[index],
			current,
			move(delta: number) {
				setIndex((from) => moveIndex(from, delta, count));
			},
			moveTo(to: number) {
				setIndex(() => to);
			},
		}),
		[items, count, index, current, setIndex],
	);
}
