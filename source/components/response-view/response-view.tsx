import {Box, Text, useInput, type Key, type TextProps} from 'ink';
import {useEffect, useEffectEvent, useMemo, type ReactNode} from 'react';
import {
	describeSalesforceErrors,
	highlightMatches,
	readSalesforceErrors,
	type Segment,
	type SegmentStyle,
} from '../../core/json-lines.js';
import type {KeyHint} from '../key-hints/fit-key-hints.js';
import {findInPages, locate, totalLines, type Page} from './pages.js';
import type {ResponseViewState, ViewAction} from './response-view-state.js';
import {headerLines, statusColor, statusParts, type ResponseSummary} from './status-text.js';
import {useBodyPages, type Formatter, type RawPage} from './use-body-pages.js';
import {useResponseViewState} from './use-response-view-state.js';

export type {RawPage, Formatter} from './use-body-pages.js';
export type {ResponseSummary} from './status-text.js';

export type ResponseViewProps = {
	readonly response: ResponseSummary;
	/** The body, then the pages "load more" appended. */
	readonly pages: readonly RawPage[];
	readonly width: number;
	/** Rows for the whole view: status line, body and the bottom line. */
	readonly height: number;
	readonly isActive: boolean;
	/** What is loading now ("Loading page 3…"); no load keys meanwhile. */
	readonly loading?: string;
	/** Follows `nextRecordsUrl` once; absent when the parent cannot load pages. */
	readonly onLoadMore?: (nextRecordsUrl: string) => void;
	/** Follows `nextRecordsUrl` until the query is done. */
	readonly onLoadAll?: (nextRecordsUrl: string) => void;
	/** Copies the text, resolving to a line saying how (or why not). */
	readonly onCopy?: (text: string) => Promise<string>;
	/** The keys that work now, for the screen's footer. */
	readonly onKeyHints?: (hints: readonly KeyHint[]) => void;
	/** The search prompt is open: Esc, Enter and letters are the view's until it closes. */
	readonly onPromptChange?: (open: boolean) => void;
	/** Injected in tests to count formatting; formatBody otherwise. */
	readonly format?: Formatter;
};

const segmentProps: Record<SegmentStyle, TextProps> = {
	key: {color: 'cyan'},
	string: {color: 'green'},
	number: {color: 'yellow'},
	literal: {color: 'magenta'},
	punctuation: {},
	text: {},
	escape: {backgroundColor: 'red', color: 'white'},
	match: {backgroundColor: 'yellow', color: 'black'},
};

/** Columns one ← or → moves. */
const panStep = 8;
/** Salesforce error messages listed above the body, one line each. */
const maxErrorLines = 3;

function Line({segments}: {readonly segments: readonly Segment[]}) {
	if (segments.length === 0) return <Text> </Text>;
	return (
		<Text wrap="truncate-end">
			{segments.map((segment, index) => (
				// Segments of a line never reorder: the index is a stable key.
				<Text key={index} {...segmentProps[segment.style]}>
					{segment.text}
				</Text>
			))}
		</Text>
	);
}

function queryProgress(pages: readonly Page[]): {loaded: number; total?: number; next?: string} {
	let loaded = 0;
	for (const page of pages) loaded += page.lines.query.records ?? 0;
	const first = pages[0]?.lines.query;
	const last = pages.at(-1)?.lines;
	const next = last?.done ? last.query.nextRecordsUrl : undefined;
	return {
		loaded,
		...(first?.totalSize === undefined ? {} : {total: first.totalSize}),
		...(next === undefined ? {} : {next}),
	};
}

/** Ink reports a letter typed with Shift as the capital letter; `N` is search backwards. */
function isPlainKey(key: Key): boolean {
	return !key.ctrl && !key.meta;
}

/**
 * The response: a status line (status, time, size, API usage), then the body — pretty JSON in
 * colour, or text — drawn only for the rows and columns on screen, whatever its size. Keys:
 * scroll, `/` `n` `N` search, `h` headers, `u` unwrap, `m` / `a` load more / all, `c` copy.
 */
