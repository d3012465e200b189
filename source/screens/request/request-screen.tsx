import {Box, Text, useInput, type Key} from 'ink';
import {useCallback, useEffect, useRef, useState} from 'react';
import type {KeyHint} from '../../components/key-hints/fit-key-hints.js';
import {ResponseView, type Formatter} from '../../components/response-view/response-view.js';
import {responseSummary} from '../../components/response-view/status-text.js';
import {TextField} from '../../components/text-field/text-field.js';
import {useTextFieldState} from '../../components/text-field/use-text-field-state.js';
import {TokenField} from '../../components/token-field/token-field.js';
import {layoutToken} from '../../components/token-field/token-layout.js';
import {verdictFor} from '../../components/token-field/token-field-text.js';
import {
	dataPath,
	methodHasBody,
	nextMethod,
	switchApi,
	type RequestDraft,
	type RequestMethod,
} from '../../core/request.js';
import {maskToken} from '../../core/token-mask.js';
import {inspectToken} from '../../core/token.js';
import {useCancelOnCtrlC} from '../../hooks/use-cancel-on-ctrl-c.js';
import {useCopy} from '../../hooks/use-copy.js';
import type {RequestSeed} from '../../hooks/use-history.js';
import {useKeyHints} from '../../hooks/use-key-hints.js';
import {
	orgLabel,
	useRequest,
	type Exchange,
	type RequestController,
} from '../../hooks/use-request.js';
import type {SavedOrg} from '../../store/orgs.js';
import {fitBlocks, wrapText, type Line} from '../sign-in/lines.js';
import {LinesView} from '../sign-in/lines-view.js';
import type {SignInServices} from '../sign-in/services.js';
import {
	diagnosisBlocks,
	draftProblemLine,
	preflightBlocks,
	preflightKeys,
	refreshProblemBlocks,
} from './panels.js';
import {TextArea} from './text-area.js';
import {useTextAreaInput, useTextAreaState, type TextAreaController} from './use-text-area.js';

export type RequestScreenProps = {
	/** The org and token the login ended with. */
	readonly login: {readonly org: SavedOrg; readonly accessToken: string};
	readonly services: Pick<SignInServices, 'auth' | 'env' | 'copyLocal'>;
	readonly columns: number;
	readonly rows: number;
	readonly isActive: boolean;
	readonly onBack: () => void;
	/** Back to the login of this org (a forced login prompt), for another org's or a dead token. */
	readonly onLoginAgain: () => void;
	/** Injected by tests to count how often a body is formatted. */
	readonly format?: Formatter;
	/** A request from history: its form filled in, its saved answer shown, or sent at once. */
	readonly seed?: RequestSeed;
};

type Focus = 'path' | 'headers' | 'body' | 'token' | 'response';

/** OSC 52 reaches the clipboard through the terminal, which caps it near 100 KB of base64. */
const osc52Limit = 74 * 1024;
const labelWidth = 10;
const maxHeaderLines = 3;
const maxBodyLines = 6;
const tokenMaxLines = 3;
/** Rows the answer needs to be worth showing: its status line and two of body. */
const minResultRows = 3;

function focusOrder(method: RequestMethod, hasResult: boolean): Focus[] {
	return [
		'path',
		'headers',
		...(methodHasBody(method) ? (['body'] as const) : []),
		'token',
		...(hasResult ? (['response'] as const) : []),
	];
}

function summaryOf(area: TextAreaController, empty: string): string {
	const lines = area.value.split('\n').filter((line) => line.trim() !== '');
	if (lines.length === 0) return empty;
	return lines.join(' · ');
}

/**
 * "Request": method, path relative to the instance URL, headers, JSON body and the token in use;
 * checked before sending (pre-flight), answered with the response viewer, and explained when it
 * fails, with one key for the likely fix (f fix the token, r refresh, l log in again).
 */
