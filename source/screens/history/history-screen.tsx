import {Box, Text, useInput, type Key} from 'ink';
import {useCallback, useMemo, useRef, useState} from 'react';
import type {KeyHint} from '../../components/key-hints/fit-key-hints.js';
import {clampIndex, listWindow} from '../../components/select-list/select-list-state.js';
import {TextField} from '../../components/text-field/text-field.js';
import {useTextFieldState} from '../../components/text-field/use-text-field-state.js';
import type {HistoryEntry} from '../../core/history-entry.js';
import {changesData, formatSize, printable} from '../../core/history-format.js';
import {useHistoryEntries, useHistoryFilter} from '../../hooks/use-history.js';
import {useKeyHints} from '../../hooks/use-key-hints.js';
import type {HistoryStore} from '../../store/history.js';
import type {SavedOrg} from '../../store/orgs.js';
import {ChoiceList, Confirm, OrgChoice, PathPrompt, type Choice} from './history-dialogs.js';
import {rowLayout} from './history-layout.js';
import {HistoryRow} from './history-row.js';

export type ExportFormat = 'curl' | 'postman';

export type ExportResult =
	| {readonly ok: true; readonly path: string; readonly count: number}
	| {readonly ok: false; readonly reason: 'exists' | 'failed'; readonly message: string};

/** What the history screen needs from outside React (the app builds it; tests pass fakes). */
export type HistoryServices = {
	readonly store: HistoryStore;
	/** The clock, for ages ("3 min ago"). */
	readonly now: () => number;
	/** Where a relative export path goes, shown in the prompt (the current directory). */
	readonly exportDirectory: string;
	/** A file name for a new export in that directory. */
	readonly exportFileName: (format: ExportFormat) => string;
	/** Writes `entries` (newest first) to `target`; replaces a file only with `overwrite`. */
	readonly exportTo: (
		format: ExportFormat,
		entries: readonly HistoryEntry[],
		target: string,
		overwrite: boolean,
	) => Promise<ExportResult>;
};

export type HistoryScreenProps = {
	readonly services: HistoryServices;
	/** Saved orgs a request can be re-run against. */
	readonly orgs: readonly SavedOrg[];
	/** The filter to start with: the one left when a request was opened from this list. */
	readonly initialQuery?: string;
	readonly columns: number;
	readonly rows: number;
	readonly isActive: boolean;
	/**
	 * Enter: the entry in the request screen, with its saved response. Resolves to why it could not
	 * be opened (shown here), or undefined.
	 */
	readonly onOpen: (entry: HistoryEntry, query: string) => Promise<string | undefined> | void;
	/** `r`: send the entry again to `org` (confirmed already when it changes production data). */
	readonly onRerun: (
		entry: HistoryEntry,
		org: SavedOrg,
		query: string,
	) => Promise<string | undefined> | void;
	readonly onBack: () => void;
};

type Mode =
	| {readonly kind: 'list'}
	| {readonly kind: 'filter'}
	| {readonly kind: 'rerun'; readonly entry: HistoryEntry}
	| {readonly kind: 'confirm-rerun'; readonly entry: HistoryEntry; readonly org: SavedOrg}
	| {readonly kind: 'confirm-clear'}
	| {readonly kind: 'export-format'; readonly entry: HistoryEntry}
	| {readonly kind: 'export-scope'; readonly entry: HistoryEntry; readonly format: ExportFormat}
	| {
			readonly kind: 'export-path';
			readonly format: ExportFormat;
			readonly entries: readonly HistoryEntry[];
	  }
	| {
			readonly kind: 'confirm-overwrite';
			readonly format: ExportFormat;
			readonly entries: readonly HistoryEntry[];
			readonly target: string;
	  }
	| {readonly kind: 'busy'; readonly text: string};

type Message = {readonly text: string; readonly tone: 'success' | 'error' | 'info'};

const messageColors = {success: 'green', error: 'red', info: undefined} as const;

