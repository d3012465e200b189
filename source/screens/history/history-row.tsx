import {Text} from 'ink';
import {memo} from 'react';
import type {HistoryEntry} from '../../core/history-entry.js';
import type {StatusTone} from '../../core/history-format.js';
import {rowCells, type RowLayout} from './history-layout.js';

const toneColors: Readonly<Record<StatusTone, string>> = {
	success: 'green',
	redirect: 'cyan',
	'client-error': 'yellow',
	'server-error': 'red',
	failed: 'red',
};

export type HistoryRowProps = {
	readonly entry: HistoryEntry;
	readonly highlighted: boolean;
	readonly layout: RowLayout;
	/** The clock's reading for this frame (ages). */
	readonly now: number;
};

/**
 * One request: method, status (coloured), path, org, time taken, age. Memoised: moving the
 * highlight redraws two rows, not the window.
 */
export const HistoryRow = memo(function HistoryRow({
	entry,
	highlighted,
	layout,
	now,
}: HistoryRowProps) {
	const cells = rowCells(entry, layout, now);
	return (
		<Text wrap="truncate-end">
			<Text color={highlighted ? 'cyan' : undefined}>{highlighted ? '❯ ' : '  '}</Text>
			<Text bold={highlighted}>{cells.method}</Text>
			{'  '}
			<Text color={toneColors[cells.tone]}>{cells.status}</Text>
			{'  '}
			<Text bold={highlighted} color={highlighted ? 'cyan' : undefined}>
				{cells.path}
			</Text>
			{layout.org === 0 ? '' : <Text dimColor>{`  ${cells.org}`}</Text>}
			{layout.showDuration ? <Text dimColor>{`  ${cells.duration}`}</Text> : ''}
			{layout.showAge ? <Text dimColor>{`  ${cells.age}`}</Text> : ''}
		</Text>
	);
});
