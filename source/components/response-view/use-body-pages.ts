import {useEffect, useState} from 'react';
import {
	formatBody,
	unwrapJsonString,
	type BodyLines,
	type FormatOptions,
} from '../../core/json-lines.js';
import type {Page} from './pages.js';

/** A body as it came off the wire: the response, or a page "load more" appended. */
export type RawPage = {
	readonly body: string;
	readonly contentType?: string;
	/** Shown on the separator line before the page (not for the first one). */
	readonly label: string;
};

/** Turns a body into lines; injectable so tests can count how often formatting happens. */
export type Formatter = (text: string, options: FormatOptions) => BodyLines;

export type BodyPages = {
	readonly pages: readonly Page[];
	/** Some page is still being indexed. */
	readonly indexing: boolean;
	/** Indexed share of all text, 0–1. */
	readonly progress: number;
	/** The response is one JSON string, which may hold JSON to unwrap. */
	readonly unwrappable: boolean;
	/** `unwrapped` was asked for but the string holds no JSON. */
	readonly unwrapFailed: boolean;
};

/**
 * Formats each body once — a page keeps its lines for as long as it is shown — and indexes big
 * bodies in steps on timers, so keys are handled between steps and the first lines show at
 * once. Scrolling never formats anything again.
 */
export function useBodyPages(
	raw: readonly RawPage[],
	unwrapped: boolean,
	format: Formatter = formatBody,
): BodyPages {
	// Kept for the component's life: formatting is what must never happen twice for a body.
	const [cache] = useState(() => new WeakMap<RawPage, BodyLines>());
	const [unwrapCache] = useState(() => new WeakMap<RawPage, BodyLines | false>());
	const [, setProgressTick] = useState(0);

	const linesOf = (page: RawPage): BodyLines => {
		let lines = cache.get(page);
		if (lines === undefined) {
			lines = format(
				page.body,
				page.contentType === undefined ? {} : {contentType: page.contentType},
			);
			// The first step at once: a small body is complete in the first frame.
			lines.advance();
			cache.set(page, lines);
		}

		return lines;
	};

	const pages: Page[] = raw.map((page) => ({lines: linesOf(page), label: page.label}));
	const first = raw[0];
	const firstLines = pages[0]?.lines;
	const unwrappable =
		raw.length === 1 && firstLines !== undefined && firstLines.done && firstLines.topLevelString;
	let unwrapFailed = false;
	if (unwrapped && unwrappable && first) {
		let inner = unwrapCache.get(first);
		if (inner === undefined) {
			const text = unwrapJsonString(first.body);
			inner = text === undefined ? false : format(text, {contentType: 'application/json'});
			if (inner) inner.advance();
			unwrapCache.set(first, inner);
		}

		if (inner) pages[0] = {lines: inner, label: 'unwrapped'};
		else unwrapFailed = true;
	}

	const pending = pages.find((page) => !page.lines.done);
	useEffect(() => {
		if (pending === undefined) return;
		const timer = setTimeout(() => {
			pending.lines.advance();
			setProgressTick((tick) => tick + 1);
		}, 0);
		return () => {
			clearTimeout(timer);
		};
	});

	let total = 0;
	let indexed = 0;
	for (const page of pages) {
		total += page.lines.text.length;
		indexed += page.lines.progress * page.lines.text.length;
	}

	return {
		pages,
		indexing: pending !== undefined,
		progress: total === 0 ? 1 : indexed / total,
		unwrappable,
		unwrapFailed,
	};
}
