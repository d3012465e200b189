import {Box, Text, useInput, usePaste} from 'ink';
import {useMemo, useState} from 'react';
import type {LoggedInOrg} from '../../auth/complete-login.js';
import type {KeyHint} from '../../components/key-hints/fit-key-hints.js';
import {TextField} from '../../components/text-field/text-field.js';
import {useTextFieldState} from '../../components/text-field/use-text-field-state.js';
import {useBrowserLogin} from '../../hooks/use-browser-login.js';
import {useCancelOnCtrlC} from '../../hooks/use-cancel-on-ctrl-c.js';
import {useCopy} from '../../hooks/use-copy.js';
import {useKeyHints} from '../../hooks/use-key-hints.js';
import {useOpenUrl} from '../../hooks/use-open-url.js';
import {DEFAULT_LOOPBACK_TIMEOUT_MS} from '../../salesforce/loopback-listener.js';
import {supportsHyperlinks} from '../../terminal/hyperlink.js';
import {isSshSession} from '../../terminal/ssh.js';
import {useNow} from '../device-login/use-now.js';
import {fitBlocks, paragraph, type Block} from '../sign-in/lines.js';
import {LinesView} from '../sign-in/lines-view.js';
import {ProblemPanel} from '../sign-in/problem-panel.js';
import type {SignInServices} from '../sign-in/services.js';
import {SetupHelpPanel} from '../sign-in/setup-help-panel.js';
import {browserTopBlocks, pasteLabel} from './browser-blocks.js';

export type BrowserLoginScreenProps = {
	readonly loginUrl: string;
	readonly clientId: string;
	readonly services: SignInServices;
	readonly columns: number;
	readonly rows: number;
	readonly isActive: boolean;
	readonly onLoggedIn: (login: LoggedInOrg) => void;
	readonly onBack: () => void;
};

type Focus = 'keys' | 'field';

/**
 * "Sign in with your browser": the authorize URL (PKCE, state, prompt=login), the browser opened
 * when one can be, a loopback listener waiting for the redirect, and a field to paste the address
 * the browser ended on — the main way over SSH, where the redirect cannot reach this machine.
 * Tab moves between the keys (c copy, o open) and the field; a paste always lands in the field.
 */