const formatChoices: ReadonlyArray<Choice<ExportFormat>> = [
	{
		label: 'curl commands',
		detail: 'a shell script; the token comes from $SF_ACCESS_TOKEN',
		value: 'curl',
	},
	{
		label: 'Postman collection',
		detail: 'v2.1, bearer auth set once from {{access_token}}',
		value: 'postman',
	},
];

// Lines around the list: the filter line and the detail line (the message takes what it needs).
const chromeRows = 2;

function plural(count: number, one: string): string {
	return `${count} ${count === 1 ? one : `${one}s`}`;
}

/** `acme (ada@acme.com)`, or the username alone when it is the alias. */
function orgName(org: SavedOrg): string {
	const alias = printable(org.alias);
	return org.alias === org.username ? alias : `${alias} (${printable(org.username)})`;
}

function describe(entry: HistoryEntry): string {
	return `${entry.method} ${printable(entry.path)}`;
}

/** The line under the list: when, size and type of the answer, who it went to, what failed. */
function detailOf(entry: HistoryEntry): string {
	const when = new Date(entry.time)
		.toISOString()
		.replace('T', ' ')
		.replace(/\.\d+Z$/u, ' UTC');
	const parts = [when];
	if (entry.status === undefined) parts.push(`no response: ${printable(entry.error ?? 'failed')}`);
	else {
		const size = entry.responseSize === undefined ? '' : formatSize(entry.responseSize);
		const type = entry.contentType?.split(';')[0];
		parts.push([size, type === undefined ? '' : printable(type)].filter(Boolean).join(' '));
	}

	const kind =
		entry.org.sandbox === true ? 'sandbox' : entry.org.sandbox === false ? 'production' : '';
	parts.push(`${printable(entry.org.username)}${kind === '' ? '' : ` (${kind})`}`);
	return parts.filter((part) => part !== '').join(' · ');
}

/**
 * "Recent requests": every request sent, newest first, filtered as you type (`/`). Enter opens
 * one in the request screen with its saved response, `r` re-runs it (asking first before changing
 * production data), `d` deletes, `c` clears all, `e` exports as curl or Postman. Only the rows in
 * view are drawn, so 10 000 entries cost what 20 do.
 */
