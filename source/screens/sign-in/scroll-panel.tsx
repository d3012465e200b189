import {Box, Text, useInput} from 'ink';
import {useState} from 'react';
import type {Line} from './lines.js';
import {LinesView} from './lines-view.js';

export type ScrollPanelProps = {
	readonly lines: readonly Line[];
	readonly maxRows: number;
	readonly isActive: boolean;
	readonly hyperlinks: boolean;
};

/**
 * Lines that may be taller than the room: the window scrolls with ↑↓ and the last row says how
 * much is hidden, so a long explanation is never cut off silently nor drawn past the edge.
 */
export function ScrollPanel({lines, maxRows, isActive, hyperlinks}: ScrollPanelProps) {
	const rows = Math.max(maxRows, 1);
	const overflow = lines.length > rows;
	const window = overflow ? Math.max(rows - 1, 1) : rows;
	const maxOffset = Math.max(lines.length - window, 0);
	const [rawOffset, setOffset] = useState(0);
	const offset = Math.min(rawOffset, maxOffset);
	useInput(
		(_input, key) => {
			// Functional updates: several arrows can arrive before the next render.
			if (key.upArrow) setOffset((from) => Math.max(Math.min(from, maxOffset) - 1, 0));
			else if (key.downArrow) setOffset((from) => Math.min(from + 1, maxOffset));
		},
		{isActive: isActive && overflow},
	);
	const below = lines.length - offset - window;
	return (
		<Box flexDirection="column">
			<LinesView lines={lines.slice(offset, offset + window)} hyperlinks={hyperlinks} />
			{overflow ? (
				<Text dimColor wrap="truncate-end">
					{`${offset > 0 ? '↑' : ' '}${below > 0 ? '↓' : ' '} ${below > 0 ? `${below} more lines` : 'end'} · ↑↓ scroll`}
				</Text>
			) : null}
		</Box>
	);
}