export function RequestScreen({
	login,
	services,
	columns,
	rows,
	isActive,
	onBack,
	onLoginAgain,
	format,
	seed,
}: RequestScreenProps) {
	const [knownOrgs] = useState(() =>
		services.auth.orgs.list().map((org) => ({orgId: org.orgId, label: orgLabel(org)})),
	);
	const request = useRequest({
		context: services.auth,
		session: login,
		knownOrgs,
		// A new answer takes the focus, so its keys (scroll, f, r, l) work at once.
		onAnswer() {
			setFocus('response');
		},
		...(seed?.exchange === undefined ? {} : {initialExchange: seed.exchange}),
	});
	const {phase, exchange, apiVersion} = request;
	const initialMethod = seed?.draft.method ?? 'GET';
	const [method, setMethodState] = useState<RequestMethod>(initialMethod);
	const path = useTextFieldState(seed?.draft.path ?? dataPath(login.org.apiVersion));
	const headers = useTextAreaState(seed?.draft.headers);
	const body = useTextAreaState(seed?.draft.body);
	const [token, setToken] = useState(login.accessToken);
	const [tokenEditing, setTokenEditing] = useState(false);
	const [revealed, setRevealed] = useState(false);
	// A saved answer opens with the focus on it, as a new answer takes it.
	const initialFocus: Focus = seed?.exchange === undefined ? 'path' : 'response';
	const [focus, setFocusState] = useState<Focus>(initialFocus);
	// Focus and method change eagerly: Ink hands every key of one read to the handlers before
	// React renders, so Tab Tab must move twice.
	const eager = useRef<{focus: Focus; method: RequestMethod}>({
		focus: initialFocus,
		method: initialMethod,
	});
	const setFocus = (next: Focus) => {
		eager.current.focus = next;
		setFocusState(next);
	};

	const setMethod = (next: RequestMethod) => {
		eager.current.method = next;
		setMethodState(next);
	};

	const [responseHints, setResponseHints] = useState<readonly KeyHint[]>([]);
	const [promptOpen, setPromptOpen] = useState(false);
	const promptRef = useRef(false);
	const copy = useCopy(services);

	// The newest version arrives after the first frame: the default path follows it until edited.
	const defaultPath = useRef(dataPath(login.org.apiVersion));
	useEffect(() => {
		const next = dataPath(apiVersion);
		if (path.current().value === defaultPath.current && next !== defaultPath.current) {
			path.dispatch({type: 'replace', value: next});
		}

		defaultPath.current = next;
	}, [apiVersion, path]);

	const modal = phase.kind === 'preflight';
	const order = focusOrder(method, exchange !== undefined);
	const activeFocus = order.includes(focus) ? focus : 'path';
	const fieldsActive = isActive && !modal && !request.inFlight;

	const draft = (): RequestDraft => ({
		method: eager.current.method,
		path: path.current().value,
		headers: headers.current().value,
		body: body.current().value,
	});

	const send = (withToken = token, confirmed = false) => {
		request.send(draft(), withToken, {confirmed});
	};

	// A re-run from history goes out once, as the screen opens (pre-flight still applies).
	const sendOnOpen = useRef(seed?.send === true);
	useEffect(() => {
		if (!sendOnOpen.current) return;
		sendOnOpen.current = false;
		request.send(draft(), token);
		// Once, with the form as the seed filled it.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, []);

	const fixAndSend = () => {
		const fixed = inspectToken(token).fixed;
		setToken(fixed);
		send(fixed, false);
	};

	const refreshAndSend = () => {
		void request.refresh().then((renewed) => {
			if (renewed === undefined) return;
			setToken(renewed);
			request.send(draft(), renewed);
		});
	};

	// Ctrl+C cancels what is in flight before it quits (the root owns Ctrl+C).
	useCancelOnCtrlC(request.inFlight ? request.cancel : undefined);

	const onPromptChange = useCallback((open: boolean) => {
		promptRef.current = open;
		setPromptOpen(open);
	}, []);

	const actions = new Set(exchange?.diagnosis?.causes.map((cause) => cause.action) ?? []);
	const refreshProblem = phase.kind === 'refresh-failed' ? phase.problem : undefined;
	const canLogin = actions.has('login-again') || refreshProblem?.code === 'login-again';

	const handleModal = (input: string, key: Key) => {
		if (phase.kind !== 'preflight') return;
		const keys = preflightKeys(phase.preflight);
		if (key.escape) request.dismiss();
		else if (input === 'y' && keys.confirm) request.confirm();
		else if (input === 'f' && keys.fix) fixAndSend();
		else if (input === 'l' && keys.login) onLoginAgain();
	};

	const move = (by: 1 | -1) => {
		const now = focusOrder(eager.current.method, exchange !== undefined);
		const index = now.indexOf(eager.current.focus);
		setFocus(now[(index + by + now.length) % now.length] ?? 'path');
	};

	useInput(
		(input, key) => {
			if (key.eventType === 'release') return;
			if (modal) {
				handleModal(input, key);
				return;
			}

			if (request.inFlight) {
				if (key.escape) request.cancel();
				return;
			}

			// The search prompt owns every key until it closes; the token editor all but Tab and
			// the Ctrl keys.
			if (promptRef.current) return;
			if (key.tab) {
				move(key.shift ? -1 : 1);
				return;
			}

			if (key.ctrl) {
				if (input === 'n') setMethod(nextMethod(eager.current.method));
				else if (input === 'p') {
					path.dispatch({type: 'replace', value: switchApi(path.current().value, apiVersion)});
					setFocus('path');
				} else if (input === 's') send();
				return;
			}

			if (tokenEditing) return;
			if (key.escape) {
				onBack();
				return;
			}

			if (activeFocus === 'token' && (key.return || input === '\n')) {
				send();
				return;
			}

			if (activeFocus !== 'response') return;
			if (input === 'f' && actions.has('fix-token')) fixAndSend();
			else if (input === 'r' && actions.has('refresh') && request.canRefresh) refreshAndSend();
			else if (input === 'l' && canLogin) onLoginAgain();
		},
		{isActive},
	);

	useTextAreaInput(headers, fieldsActive && activeFocus === 'headers');
	useTextAreaInput(body, fieldsActive && activeFocus === 'body');

	useKeyHints(
		footerHints({
			focus: activeFocus,
			request,
			modal,
			promptOpen,
			// The viewer's keys only while it is on screen (a failure has no body to view).
			responseHints: exchange?.outcome.kind === 'response' ? responseHints : [],
			actions,
			canLogin,
			token,
		}),
	);

	const copyBody = async (text: string): Promise<string> => {
		const size = text.length > osc52Limit ? text.length : Buffer.byteLength(text);
		if (size <= osc52Limit) return copy(text, 'The body');
		const tooBig = `The body (${Math.round(size / 1024)} KB) is too big for OSC 52, the terminal’s clipboard`;
		if (services.copyLocal === undefined)
			return `${tooBig}; save it with sftoken request … > body.json`;
		try {
			await services.copyLocal(text);
			return `✓ Copied to this machine’s clipboard. ${tooBig}.`;
		} catch {
			return `${tooBig}, and this machine has no clipboard; save it with sftoken request … > body.json`;
		}
	};

	// Layout: the form (one line while the answer has the focus), a status line, then the answer.
	// Rows are counted exactly: a frame taller than the terminal cannot be erased by Ink.
	const width = Math.max(columns, 20);
	const fieldWidth = Math.max(width - labelWidth, 10);
	const collapsed = activeFocus === 'response';
	const inspection = inspectToken(token);
	const tokenFocused = activeFocus === 'token';
	const tokenRows = tokenFocused
		? tokenFieldRows(inspection, {revealed, width: fieldWidth, editing: tokenEditing})
		: 1;
	const headerRows =
		activeFocus === 'headers' ? 1 + Math.min(headers.value.split('\n').length, maxHeaderLines) : 1;
	const bodyRows = !methodHasBody(method)
		? 0
		: activeFocus === 'body'
			? 1 + Math.min(body.value.split('\n').length, maxBodyLines)
			: 1;
	const statusRows = 1;
	const fieldRows = collapsed ? 1 : 1 + headerRows + bodyRows + tokenRows;
	// The org line goes first when rows are short; the answer needs at least three.
	const showOrg = !collapsed && rows - fieldRows - statusRows - 1 >= minResultRows;
	const formRows = fieldRows + (showOrg ? 1 : 0);
	const tooSmall = formRows + statusRows > rows;
	const resultRows = Math.max(rows - formRows - statusRows, 0);

	const org = request.session.org;
	const status = statusLine(request, method, path.value);
	const result = resultArea({request, width, rows: resultRows});

	if (tooSmall) {
		return (
			<Text wrap="truncate-end" color="yellow">
				{`Make the terminal taller: this needs ${formRows + statusRows} rows, it has ${rows}.`}
			</Text>
		);
	}

	return (
		<Box flexDirection="column" width={width}>
			{collapsed ? (
				<Text wrap="truncate-end">
					<Text bold>{method}</Text>
					{` ${path.value} `}
					<Text dimColor>{`· ${orgLabel(org)} · token ${maskToken(inspection.fixed)}`}</Text>
					<Text color={verdictFor(inspection, false).color}>
						{inspection.clean ? ' ✓' : ` ✗ ${inspection.removed.join(', ') || 'not a token'}`}
					</Text>
				</Text>
			) : (
				<>
					{showOrg ? (
						<Text wrap="truncate-end" dimColor>
							{`  Org     ${orgLabel(org)} · ${org.instanceUrl}${apiVersion === undefined ? '' : ` · API v${apiVersion}`}`}
						</Text>
					) : null}
					<Box>
						<Label text={method} focused={activeFocus === 'path'} bold />
						<TextField
							field={path}
							width={fieldWidth}
							isActive={fieldsActive && activeFocus === 'path'}
							placeholder="/services/data/ or /services/apexrest/…"
							onSubmit={() => {
								send();
							}}
						/>
					</Box>
					<Box>
						<Label text="Headers" focused={activeFocus === 'headers'} />
						{activeFocus === 'headers' ? (
							<Box flexDirection="column">
								<Text dimColor>Key: Value, one per line</Text>
								<TextArea
									area={headers}
									width={fieldWidth}
									maxLines={maxHeaderLines}
									isActive={fieldsActive}
								/>
							</Box>
						) : (
							<Text wrap="truncate-end" dimColor>
								{summaryOf(headers, '(none)')}
							</Text>
						)}
					</Box>
					{methodHasBody(method) ? (
						<Box>
							<Label text="Body" focused={activeFocus === 'body'} />
							{activeFocus === 'body' ? (
								<Box flexDirection="column">
									<Text dimColor>JSON · Enter new line · Ctrl+S send</Text>
									<TextArea
										area={body}
										width={fieldWidth}
										maxLines={maxBodyLines}
										isActive={fieldsActive}
										{...(phase.kind === 'draft-problem' &&
										phase.problem.field === 'body' &&
										phase.problem.line !== undefined
											? {markLine: phase.problem.line}
											: {})}
									/>
								</Box>
							) : (
								<Text wrap="truncate-end" dimColor>
									{summaryOf(body, '(empty)')}
								</Text>
							)}
						</Box>
					) : null}
					<Box>
						<Label text="Token" focused={tokenFocused} />
						{tokenFocused ? (
							<TokenField
								value={token}
								width={fieldWidth}
								maxLines={tokenMaxLines}
								hints={false}
								isActive={fieldsActive}
								revealed={revealed}
								onToggleReveal={() => {
									setRevealed((shown) => !shown);
								}}
								onChange={setToken}
								onEditingChange={setTokenEditing}
							/>
						) : (
							<Text wrap="truncate-end">
								<Text dimColor>{maskToken(inspection.fixed) || '(none)'}</Text>
								<Text color={verdictFor(inspection, false).color}>
									{inspection.clean
										? ' ✓'
										: ` ✗ ${inspection.removed.join(', ') || 'not a usable token'}`}
								</Text>
							</Text>
						)}
					</Box>
				</>
			)}
			<Text wrap="truncate-end" {...statusStyle(status)}>
				{status.text || ' '}
			</Text>
			{result.panel.length > 0 ? (
				<LinesView lines={result.panel} hyperlinks={false} width={width} />
			) : null}
			{result.responseRows > 0 && exchange?.outcome.kind === 'response' ? (
				<Box marginTop={result.panel.length > 0 ? 1 : 0}>
					<ResponseView
						response={responseSummary(exchange.outcome.response)}
						pages={exchange.pages}
						width={width}
						height={result.responseRows}
						isActive={isActive && !modal && activeFocus === 'response'}
						{...(phase.kind === 'loading' ? {loading: phase.text} : {})}
						onLoadMore={(url) => {
							request.loadMore(url, false);
						}}
						onLoadAll={(url) => {
							request.loadMore(url, true);
						}}
						onCopy={copyBody}
						onKeyHints={setResponseHints}
						onPromptChange={onPromptChange}
						{...(format === undefined ? {} : {format})}
					/>
				</Box>
			) : null}
		</Box>
	);
}

/** A field's label; the focused one is marked, so the focus shows without colours too. */
function Label({
	text,
	focused,
	bold = false,
}: {
	readonly text: string;
	readonly focused: boolean;
	readonly bold?: boolean;
}) {
	return (
		<Box width={labelWidth} flexShrink={0}>
			<Text
				color={focused ? 'cyan' : undefined}
				bold={bold || focused}
				dimColor={!focused && !bold}
			>
				{`${focused ? '›' : ' '} ${text}`}
			</Text>
		</Box>
	);
}

function statusLine(request: RequestController, method: RequestMethod, path: string): Line {
	const {phase} = request;
	switch (phase.kind) {
		case 'draft-problem': {
			return draftProblemLine(phase.problem);
		}

		case 'sending': {
			return {
				text: `Sending ${phase.request.method} ${phase.request.path}… (Esc cancels)`,
				style: 'dim',
			};
		}

		case 'loading': {
			return {text: phase.text, style: 'dim'};
		}

		case 'refreshing': {
			return {text: 'Renewing the session with the refresh token… (Esc cancels)', style: 'dim'};
		}

		case 'cancelled': {
			return {text: 'Cancelled: nothing more was received.', style: 'warning'};
		}

		case 'preflight':
		case 'refresh-failed':
		case 'idle': {
			const {exchange} = request;
			if (exchange === undefined) return {text: `Ready: ${method} ${path}`, style: 'dim'};
			return exchange.savedAt === undefined ? {text: ''} : savedLine(exchange);
		}
	}
}

/** Over an answer shown from history: when it came, and that it may be only its beginning. */
function savedLine(exchange: Exchange): Line {
	const when = new Date(exchange.savedAt ?? 0).toISOString().replace('T', ' ').slice(0, 16);
	const cut =
		exchange.outcome.kind === 'response' && exchange.outcome.response.truncated
			? ', only its beginning kept'
			: '';
	return {
		text: `From history: the answer of ${when} UTC${cut}. Ctrl+S sends it again.`,
		style: 'dim',
	};
}

function statusStyle(line: Line): {color?: string; dimColor?: boolean} {
	switch (line.style) {
		case 'error': {
			return {color: 'red'};
		}

		case 'warning': {
			return {color: 'yellow'};
		}

		case 'dim': {
			return {dimColor: true};
		}

		default: {
			return {};
		}
	}
}

/**
 * What goes under the form: a pre-flight stop, a diagnosis or refresh problem, and the response
 * (responseRows 0: no room for it, or nothing to show).
 */
function resultArea({
	request,
	width,
	rows,
}: {
	readonly request: RequestController;
	readonly width: number;
	readonly rows: number;
}): {panel: Line[]; responseRows: number} {
	const {phase, exchange} = request;
	if (phase.kind === 'preflight') {
		return {panel: fitBlocks(preflightBlocks(phase.preflight, width), rows), responseRows: 0};
	}

	const hasBody = exchange?.outcome.kind === 'response';
	const blocks =
		phase.kind === 'refresh-failed'
			? refreshProblemBlocks(phase.problem, width)
			: (() => {
					const diagnosis = exchange?.loadFailure ?? exchange?.diagnosis;
					return diagnosis === undefined ? [] : diagnosisBlocks(diagnosis, width);
				})();
	if (blocks.length === 0) {
		return {panel: [], responseRows: hasBody && rows >= minResultRows ? rows : 0};
	}

	// With a body to show, the explanation leaves it a few rows (and a blank line between).
	const panel = fitBlocks(blocks, hasBody ? Math.max(rows - minResultRows - 1, 1) : rows);
	const left = rows - panel.length - 1;
	return {panel, responseRows: hasBody && left >= minResultRows ? left : 0};
}

/** The rows the token field takes while focused: its token lines and its wrapped verdict. */
function tokenFieldRows(
	inspection: ReturnType<typeof inspectToken>,
	options: {readonly revealed: boolean; readonly width: number; readonly editing: boolean},
): number {
	const layout = layoutToken(inspection, {
		revealed: options.revealed,
		width: options.width,
		maxLines: tokenMaxLines,
		cursor: options.editing,
	});
	const verdict = verdictFor(inspection, options.editing).text;
	return (
		(inspection.input === '' && !options.editing ? 1 : 0) +
		layout.head.length +
		(layout.hiddenLines > 0 ? 1 : 0) +
		layout.tail.length +
		wrapText(verdict, options.width).length
	);
}

type FooterInput = {
	readonly focus: Focus;
	readonly request: RequestController;
	readonly modal: boolean;
	readonly promptOpen: boolean;
	readonly responseHints: readonly KeyHint[];
	readonly actions: ReadonlySet<string | undefined>;
	readonly canLogin: boolean;
	readonly token: string;
};

function footerHints({
	focus,
	request,
	modal,
	promptOpen,
	responseHints,
	actions,
	canLogin,
	token,
}: FooterInput): KeyHint[] {
	if (modal && request.phase.kind === 'preflight') {
		const keys = preflightKeys(request.phase.preflight);
		return [
			...(keys.fix ? [{keys: 'f', label: 'fix & send'}] : []),
			...(keys.confirm ? [{keys: 'y', label: 'send anyway'}] : []),
			...(keys.login ? [{keys: 'l', label: 'log in'}] : []),
			{keys: 'Esc', label: 'edit'},
		];
	}

	if (request.inFlight) return [{keys: 'Esc', label: 'cancel'}];
	if (focus === 'response') {
		if (promptOpen) return [...responseHints];
		return [
			...(actions.has('fix-token') ? [{keys: 'f', label: 'fix token & resend'}] : []),
			...(actions.has('refresh') && request.canRefresh
				? [{keys: 'r', label: 'refresh & resend'}]
				: []),
			...(canLogin ? [{keys: 'l', label: 'log in again'}] : []),
			...responseHints,
			{keys: 'Tab', label: 'edit'},
			{keys: 'Esc', label: 'back'},
		];
	}

	const send: KeyHint =
		focus === 'headers' || focus === 'body'
			? {keys: 'Ctrl+S', label: 'send'}
			: {keys: 'Enter', label: 'send'};
	const inspection = focus === 'token' ? inspectToken(token) : undefined;
	return [
		send,
		...(inspection && inspection.fixable && !inspection.clean ? [{keys: 'f', label: 'fix'}] : []),
		...(focus === 'token'
			? [
					{keys: 'e', label: 'edit'},
					{keys: 'v', label: 'reveal'},
				]
			: []),
		{keys: 'Tab', label: 'next field'},
		{keys: 'Ctrl+N', label: 'method'},
		...(focus === 'path' ? [{keys: 'Ctrl+P', label: 'data/apexrest'}] : []),
		{keys: 'Esc', label: 'back'},
	];
}
