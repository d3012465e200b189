import {Box, Text} from 'ink';
import {visibleField} from '../../components/text-field/text-field-state.js';
import {cursorPosition, type TextAreaState} from './text-area-state.js';

export type TextAreaProps = {
	readonly area: TextAreaState;
	readonly width: number;
	/** Lines shown at most; the window follows the cursor. */
	readonly maxLines: number;
	readonly isActive: boolean;
	readonly placeholder?: string;
	/** 1-based line to mark (a JSON error). */
	readonly markLine?: number;
};

/** Cut to `width` cells, with `…` when something is cut. */
function fit(line: string, width: number): string {
	const chars = [...line];
	return chars.length <= width ? line : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/** The lines of a TextArea around the cursor; the cursor line scrolls sideways to keep it shown. */
export function TextArea({area, width, maxLines, isActive, placeholder, markLine}: TextAreaProps) {
	if (area.value === '' && placeholder !== undefined) {
		return (
			<Text wrap="truncate-end">
				{isActive ? <Text inverse> </Text> : null}
				<Text dimColor>{placeholder}</Text>
			</Text>
		);
	}

	const lines = area.value.split('\n');
	const {line: cursorLine, column} = cursorPosition(area);
	const shown = Math.max(1, maxLines);
	const first = Math.min(Math.max(0, cursorLine - shown + 1), Math.max(0, lines.length - shown));
	const window = lines.slice(first, first + shown);
	return (
		<Box flexDirection="column">
			{window.map((line, index) => {
				const number = first + index;
				const marked = markLine === number + 1;
				if (isActive && number === cursorLine) {
					const visible = visibleField({value: line, cursor: column}, width);
					return (
						<Text key={number} wrap="truncate-end" {...(marked ? {color: 'red'} : {})}>
							{visible.clippedStart ? '…' : ''}
							{visible.before}
							<Text inverse>{visible.atCursor}</Text>
							{visible.after}
							{visible.clippedEnd ? '…' : ''}
						</Text>
					);
				}

				return (
					<Text key={number} wrap="truncate-end" {...(marked ? {color: 'red'} : {})}>
						{fit(line, width) || ' '}
					</Text>
				);
			})}
			{lines.length > shown && !isActive ? <Text dimColor>{`(${lines.length} lines)`}</Text> : null}
		</Box>
	);
}
