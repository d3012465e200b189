import {useMemo, useState} from 'react';
import {clampIndex, moveIndex} from './select-list-state.js';
import type {SelectItem} from './select-list-state.js';

export type SelectListController<V> = {
	readonly items: ReadonlyArray<SelectItem<V>>;
	readonly index: number;
	readonly highlighted: SelectItem<V> | undefined;
	readonly move: (delta: number) => void;
	readonly moveTo: (index: number) => void;
};

/**
 * Highlight state of a select list, owned by the screen so it can show hints for the
 * highlighted row. The index is clamped on read: when rows disappear (one forgotten), the
 * highlight stays on a row that exists.
 */
export function useSelectListState<V>(
	items: ReadonlyArray<SelectItem<V>>,
): SelectListController<V> {
	const [rawIndex, setIndex] = useState(0);
	const index = clampIndex(rawIndex, items.length);
	return useMemo(
		() => ({
			items,
			index,
			highlighted: items[index],
			move(delta: number) {
				setIndex(moveIndex(index, delta, items.length));
			},
			moveTo(next: number) {
				setIndex(clampIndex(next, items.length));
			},
		}),
		[items, index],
	);
}
