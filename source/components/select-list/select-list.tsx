import {Box, Text} from 'ink';
import {listWindow} from './select-list-state.js';
import type {SelectItem} from './select-list-state.js';
import type {SelectListController} from './use-select-list-state.js';
import {useSelectListInput} from './use-select-list-input.js';

export type SelectListProps<V> = {
	readonly list: SelectListController<V>;
	readonly isActive: boolean;
	/** Rows available; a longer list scrolls and says how many rows are hidden. */
	readonly maxRows: number;
	/** Narrow terminals hide the dimmed details to keep the labels readable. */
	readonly showDetails?: boolean;
	readonly onChoose: (item: SelectItem<V>) => void;
	readonly onRemove?: (item: SelectItem<V>) => void;
};

/** A vertical menu: one row per item, never wider than the terminal (rows are truncated). */
export function SelectList<V>({
	list,
	isActive,
	maxRows,
	showDetails = true,
	onChoose,
	onRemove,
}: SelectListProps<V>) {
	useSelectListInput({list, isActive, onChoose, onRemove});
	const count = list.items.length;
	// A hidden row costs a line of its own to say so.
	const {start, end} = listWindow(list.index, count, count > maxRows ? maxRows - 1 : maxRows);
	const hidden = count - (end - start);
	return (
		<Box flexDirection="column">
			{list.items.slice(start, end).map((item, offset) => {
				const highlighted = start + offset === list.index;
				return (
					<Text key={item.key} wrap="truncate-end">
						<Text color={highlighted ? 'cyan' : undefined}>{highlighted ? '❯ ' : '  '}</Text>
						<Text bold={highlighted} color={highlighted ? 'cyan' : undefined}>
							{item.label}
						</Text>
						{item.detail === undefined || !showDetails ? (
							''
						) : (
							<Text dimColor>{`  ${item.detail}`}</Text>
						)}
					</Text>
				);
			})}
			{hidden > 0 ? (
				<Text
					dimColor
					wrap="truncate-end"
				>{`  ${start > 0 ? '↑' : ''}${end < count ? '↓' : ''} ${hidden} more`}</Text>
			) : null}
		</Box>
	);
}
