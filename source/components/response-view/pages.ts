/**
 * A response and the pages "load more" appended to it, seen as one run of lines: each page's
 * lines, with one separator line before every page after the first.
 */
import type {BodyLines} from '../../core/json-lines.js';

export type Page = {
	readonly lines: BodyLines;
	/** Shown on the separator line before the page: "page 2 · records 2001–4000". */
	readonly label: string;
};

export type Located =
	| {readonly kind: 'line'; readonly page: Page; readonly line: number}
	| {readonly kind: 'separator'; readonly page: Page};

export function totalLines(pages: readonly Page[]): number {
	let total = 0;
	for (const [index, page] of pages.entries()) total += page.lines.lineCount + (index > 0 ? 1 : 0);
	return total;
}

/** What is drawn on global line `line`; undefined past the end. */
export function locate(pages: readonly Page[], line: number): Located | undefined {
	let start = 0;
	for (const [index, page] of pages.entries()) {
		if (index > 0) {
			if (line === start) return {kind: 'separator', page};
			start++;
		}

		const {lineCount} = page.lines;
		if (line < start + lineCount) return {kind: 'line', page, line: line - start};
		start += lineCount;
	}

	return undefined;
}

/** The global line of the first line of page `pageIndex`. */
function pageStart(pages: readonly Page[], pageIndex: number): number {
	let start = 0;
	for (let index = 0; index < pageIndex; index++) {
		start += (pages[index]?.lines.lineCount ?? 0) + 1;
	}

	return start;
}

/**
 * The global line of the next (direction 1) or previous (-1) match of `query` after or before
 * global line `from`, across pages; undefined when there is none.
 */
export function findInPages(
	pages: readonly Page[],
	query: string,
	from: number,
	direction: 1 | -1,
): number | undefined {
	const order = direction === 1 ? pages.keys() : [...pages.keys()].reverse();
	for (const index of order) {
		const page = pages[index];
		if (!page) continue;
		const start = pageStart(pages, index);
		const {lineCount} = page.lines;
		// Where `from` falls relative to this page, as a line of the page (may be outside it).
		const local = from - start;
		if (direction === 1 && local >= lineCount - 1) continue;
		if (direction === -1 && local <= 0) continue;
		const fromLine = direction === 1 ? Math.max(local, -1) : Math.min(local, lineCount);
		const found = page.lines.find(query, fromLine, direction);
		if (found !== undefined) return start + found;
	}

	return undefined;
}
