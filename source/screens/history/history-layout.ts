// How a history row is laid out in a given width: fixed columns for method, status, time taken
// and age, the org when there is room, and the path in whatever is left. Pure, so that the row
// component only draws strings.
import type {HistoryEntry} from '../../core/history-entry.js';
import {
	formatAge,
	formatDuration,
	printable,
	statusOf,
	type StatusTone,
} from '../../core/history-format.js';

export type RowLayout = {
	readonly path: number;
	/** 0 when the org column is dropped (narrow terminal). */
	readonly org: number;
	readonly showDuration: boolean;
	readonly showAge: boolean;
};

const methodWidth = 6;
const statusWidth = 3;
const durationWidth = 7;
const ageWidth = 11;
const orgWidth = 16;
// The highlight marker and the spaces between columns.
const markerWidth = 2;
const gap = 2;

/** Column widths for rows `width` cells wide; the path always keeps at least a few cells. */
export function rowLayout(width: number): RowLayout {
	const fixed = markerWidth + methodWidth + gap + statusWidth + gap;
	let rest = Math.max(width - fixed, 1);
	const take = (cells: number, keepForPath: number) => {
		if (rest - cells - gap < keepForPath) return false;
		rest -= cells + gap;
		return true;
	};

	const showAge = take(ageWidth, 24);
	const showDuration = take(durationWidth, 24);
	const org = take(orgWidth, 30) ? orgWidth : 0;
	return {path: Math.max(rest, 1), org, showDuration, showAge};
}

/** `text` cut to `width` cells with a `…`, or padded to it. Texts here are printable ASCII mostly. */
export function fit(text: string, width: number): string {
	const chars = [...text];
	if (chars.length <= width) return text + ' '.repeat(width - chars.length);
	return width <= 1 ? '…'.slice(0, width) : `${chars.slice(0, width - 1).join('')}…`;
}

export type RowCells = {
	readonly method: string;
	readonly status: string;
	readonly tone: StatusTone;
	readonly path: string;
	readonly org: string;
	readonly duration: string;
	readonly age: string;
};

/** The cells of one row, each fitted to its column and safe to print. */
export function rowCells(entry: HistoryEntry, layout: RowLayout, now: number): RowCells {
	const status = statusOf(entry);
	return {
		method: fit(entry.method, methodWidth),
		status: fit(status.text, statusWidth),
		tone: status.tone,
		path: fit(printable(entry.path), layout.path),
		org: layout.org === 0 ? '' : fit(printable(entry.org.alias), layout.org),
		duration: layout.showDuration ? formatDuration(entry.durationMs).padStart(durationWidth) : '',
		age: layout.showAge ? fit(formatAge(entry.time, now), ageWidth) : '',
	};
}