export function ResponseView({
	response,
	pages: rawPages,
	width,
	height,
	isActive,
	loading,
	onLoadMore,
	onLoadAll,
	onCopy,
	onKeyHints,
	onPromptChange,
	format,
}: ResponseViewProps) {
	const {state, dispatch, current} = useResponseViewState();
	const body = useBodyPages(rawPages, state.unwrapped, format);
	const headers = state.mode === 'headers' ? headerLines(response.headers) : undefined;
	const query = queryProgress(body.pages);
	const canLoad = loading === undefined && query.next !== undefined;

	const firstBody = rawPages[0]?.body;
	const errorLines = useMemo(() => {
		const errors =
			response.status >= 400 && firstBody !== undefined
				? readSalesforceErrors(firstBody)
				: undefined;
		return errors ? describeSalesforceErrors(errors).slice(0, maxErrorLines) : [];
	}, [response.status, firstBody]);
	const notice = noticeFor(body, state);
	const bottom = bottomLine(
		state,
		query,
		loading,
		canLoad && onLoadMore !== undefined,
		body.pages.length,
	);
	const bodyRows = Math.max(
		1,
		height - 1 - errorLines.length - (notice === undefined ? 0 : 1) - (bottom ? 1 : 0),
	);
	const lineCount = headers ? headers.length : totalLines(body.pages);
	const maxTop = Math.max(0, lineCount - bodyRows);
	const top = Math.min(state.top, maxTop);

	const promptOpen = state.draft !== undefined;
	const reportPrompt = useEffectEvent((open: boolean) => {
		onPromptChange?.(open);
	});
	useEffect(() => {
		reportPrompt(promptOpen);
	}, [promptOpen]);

	const hints = keyHints(state, {
		canLoad: canLoad && onLoadMore !== undefined,
		unwrappable: body.unwrappable,
		canCopy: onCopy !== undefined,
	});
	const hintsText = JSON.stringify(hints);
	const reportHints = useEffectEvent((text: string) => {
		onKeyHints?.(JSON.parse(text) as KeyHint[]);
	});
	useEffect(() => {
		reportHints(hintsText);
	}, [hintsText]);

	// Keys read the eager state (see useResponseViewState); drawing reads the rendered one.
	const search = (direction: 1 | -1, searchQuery: string, from: number): void => {
		if (searchQuery === '' || headers) return;
		const found = findInPages(body.pages, searchQuery, from, direction);
		if (found !== undefined) {
			dispatch({type: 'found', line: found, max: maxTop, message: undefined});
			return;
		}

		// Wrap around once, as vim does, and say so.
		const wrapped = findInPages(
			body.pages,
			searchQuery,
			direction === 1 ? -1 : lineCount,
			direction,
		);
		if (wrapped !== undefined && wrapped !== from) {
			dispatch({
				type: 'found',
				line: wrapped,
				max: maxTop,
				message:
					direction === 1 ? 'search continued from the top' : 'search continued from the bottom',
			});
			return;
		}

		dispatch({
			type: 'message',
			text:
				wrapped === from
					? `only this line holds “${searchQuery}”`
					: `“${searchQuery}” not found${body.indexing ? ' (still reading the body)' : ''}`,
		});
	};

	const copyText = (): string =>
		body.pages.length === 1 && state.unwrapped && !body.unwrapFailed
			? (body.pages[0]?.lines.text ?? '')
			: rawPages.map((page) => page.body).join('\n');

	const handleKey = (input: string, key: Key): void => {
		const now = current();
		const top = Math.min(now.top, maxTop);
		if (now.draft !== undefined) {
			handlePrompt(input, key, now, dispatch, (committed) => {
				// A new search counts a match on the top line too.
				search(1, committed, top - 1);
			});
			return;
		}

		if (!isPlainKey(key)) return;
		const page = Math.max(1, bodyRows - 1);
		const scroll = (by: number) => {
			dispatch({type: 'scroll', by, max: maxTop});
		};

		if (key.downArrow || input === 'j') scroll(1);
		else if (key.upArrow || input === 'k') scroll(-1);
		else if (key.pageDown || input === ' ') scroll(page);
		else if (key.pageUp || input === 'b') scroll(-page);
		else if (key.home || input === 'g') dispatch({type: 'scroll-to', line: 0, max: maxTop});
		else if (key.end || input === 'G') dispatch({type: 'scroll-to', line: maxTop, max: maxTop});
		else if (key.rightArrow) dispatch({type: 'pan', by: panStep});
		else if (key.leftArrow) dispatch({type: 'pan', by: -panStep});
		else if (input === '/') {
			dispatch({type: 'search-start'});
			// Said at once: the next key of the same read belongs to the prompt, not the screen.
			// Closing is reported after the frame, so the Esc or Enter that closes it is not
			// also acted on by the screen.
			onPromptChange?.(true);
		}
		// From the last match (which may sit below the top near the end), else from the top.
		else if (input === 'n') search(1, now.query, now.match ?? top);
		else if (input === 'N') search(-1, now.query, now.match ?? top);
		else if (input === 'h') dispatch({type: 'toggle-headers'});
		else if (input === 'u') {
			if (body.unwrappable) dispatch({type: 'toggle-unwrap'});
			else dispatch({type: 'message', text: 'Nothing to unwrap: the body is not a JSON string'});
		} else if (input === 'm' && canLoad && query.next !== undefined) onLoadMore?.(query.next);
		else if (input === 'a' && canLoad && query.next !== undefined) onLoadAll?.(query.next);
		else if (input === 'c' && onCopy !== undefined) {
			void onCopy(copyText()).then((text) => {
				dispatch({type: 'message', text});
			});
		}
	};

	useInput(
		(input, key) => {
			// Keys typed faster than one read arrive as one string ("jjj", "g/"): each is a key.
			const chars = [...input];
			if (chars.length > 1 && !key.ctrl && !key.meta && !key.escape) {
				for (const char of chars) handleKey(char, key);
				return;
			}

			handleKey(input, key);
		},
		{isActive},
	);

	const {head, rest} = statusParts(response);
	const rows: ReactNode[] = [];
	for (let row = 0; row < bodyRows; row++) {
		const line = top + row;
		if (line >= lineCount) break;
		rows.push(<Line key={row} segments={drawLine(body.pages, headers, line, state, width)} />);
	}

	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text wrap="truncate-end">
				<Text bold color={statusColor(response.status)}>
					{head}
				</Text>
				<Text dimColor>{` · ${rest}`}</Text>
			</Text>
			{errorLines.map((line, index) => (
				// A fixed list for this response: the index is a stable key.
				<Text key={index} wrap="truncate-end" color="red">
					{`✗ ${line}`}
				</Text>
			))}
			{notice === undefined ? null : (
				<Text wrap="truncate-end" color={notice.color}>
					{notice.text}
				</Text>
			)}
			{lineCount === 0 ? <Text dimColor>(empty body)</Text> : rows}
			<Box flexGrow={1} />
			{bottom ? (
				<Text wrap="truncate-end" color={bottom.color}>
					{bottom.text}
				</Text>
			) : null}
		</Box>
	);
}

