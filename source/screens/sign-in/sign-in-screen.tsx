import {Box, Text, useInput} from 'ink';
import {useEffect, useMemo, useRef, useState} from 'react';
import type {DemoSetup} from '../../app-state.js';
import type {KeyHint} from '../../components/key-hints/fit-key-hints.js';
import {SelectList} from '../../components/select-list/select-list.js';
import type {SelectItem} from '../../components/select-list/select-list-state.js';
import {useSelectListState} from '../../components/select-list/use-select-list-state.js';
import type {LoginTarget} from '../../core/login-target.js';
import {useKeyHints} from '../../hooks/use-key-hints.js';
import {isSshSession} from '../../terminal/ssh.js';
import {ClientIdPrompt} from './client-id-prompt.js';
import {methodChoices, shortClientId, type SignInMethod} from './method-choices.js';
import type {SignInServices} from './services.js';
import {SetupHelpPanel} from './setup-help-panel.js';

/** What the user chose: a flow, with the consumer key the OAuth flows need. */
export type SignInChoice =
	{readonly method: 'device' | 'browser'; readonly clientId: string} | {readonly method: 'paste'};

export type SignInScreenProps = {
	readonly target: LoginTarget;
	readonly services: SignInServices;
	readonly demo?: DemoSetup;
	readonly columns: number;
	readonly rows: number;
	readonly isActive: boolean;
	readonly onChoose: (choice: SignInChoice) => void;
	readonly onBack: () => void;
};

type Mode =
	| {readonly name: 'list'}
	| {readonly name: 'help'}
	/** Asking for the consumer key, then going on with `method` (or back to the list). */
	| {readonly name: 'client-id'; readonly method?: 'device' | 'browser'};

type KeySource = {readonly clientId: string; readonly from: 'demo' | 'remembered'} | undefined;

function hostOf(loginUrl: string): string {
	try {
		return new URL(loginUrl).host;
	} catch {
		return loginUrl;
	}
}

/** The emulator's key for an emulator target in demo mode, else the one remembered for the host. */
function keyFor(target: LoginTarget, remembered: string | undefined, demo?: DemoSetup): KeySource {
	if (demo?.clientId !== undefined && target.source === 'emulator') {
		return {clientId: demo.clientId, from: 'demo'};
	}

	return remembered === undefined ? undefined : {clientId: remembered, from: 'remembered'};
}

/**
 * "How do you want to sign in?": device code, browser or a pasted token, the recommended one
 * (by SSH or not) highlighted first. Device code and browser need the consumer key of the user's
 * own app: asked once per login host and remembered, `k` changes it; the demo uses the
 * emulator's without asking. `?` shows how to create the app.
 */
export function SignInScreen({
	target,
	services,
	demo,
	columns,
	rows,
	isActive,
	onChoose,
	onBack,
}: SignInScreenProps) {
	const ssh = isSshSession(services.env);
	const choices = useMemo(() => methodChoices({ssh}), [ssh]);
	const list = useSelectListState(choices.items);
	const [mode, setMode] = useState<Mode>({name: 'list'});
	const [remembered, setRemembered] = useState(() => services.auth.clientIds.get(target.loginUrl));
	const key = keyFor(target, remembered, demo);
	const host = hostOf(target.loginUrl);
	const {moveTo} = list;
	const {recommended} = choices;
	// Once: the list's moveTo changes with every move, and the user's moves must stand.
	const placed = useRef(false);
	useEffect(() => {
		if (placed.current) return;
		placed.current = true;
		moveTo(recommended);
	}, [moveTo, recommended]);

	useInput(
		(input, inputKey) => {
			if (mode.name === 'help') {
				if (inputKey.escape || input === '?') setMode({name: 'list'});
			} else if (mode.name === 'client-id') {
				if (inputKey.escape) setMode({name: 'list'});
			} else if (inputKey.escape) onBack();
			else if (input === '?') setMode({name: 'help'});
			else if (input === 'k' && key?.from !== 'demo') setMode({name: 'client-id'});
		},
		{isActive},
	);

	const choose = (item: SelectItem<SignInMethod>) => {
		const method = item.value;
		if (method === 'paste') onChoose({method});
		else if (key === undefined) setMode({name: 'client-id', method});
		else onChoose({method, clientId: key.clientId});
	};

	const saveKey = (clientId: string) => {
		services.auth.clientIds.remember(target.loginUrl, clientId);
		setRemembered(clientId);
		if (mode.name === 'client-id' && mode.method !== undefined) {
			onChoose({method: mode.method, clientId});
		} else {
			setMode({name: 'list'});
		}
	};

	useKeyHints(hintsFor(mode, key));

	if (mode.name === 'help') {
		return (
			<SetupHelpPanel
				columns={columns}
				rows={rows}
				isActive={isActive}
				port={services.browserPort}
			/>
		);
	}

	if (mode.name === 'client-id') {
		return (
			<ClientIdPrompt
				host={host}
				initialValue={key?.from === 'remembered' ? key.clientId : undefined}
				columns={columns}
				isActive={isActive}
				onSubmit={saveKey}
			/>
		);
	}

	// Heading, list, key line and their blank lines; the list gets what is left.
	const compact = columns < 60 || rows < 12;
	return (
		<Box flexDirection="column">
			<Text wrap="truncate-end">
				<Text dimColor>Signing in to </Text>
				{target.loginUrl}
			</Text>
			<Box marginY={compact ? 0 : 1}>
				<SelectList
					list={list}
					isActive={isActive}
					maxRows={Math.max(rows - (compact ? 3 : 5), 2)}
					showDetails={!compact}
					onChoose={choose}
				/>
			</Box>
			<Text wrap="truncate-end" dimColor={key === undefined}>
				{keyLine(key, host, compact)}
			</Text>
		</Box>
	);
}

function keyLine(key: KeySource, host: string, compact: boolean): string {
	if (key === undefined) {
		return compact
			? 'Device/browser ask for your consumer key · ? setup'
			: 'Device code and browser need your app’s consumer key: asked next · ? how to create the app';
	}

	if (key.from === 'demo') return 'Demo: the emulator’s consumer key is used — no setup needed.';
	return `Consumer key ${shortClientId(key.clientId)}${compact ? '' : ` (remembered for ${host})`}`;
}

function hintsFor(mode: Mode, key: KeySource): KeyHint[] {
	switch (mode.name) {
		case 'help': {
			return [
				{keys: '↑↓', label: 'scroll'},
				{keys: '? Esc', label: 'close'},
			];
		}

		case 'client-id': {
			return [
				{keys: 'Enter', label: 'save'},
				{keys: 'Esc', label: 'back'},
			];
		}

		case 'list': {
			return [
				{keys: '↑↓', label: 'move'},
				{keys: 'Enter', label: 'choose'},
				...(key?.from === 'demo' ? [] : [{keys: 'k', label: 'consumer key'}]),
				{keys: '?', label: 'setup'},
				{keys: 'Esc', label: 'back'},
			];
		}
	}
}
