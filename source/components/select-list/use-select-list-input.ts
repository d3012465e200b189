import {useInput} from 'ink';
import type {SelectItem} from './select-list-state.js';
import type {SelectListController} from './use-select-list-state.js';

export type SelectListInputOptions<V> = {
	readonly list: SelectListController<V>;
	readonly isActive: boolean;
	readonly onChoose: (item: SelectItem<V>) => void;
	readonly onRemove?: (item: SelectItem<V>) => void;
};

/** ↑↓ Home End move, Enter chooses, Delete/Backspace removes a removable row. */
export function useSelectListInput<V>({
	list,
	isActive,
	onChoose,
	onRemove,
}: SelectListInputOptions<V>): void {
	useInput(
		(_input, key) => {
			const item = list.current();
			if (key.upArrow) list.move(-1);
			else if (key.downArrow) list.move(1);
			else if (key.home || key.pageUp) list.moveTo(0);
			else if (key.end || key.pageDown) list.moveTo(list.items.length - 1);
			else if (key.return && item !== undefined) onChoose(item);
			else if ((key.delete || key.backspace) && item?.removable === true) onRemove?.(item);
		},
		{isActive},
	);
}