export function BrowserLoginScreen({
	loginUrl,
	clientId,
	services,
	columns,
	rows,
	isActive,
	onLoggedIn,
	onBack,
}: BrowserLoginScreenProps) {
	const login = useBrowserLogin({services, loginUrl, clientId, onLoggedIn});
	const {state} = login;
	const ssh = isSshSession(services.env);
	const [focus, setFocus] = useState<Focus>(ssh ? 'field' : 'keys');
	const [help, setHelp] = useState(false);
	const [message, setMessage] = useState<string | undefined>();
	const [refusal, setRefusal] = useState<string | undefined>();
	const field = useTextFieldState();
	const copy = useCopy(services);
	const now = useNow(services.auth.now, state.phase === 'waiting');
	const hyperlinks = useMemo(() => supportsHyperlinks(services.env), [services.env]);
	const browser = useOpenUrl(services);
	useCancelOnCtrlC(login.inFlight ? login.cancel : undefined);
	const waiting = state.phase === 'waiting' ? state : undefined;
	const fieldActive = isActive && !help && waiting !== undefined && focus === 'field';

	const back = () => {
		login.cancel();
		onBack();
	};

	const retry = () => {
		field.dispatch({type: 'replace', value: ''});
		setRefusal(undefined);
		setMessage(undefined);
		login.retry();
	};

	const submit = (value: string) => {
		if (value.trim() === '') return;
		const verdict = login.submit(value);
		// A final refusal (Salesforce's own error) ends the login: the failure panel says why.
		setRefusal(
			verdict === undefined || verdict.accepted || verdict.final
				? undefined
				: `✗ ${verdict.problem.title}. ${verdict.problem.fix}`,
		);
	};

	const pasteIntoField = (text: string) => {
		field.dispatch({type: 'replace', value: text});
		setFocus('field');
	};

	useInput(
		(input, key) => {
			if (help) {
				if (key.escape || input === '?') setHelp(false);
				return;
			}

			if (key.escape) {
				back();
				return;
			}

			if (state.phase === 'failed') {
				if (input === 'r') retry();
				else if (input === '?') setHelp(true);
				return;
			}

			if (waiting === undefined) return;
			if (key.tab) {
				setFocus(focus === 'field' ? 'keys' : 'field');
				return;
			}

			if (focus !== 'keys') return;
			const {authorizeUrl} = waiting.login;
			if (input === 'c') void copy(authorizeUrl, 'The address').then(setMessage);
			else if (input === 'o' && browser.canOpen) void browser.open(authorizeUrl).then(setMessage);
			else if ([...input].length > 1) pasteIntoField(input);
			// Enter right after a paste can arrive before the field has the focus: it submits.
			else if (key.return) submit(field.current().value);
		},
		{isActive},
	);
	// Bracketed pastes, while the keys have the focus: they can only be the address.
	usePaste(pasteIntoField, {
		isActive: isActive && !help && waiting !== undefined && focus === 'keys',
	});

	useKeyHints(hintsFor({help, phase: state.phase, focus, canOpen: browser.canOpen}));

	if (help) {
		return (
			<SetupHelpPanel
				columns={columns}
				rows={rows}
				isActive={isActive}
				port={services.browserPort}
			/>
		);
	}

	if (state.phase === 'failed') {
		return (
			<ProblemPanel
				problem={state.problem}
				columns={columns}
				rows={rows}
				isActive={isActive}
				hyperlinks={hyperlinks}
			/>
		);
	}

	if (waiting === undefined) {
		const text =
			state.phase === 'finishing'
				? finishingText(state.step)
				: state.phase === 'done'
					? 'Signed in.'
					: `Preparing the browser login at ${loginUrl}…`;
		return (
			<LinesView
				lines={fitBlocks([paragraph('status', text, columns, {priority: 0})], rows)}
				hyperlinks={false}
			/>
		);
	}

	const bottom: Block[] = [];
	if (refusal !== undefined)
		bottom.push(paragraph('refusal', refusal, columns, {priority: 0, style: 'error'}));
	if (message !== undefined)
		bottom.push(paragraph('message', message, columns, {priority: 2, style: 'success'}));
	const bottomLines = fitBlocks(bottom, Math.max(rows - 4, 0));
	const label = fitBlocks(
		[
			paragraph('label', pasteLabel(ssh, waiting.login.redirectUri), columns, {
				priority: 0,
				style: 'bold',
			}),
		],
		2,
	);
	const topRows = Math.max(rows - bottomLines.length - label.length - 2, 1);
	const top = fitBlocks(
		browserTopBlocks(
			{
				state: waiting,
				ssh,
				now,
				timeoutMs: services.browserTimeoutMs ?? DEFAULT_LOOPBACK_TIMEOUT_MS,
			},
			columns,
		),
		topRows,
	);
	return (
		<Box flexDirection="column">
			<LinesView lines={top} hyperlinks={hyperlinks} />
			<Box marginTop={1} flexDirection="column">
				<LinesView lines={label} hyperlinks={false} />
				<Box>
					<Text color={focus === 'field' ? 'cyan' : undefined} dimColor={focus !== 'field'}>
						{'› '}
					</Text>
					<TextField
						field={field}
						width={Math.max(columns - 2, 1)}
						isActive={fieldActive}
						placeholder={`${waiting.login.redirectUri}?code=…&state=…`}
						onSubmit={submit}
					/>
				</Box>
			</Box>
			<LinesView lines={bottomLines} hyperlinks={false} />
		</Box>
	);
}

function finishingText(step: 'exchanging-code' | 'checking-identity' | 'saving'): string {
	switch (step) {
		case 'exchanging-code': {
			return 'Logged in — exchanging the code for a token…';
		}

		case 'checking-identity': {
			return 'Logged in — checking who you are…';
		}

		case 'saving': {
			return 'Logged in — saving the login…';
		}
	}
}

function hintsFor(input: {
	help: boolean;
	phase: string;
	focus: Focus;
	canOpen: boolean;
}): KeyHint[] {
	if (input.help) {
		return [
			{keys: '↑↓', label: 'scroll'},
			{keys: '? Esc', label: 'close'},
		];
	}

	if (input.phase === 'failed') {
		return [
			{keys: 'r', label: 'retry'},
			{keys: '?', label: 'setup steps'},
			{keys: 'Esc', label: 'back'},
		];
	}

	if (input.phase !== 'waiting') return [{keys: 'Esc', label: 'cancel'}];
	if (input.focus === 'field') {
		return [
			{keys: 'Enter', label: 'submit'},
			{keys: 'Tab', label: 'keys'},
			{keys: 'Esc', label: 'cancel'},
		];
	}

	return [
		{keys: 'c', label: 'copy URL'},
		...(input.canOpen ? [{keys: 'o', label: 'open browser'}] : []),
		{keys: 'Tab', label: 'paste field'},
		{keys: 'Esc', label: 'cancel'},
	];
}