function drawLine(
	pages: readonly Page[],
	headers: readonly string[] | undefined,
	line: number,
	state: ResponseViewState,
	width: number,
): Segment[] {
	const window = {from: state.left, width};
	if (headers) {
		const text = (headers[line] ?? '').slice(state.left, state.left + width);
		return highlightMatches([{text, style: 'text'}], state.query);
	}

	const located = locate(pages, line);
	if (located === undefined) return [];
	if (located.kind === 'separator') {
		return [
			{text: `── ${located.page.label} `.padEnd(width, '─').slice(0, width), style: 'punctuation'},
		];
	}

	return highlightMatches(located.page.lines.line(located.line, window), state.query);
}

type ColoredLine = {readonly text: string; readonly color?: 'yellow' | 'red' | 'gray' | 'cyan'};

function noticeFor(
	body: ReturnType<typeof useBodyPages>,
	state: ResponseViewState,
): ColoredLine | undefined {
	if (state.mode === 'headers')
		return {text: 'Response headers (h: back to the body)', color: 'cyan'};
	if (state.unwrapped && !body.unwrapFailed) {
		return {text: 'The JSON inside the string, unwrapped (u: as sent)', color: 'cyan'};
	}

	const error = body.pages.find((page) => page.lines.syntaxError)?.lines.syntaxError;
	if (error) {
		return {
			text: `Not valid JSON at line ${error.line}, column ${error.column}: ${error.message} — shown as text`,
			color: 'yellow',
		};
	}

	if (body.indexing) {
		return {text: `Reading the body… ${Math.floor(body.progress * 100)}%`, color: 'gray'};
	}

	return undefined;
}

