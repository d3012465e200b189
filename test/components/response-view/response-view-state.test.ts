import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	initialViewState,
	responseViewReducer,
	type ViewAction,
} from '../../../source/components/response-view/response-view-state.js';
import {
	findInPages,
	locate,
	totalLines,
	type Page,
} from '../../../source/components/response-view/pages.js';
import {
	formatBytes,
	formatDuration,
	headerLines,
	statusParts,
} from '../../../source/components/response-view/status-text.js';
import {formatBodyNow} from '../../../source/core/json-lines.js';

function run(...actions: ViewAction[]) {
	return actions.reduce(responseViewReducer, initialViewState);
}

test('scrolling stays between the first line and the last screenful', () => {
	assert.equal(run({type: 'scroll', by: 5, max: 100}).top, 5);
	assert.equal(run({type: 'scroll', by: -5, max: 100}).top, 0);
	assert.equal(run({type: 'scroll', by: 500, max: 100}).top, 100);
	assert.equal(run({type: 'scroll-to', line: 42, max: 10}).top, 10);
	assert.equal(run({type: 'scroll', by: 1, max: -3}).top, 0);
	// Nothing moves: the very same state, so nothing renders.
	assert.equal(
		responseViewReducer(initialViewState, {type: 'scroll', by: -1, max: 9}),
		initialViewState,
	);
	assert.equal(run({type: 'pan', by: -8}).left, 0);
	assert.equal(run({type: 'pan', by: 8}, {type: 'pan', by: 8}).left, 16);
});

test('search prompt: typing, backspace, cancel, and Enter keeps the last query when empty', () => {
	const typed = run(
		{type: 'search-start'},
		{type: 'search-type', text: 'acm\n'},
		{type: 'search-type', text: 'eé'},
		{type: 'search-backspace'},
	);
	assert.equal(typed.draft, 'acme');
	const committed = responseViewReducer(typed, {type: 'search-commit'});
	assert.deepEqual([committed.query, committed.draft], ['acme', undefined]);
	const again = run(
		{type: 'search-start'},
		{type: 'search-type', text: 'x'},
		{type: 'search-cancel'},
	);
	assert.deepEqual([again.query, again.draft], ['', undefined]);
	const kept = [{type: 'search-start'}, {type: 'search-commit'}].reduce(
		(state, action) => responseViewReducer(state, action as ViewAction),
		committed,
	);
	assert.equal(kept.query, 'acme');
	assert.equal(run({type: 'search-type', text: 'x'}).draft, undefined);
});

test('headers and unwrap start at the top; a scroll clears the message', () => {
	const scrolled = run(
		{type: 'scroll', by: 9, max: 99},
		{type: 'pan', by: 8},
		{type: 'message', text: 'hi'},
	);
	assert.equal(scrolled.message, 'hi');
	const headers = responseViewReducer(scrolled, {type: 'toggle-headers'});
	assert.deepEqual(
		[headers.mode, headers.top, headers.left, headers.message],
		['headers', 0, 0, undefined],
	);
	assert.equal(responseViewReducer(headers, {type: 'toggle-headers'}).mode, 'body');
	assert.equal(run({type: 'toggle-unwrap'}).unwrapped, true);
	assert.equal(responseViewReducer(scrolled, {type: 'scroll', by: 1, max: 99}).message, undefined);
});

function page(value: unknown, label: string): Page {
	return {lines: formatBodyNow(JSON.stringify(value)), label};
}

test('pages are one run of lines with a separator before each page after the first', () => {
	const pages = [page({a: 1}, 'first'), page({b: 'x'}, 'page 2'), page({b: 'y'}, 'page 3')];
	// 3 lines, separator, 3 lines, separator, 3 lines.
	assert.equal(totalLines(pages), 11);
	assert.deepEqual(locate(pages, 0), {kind: 'line', page: pages[0], line: 0});
	assert.deepEqual(locate(pages, 3), {kind: 'separator', page: pages[1]});
	assert.deepEqual(locate(pages, 5), {kind: 'line', page: pages[1], line: 1});
	assert.equal(locate(pages, 11), undefined);
	assert.equal(findInPages(pages, '"b"', -1, 1), 5);
	assert.equal(findInPages(pages, '"b"', 5, 1), 9);
	assert.equal(findInPages(pages, '"b"', 9, 1), undefined);
	assert.equal(findInPages(pages, '"b"', 11, -1), 9);
	assert.equal(findInPages(pages, '"b"', 9, -1), 5);
	assert.equal(findInPages(pages, '"a"', 5, -1), 1);
	assert.equal(findInPages(pages, '"a"', 1, -1), undefined);
});

test('status line parts: status, time, size, API usage, content type; server text made printable', () => {
	assert.deepEqual(
		statusParts({
			status: 200,
			statusText: 'OK',
			timeMs: 1520,
			sizeBytes: 20 * 1024 * 1024 + 300_000,
			truncated: false,
			headers: {'content-type': 'application/json;charset=UTF-8'},
			limitInfo: {apiUsage: {used: 18, max: 5000}},
		}),
		{head: '200 OK', rest: '1.52 s · 20.3 MB · API 18/5000 today (0.4%) · application/json'},
	);
	assert.deepEqual(
		statusParts({
			status: 404,
			statusText: 'Not\u001B[2J',
			timeMs: 3.4,
			sizeBytes: 12,
			truncated: true,
			headers: {},
		}),
		{head: '404 Not␛[2J', rest: '3 ms · 12 B (cut off at the size limit)'},
	);
	assert.equal(formatBytes(1536), '1.5 KB');
	assert.equal(formatDuration(999.6), '1000 ms');
	assert.deepEqual(headerLines({b: '2', a: 'x\u0007'}), ['a: x␇', 'b: 2']);
});