export function HistoryScreen({
	services,
	orgs,
	initialQuery = '',
	columns,
	rows,
	isActive,
	onOpen,
	onRerun,
	onBack,
}: HistoryScreenProps) {
	const {entries, loading, remove, clear} = useHistoryEntries(services.store);
	const field = useTextFieldState(initialQuery);
	const query = field.value;
	const visible = useHistoryFilter(entries, query);
	const [mode, setModeState] = useState<Mode>({kind: 'list'});
	// The screen's one input handler reads the mode from here: a mode set by a key, or when a
	// promise settles, must take the very next key, before React has rendered (or re-subscribed).
	const modeRef = useRef<Mode>(mode);
	const setMode = useCallback((next: Mode) => {
		modeRef.current = next;
		setModeState(next);
	}, []);
	const [message, setMessage] = useState<Message | undefined>();
	// The highlight belongs to a query: a new filter starts at the top (the newest match).
	const [selection, setSelection] = useState({query: '', index: 0});
	// Keys of one stdin chunk all run before React renders: Enter must see where ↓↓ moved to.
	const latest = useRef(selection);
	const count = visible.length;
	const index = clampIndex(selection.query === query ? selection.index : 0, count);
	// A message wraps rather than losing its end: it says where an export went.
	const messageRows =
		message === undefined ? 1 : Math.ceil([...message.text].length / Math.max(columns, 1));
	const listRows = Math.max(rows - chromeRows - messageRows, 1);

	const moveTo = useCallback(
		(to: (from: number) => number) => {
			const typed = field.current().value;
			const from = latest.current.query === typed ? latest.current.index : 0;
			latest.current = {query: typed, index: clampIndex(to(clampIndex(from, count)), count)};
			setSelection(latest.current);
		},
		[count, field],
	);
	const current = (): HistoryEntry | undefined => {
		const typed = field.current().value;
		const at = latest.current.query === typed ? latest.current.index : 0;
		return entries[visible[clampIndex(at, count)] ?? -1];
	};

	const selected = entries[visible[index] ?? -1];

	const resetSelection = () => {
		latest.current = {query: '', index: 0};
		setSelection(latest.current);
	};

	const navigate = (key: {
		upArrow: boolean;
		downArrow: boolean;
		pageUp: boolean;
		pageDown: boolean;
		home: boolean;
		end: boolean;
	}): boolean => {
		if (key.upArrow) moveTo((from) => from - 1);
		else if (key.downArrow) moveTo((from) => from + 1);
		else if (key.pageUp) moveTo((from) => from - listRows);
		else if (key.pageDown) moveTo((from) => from + listRows);
		else if (key.home) moveTo(() => 0);
		else if (key.end) moveTo(() => count - 1);
		else return false;
		return true;
	};

	const startRerun = (entry: HistoryEntry) => {
		if (orgs.length === 0) {
			setMessage({text: 'Log in to an org first: re-running needs a token.', tone: 'error'});
			return;
		}

		setMode({kind: 'rerun', entry});
	};

	/** Runs an open or a re-run; what went wrong stays on screen. */
	const leave = (opening: Promise<string | undefined> | void) => {
		if (opening === undefined) {
			setMode({kind: 'list'});
			return;
		}

		setMode({kind: 'busy', text: 'Opening…'});
		void opening.then((problem) => {
			setMode({kind: 'list'});
			if (problem !== undefined) setMessage({text: problem, tone: 'error'});
		});
	};

	const chooseRerunOrg = (entry: HistoryEntry, org: SavedOrg) => {
		if (changesData(entry.method) && org.sandbox !== true) {
			setMode({kind: 'confirm-rerun', entry, org});
			return;
		}

		leave(onRerun(entry, org, field.current().value));
	};

	const deleteEntry = (entry: HistoryEntry) => {
		setMessage({text: `Deleted ${describe(entry)}`, tone: 'info'});
		void remove(entry.id);
	};

	const writeExport = (
		format: ExportFormat,
		chosen: readonly HistoryEntry[],
		target: string,
		overwrite: boolean,
	) => {
		setMode({kind: 'busy', text: 'Writing…'});
		void services.exportTo(format, chosen, target, overwrite).then((result) => {
			if (result.ok) {
				const next =
					format === 'curl'
						? 'set SF_ACCESS_TOKEN first (sftoken token)'
						: 'import it in Postman and fill in access_token';
				setMessage({
					text: `Wrote ${plural(result.count, 'request')} to ${printable(result.path)} — ${next}`,
					tone: 'success',
				});
				setMode({kind: 'list'});
			} else if (result.reason === 'exists') {
				setMode({kind: 'confirm-overwrite', format, entries: chosen, target});
			} else {
				setMessage({text: printable(result.message), tone: 'error'});
				setMode({kind: 'list'});
			}
		});
	};

	const chooseFormat = (entry: HistoryEntry, format: ExportFormat) => {
		if (count <= 1) setMode({kind: 'export-path', format, entries: [entry]});
		else setMode({kind: 'export-scope', entry, format});
	};

	const onListKey = (input: string, key: Key) => {
		if (navigate(key)) return;
		const entry = current();
		if (key.escape) {
			if (field.current().value === '') onBack();
			else {
				field.dispatch({type: 'replace', value: ''});
				resetSelection();
			}
		} else if (input === '/') {
			setMessage(undefined);
			setMode({kind: 'filter'});
		} else if (entry === undefined) {
			// The keys below act on an entry.
		} else if (key.return) leave(onOpen(entry, field.current().value));
		else if (input === 'r') startRerun(entry);
		else if (input === 'd' || key.delete) deleteEntry(entry);
		else if (input === 'c') setMode({kind: 'confirm-clear'});
		else if (input === 'e') {
			setMessage(undefined);
			setMode({kind: 'export-format', entry});
		}
	};

	useInput(
		(input, key) => {
			switch (modeRef.current.kind) {
				case 'list': {
					onListKey(input, key);
					break;
				}

				case 'filter': {
					// The field takes the text; ↑↓ still move, Esc drops the filter.
					if (navigate(key)) return;
					if (key.escape) {
						field.dispatch({type: 'replace', value: ''});
						resetSelection();
						setMode({kind: 'list'});
					}

					break;
				}

				case 'rerun':
				case 'export-format':
				case 'export-scope':
				case 'export-path': {
					if (key.escape) setMode({kind: 'list'});
					break;
				}

				default: {
					// Questions answer their own keys; nothing to do while busy.
					break;
				}
			}
		},
		{isActive},
	);

	const hints: KeyHint[] = (() => {
		switch (mode.kind) {
			case 'list': {
				if (selected === undefined) {
					return [
						{keys: '/', label: 'filter'},
						{keys: 'Esc', label: query === '' ? 'back' : 'clear filter'},
					];
				}

				return [
					{keys: '↑↓', label: 'move'},
					{keys: 'Enter', label: 'open'},
					{keys: 'r', label: 're-run'},
					{keys: '/', label: 'filter'},
					{keys: 'e', label: 'export'},
					{keys: 'd', label: 'delete'},
					{keys: 'c', label: 'clear all'},
					{keys: 'Esc', label: query === '' ? 'back' : 'clear filter'},
				];
			}

			case 'filter': {
				return [
					{keys: 'Enter', label: 'done'},
					{keys: '↑↓', label: 'move'},
					{keys: 'Esc', label: 'clear filter'},
				];
			}

			case 'confirm-rerun':
			case 'confirm-clear':
			case 'confirm-overwrite': {
				return [
					{keys: 'y', label: 'yes'},
					{keys: 'n Esc', label: 'no'},
				];
			}

			case 'busy': {
				return [];
			}

			default: {
				return [
					{keys: 'Enter', label: mode.kind === 'export-path' ? 'write' : 'choose'},
					{keys: 'Esc', label: 'cancel'},
				];
			}
		}
	})();
	useKeyHints(hints);

	const layout = useMemo(() => rowLayout(columns), [columns]);
	const now = services.now();
	const filterLine = (
		<Box>
			<Text dimColor={mode.kind !== 'filter'}>{'Filter: '}</Text>
			{mode.kind === 'filter' ? (
				<TextField
					field={field}
					width={Math.max(columns - 30, 10)}
					isActive={isActive}
					placeholder="method, path, status, org… e.g. post 400 uat"
					onSubmit={() => {
						setMode({kind: 'list'});
					}}
				/>
			) : query === '' ? (
				<Text dimColor>/ to filter</Text>
			) : (
				<Text wrap="truncate-end">
					{printable(query)}
					<Text dimColor> (/ edit)</Text>
				</Text>
			)}
			<Text dimColor>
				{loading
					? '  reading…'
					: `  ${query === '' ? plural(entries.length, 'request') : `${count} of ${entries.length}`}`}
			</Text>
		</Box>
	);

	const dialog = (() => {
		switch (mode.kind) {
			case 'rerun': {
				return (
					<OrgChoice
						entry={mode.entry}
						orgs={orgs}
						isActive={isActive}
						maxRows={rows - 1}
						onChoose={(org) => {
							chooseRerunOrg(mode.entry, org);
						}}
					/>
				);
			}

			case 'confirm-rerun': {
				return (
					<Confirm
						warning
						question={`${describe(mode.entry)} changes data in PRODUCTION org ${orgName(mode.org)}. Send it?`}
						isActive={isActive}
						onAnswer={(yes) => {
							if (yes) leave(onRerun(mode.entry, mode.org, field.current().value));
							else setMode({kind: 'list'});
						}}
					/>
				);
			}

			case 'confirm-clear': {
				return (
					<Confirm
						warning
						question={`Clear all ${plural(entries.length, 'request')} from history? This cannot be undone.`}
						isActive={isActive}
						onAnswer={(yes) => {
							setMode({kind: 'list'});
							if (!yes) return;
							field.dispatch({type: 'replace', value: ''});
							resetSelection();
							setMessage({text: 'History cleared.', tone: 'info'});
							void clear();
						}}
					/>
				);
			}

			case 'export-format': {
				return (
					<ChoiceList
						title="Export as:"
						choices={formatChoices}
						isActive={isActive}
						onChoose={(format) => {
							chooseFormat(mode.entry, format);
						}}
					/>
				);
			}

			case 'export-scope': {
				const scopes: ReadonlyArray<Choice<readonly HistoryEntry[]>> = [
					{label: 'The selected request', detail: describe(mode.entry), value: [mode.entry]},
					{
						label:
							query === ''
								? `All ${plural(count, 'request')}`
								: `The ${plural(count, 'request')} the filter shows`,
						value: visible
							.map((position) => entries[position])
							.filter((item) => item !== undefined),
					},
				];
				return (
					<ChoiceList
						title="Export what:"
						choices={scopes}
						isActive={isActive}
						onChoose={(chosen) => {
							setMode({kind: 'export-path', format: mode.format, entries: chosen});
						}}
					/>
				);
			}

			case 'export-path': {
				return (
					<PathPrompt
						directory={services.exportDirectory}
						initial={services.exportFileName(mode.format)}
						width={columns}
						isActive={isActive}
						onSubmit={(target) => {
							writeExport(mode.format, mode.entries, target, false);
						}}
					/>
				);
			}

			case 'confirm-overwrite': {
				return (
					<Confirm
						warning
						question={`${printable(mode.target)} already exists. Replace it?`}
						isActive={isActive}
						onAnswer={(yes) => {
							if (yes) writeExport(mode.format, mode.entries, mode.target, true);
							else setMode({kind: 'export-path', format: mode.format, entries: mode.entries});
						}}
					/>
				);
			}

			case 'busy': {
				return <Text dimColor>{mode.text}</Text>;
			}

			default: {
				return undefined;
			}
		}
	})();

	if (dialog !== undefined) {
		// Keyed by the step, so each question starts fresh (two menus in a row share no highlight).
		return (
			<Box key={mode.kind} flexDirection="column">
				{dialog}
			</Box>
		);
	}

	const {start, end} = listWindow(index, count, count > listRows ? listRows - 1 : listRows);
	const hidden = count - (end - start);
	let body;
	if (loading) body = <Text dimColor>Reading history…</Text>;
	else if (entries.length === 0) {
		body = (
			<Text dimColor>No requests yet. Every request you send is kept here, without its token.</Text>
		);
	} else if (count === 0) {
		body = <Text dimColor wrap="truncate-end">{`No request matches “${printable(query)}”.`}</Text>;
	} else {
		body = (
			<>
				{visible.slice(start, end).map((position, offset) => {
					const entry = entries[position];
					return entry === undefined ? null : (
						<HistoryRow
							key={entry.id}
							entry={entry}
							highlighted={start + offset === index}
							layout={layout}
							now={now}
						/>
					);
				})}
				{hidden > 0 ? (
					<Text dimColor wrap="truncate-end">
						{`  ${start > 0 ? '↑' : ''}${end < count ? '↓' : ''} ${hidden} more`}
					</Text>
				) : null}
			</>
		);
	}

	return (
		<Box flexDirection="column">
			{filterLine}
			{body}
			{selected === undefined ? null : (
				<Text dimColor wrap="truncate-end">
					{`  ${detailOf(selected)}`}
				</Text>
			)}
			{message === undefined ? null : (
				<Text color={messageColors[message.tone]} wrap="wrap">
					{message.text}
				</Text>
			)}
		</Box>
	);
}
