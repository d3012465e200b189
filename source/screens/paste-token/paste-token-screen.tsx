import {Box, Text, useInput} from 'ink';
import {useMemo, useState} from 'react';
import type {LoggedInOrg} from '../../auth/complete-login.js';
import {resolveInstanceUrl} from '../../auth/paste-login.js';
import type {KeyHint} from '../../components/key-hints/fit-key-hints.js';
import {TextField} from '../../components/text-field/text-field.js';
import {useTextFieldState} from '../../components/text-field/use-text-field-state.js';
import {TokenField} from '../../components/token-field/token-field.js';
import {inspectToken} from '../../core/token.js';
import type {LoginTarget} from '../../core/login-target.js';
import {useCancelOnCtrlC} from '../../hooks/use-cancel-on-ctrl-c.js';
import {useKeyHints} from '../../hooks/use-key-hints.js';
import {usePasteLogin} from '../../hooks/use-paste-login.js';
import {fitBlocks, paragraph} from '../sign-in/lines.js';
import {LinesView} from '../sign-in/lines-view.js';
import {ProblemPanel} from '../sign-in/problem-panel.js';
import type {SignInServices} from '../sign-in/services.js';

export type PasteTokenScreenProps = {
	readonly target: LoginTarget;
	readonly services: SignInServices;
	readonly columns: number;
	readonly rows: number;
	readonly isActive: boolean;
	readonly onLoggedIn: (login: LoggedInOrg) => void;
	readonly onBack: () => void;
};

type Focus = 'token' | 'instance';

/** Rows the screen takes besides the token's lines: labels, verdict, URL field, its check. */
const fixedRows = 7;

/**
 * "Sign in with a token": a token from elsewhere, X-rayed as it is pasted (stray characters,
 * `Bearer `, placeholders), and the instance URL it belongs to — the chosen My Domain by default,
 * asked for when the login host is a shared one. Enter checks it (userinfo) and goes on to who
 * it belongs to.
 */
export function PasteTokenScreen({
	target,
	services,
	columns,
	rows,
	isActive,
	onLoggedIn,
	onBack,
}: PasteTokenScreenProps) {
	const login = usePasteLogin({services, onLoggedIn});
	const {state} = login;
	const [token, setToken] = useState('');
	const [editing, setEditing] = useState(false);
	const generic = target.source === 'generic';
	const [focus, setFocus] = useState<Focus>('token');
	const instance = useTextFieldState(generic ? '' : target.loginUrl);
	const resolved = useMemo(
		() => (instance.value.trim() === '' ? undefined : resolveInstanceUrl(instance.value)),
		[instance.value],
	);
	useCancelOnCtrlC(state.phase === 'checking' ? login.cancel : undefined);
	const formActive = isActive && state.phase === 'editing';

	const submit = () => {
		const inspection = inspectToken(token);
		if (token.trim() === '' || (!inspection.clean && !inspection.fixable)) {
			setFocus('token');
			return;
		}

		const url = instance.current().value;
		if (url.trim() === '' || !resolveInstanceUrl(url).ok) {
			setFocus('instance');
			return;
		}

		login.submit({
			token,
			instanceUrl: url,
			...(generic ? {} : {loginUrl: target.loginUrl}),
		});
	};

	useInput(
		(input, key) => {
			if (state.phase === 'checking') {
				if (key.escape) login.cancel();
				return;
			}

			if (state.phase === 'failed') {
				if (key.escape) onBack();
				else if (input === 'r') login.edit();
				return;
			}

			// While the token is being edited, Esc and Enter end editing (the field owns them).
			if (focus === 'token' && editing) return;
			if (key.escape) onBack();
			else if (key.tab) setFocus(focus === 'token' ? 'instance' : 'token');
			else if ((key.return || input === '\n') && focus === 'token') submit();
		},
		{isActive},
	);

	useKeyHints(hintsFor(state.phase, focus, editing));

	if (state.phase === 'failed') {
		return (
			<ProblemPanel
				problem={state.problem}
				columns={columns}
				rows={rows}
				isActive={isActive}
				hyperlinks={false}
			/>
		);
	}

	if (state.phase === 'checking') {
		return (
			<LinesView
				lines={fitBlocks(
					[
						paragraph('checking', `Checking the token with ${state.instanceUrl}…`, columns, {
							priority: 0,
						}),
					],
					rows,
				)}
				hyperlinks={false}
			/>
		);
	}

	const tokenLines = Math.max(Math.min(rows - fixedRows, 6), 1);
	return (
		<Box flexDirection="column">
			<Text
				bold={focus === 'token'}
				color={focus === 'token' ? 'cyan' : undefined}
				wrap="truncate-end"
			>
				Access token (from Workbench, sf, Postman…):
			</Text>
			<TokenField
				value={token}
				width={columns}
				maxLines={tokenLines}
				hints={false}
				isActive={formActive && focus === 'token'}
				onChange={setToken}
				onEditingChange={setEditing}
			/>
			<Box marginTop={rows > fixedRows + 2 ? 1 : 0} flexDirection="column">
				<Text
					bold={focus === 'instance'}
					color={focus === 'instance' ? 'cyan' : undefined}
					wrap="truncate-end"
				>
					{generic
						? 'Instance URL — the org’s own address (https://<name>.my.salesforce.com):'
						: 'Instance URL (the org you chose; change it if the token is from another):'}
				</Text>
				<Box>
					<Text color="cyan">{'› '}</Text>
					<TextField
						field={instance}
						width={Math.max(columns - 2, 1)}
						isActive={formActive && focus === 'instance'}
						placeholder="https://acme.my.salesforce.com"
						onSubmit={submit}
					/>
				</Box>
				{resolved === undefined ? null : resolved.ok ? (
					<Text color="green" wrap="truncate-end">{`✓ ${resolved.url}`}</Text>
				) : (
					<Text color="red" wrap="truncate-end">{`✗ ${resolved.message}`}</Text>
				)}
			</Box>
		</Box>
	);
}

function hintsFor(phase: string, focus: Focus, editing: boolean): KeyHint[] {
	if (phase === 'checking') return [{keys: 'Esc', label: 'cancel'}];
	if (phase === 'failed') {
		return [
			{keys: 'r', label: 'edit and retry'},
			{keys: 'Esc', label: 'back'},
		];
	}

	if (focus === 'token' && editing) return [{keys: 'Enter Esc', label: 'done editing'}];
	return [
		...(focus === 'token'
			? [
					{keys: 'e', label: 'edit'},
					{keys: 'v', label: 'reveal'},
					{keys: 'f', label: 'fix'},
				]
			: []),
		{keys: 'Tab', label: focus === 'token' ? 'instance URL' : 'token'},
		{keys: 'Enter', label: 'check'},
		{keys: 'Esc', label: 'back'},
	];
}