function bottomLine(
	state: ResponseViewState,
	query: {loaded: number; total?: number; next?: string},
	loading: string | undefined,
	canLoad: boolean,
	pageCount: number,
): ColoredLine | undefined {
	if (state.draft !== undefined) return {text: `/${state.draft}▏  (Enter search · Esc cancel)`};
	if (state.message !== undefined) return {text: state.message, color: 'yellow'};
	if (loading !== undefined) return {text: loading, color: 'gray'};
	if (canLoad) {
		const of = query.total === undefined ? '' : ` of ${query.total}`;
		const left = query.total === undefined ? '' : ` ${query.total - query.loaded}`;
		return {
			text: `${query.loaded} records${of} loaded · m load more · a load all${left}`,
			color: 'cyan',
		};
	}

	// After "load more", say when the query is complete.
	if (pageCount > 1 && query.next === undefined) {
		return {text: `All ${query.loaded} records loaded, in ${pageCount} pages`, color: 'gray'};
	}

	return undefined;
}

function handlePrompt(
	input: string,
	key: Key,
	state: ResponseViewState,
	dispatch: (action: ViewAction) => void,
	onCommit: (query: string) => void,
): void {
	if (key.escape) dispatch({type: 'search-cancel'});
	else if (key.return || input === '\n' || input === '\r') {
		const committed = state.draft === '' ? state.query : (state.draft ?? '');
		dispatch({type: 'search-commit'});
		onCommit(committed);
	} else if (key.backspace || key.delete) dispatch({type: 'search-backspace'});
	else if (!key.ctrl && !key.meta && !key.tab && !key.upArrow && !key.downArrow) {
		dispatch({type: 'search-type', text: input});
	}
}

function keyHints(
	state: ResponseViewState,
	options: {canLoad: boolean; unwrappable: boolean; canCopy: boolean},
): KeyHint[] {
	if (state.draft !== undefined) {
		return [
			{keys: 'Enter', label: 'search'},
			{keys: 'Esc', label: 'cancel'},
		];
	}

	return [
		{keys: '↑↓ PgUp PgDn', label: 'scroll'},
		{keys: '/', label: 'search'},
		...(state.query === '' ? [] : [{keys: 'n N', label: 'next/prev'}]),
		{keys: 'h', label: state.mode === 'headers' ? 'body' : 'headers'},
		...(options.unwrappable ? [{keys: 'u', label: state.unwrapped ? 'as sent' : 'unwrap'}] : []),
		...(options.canLoad
			? [
					{keys: 'm', label: 'more'},
					{keys: 'a', label: 'all'},
				]
			: []),
		...(options.canCopy ? [{keys: 'c', label: 'copy'}] : []),
	];
}
