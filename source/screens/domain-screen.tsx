import {Box, Text, useInput} from 'ink';
import {useMemo, useState} from 'react';
import type {DemoSetup} from '../app-state.js';
import type {LoginTarget} from '../core/login-target.js';
import type {KeyHint} from '../components/key-hints/fit-key-hints.js';
import {SelectList} from '../components/select-list/select-list.js';
import type {SelectItem} from '../components/select-list/select-list-state.js';
import {useSelectListState} from '../components/select-list/use-select-list-state.js';
import {TextField} from '../components/text-field/text-field.js';
import {useTextFieldState} from '../components/text-field/use-text-field-state.js';
import {useKeyHints} from '../hooks/use-key-hints.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {domainChoices} from './domain/choices.js';
import type {DomainChoice} from './domain/choices.js';
import {deriveForInput} from './domain/describe-target.js';
import type {Derivation} from './domain/describe-target.js';
import {
	compactDomainHelpParagraphs,
	domainHelpParagraphs,
	myDomainHint,
} from './domain/help-text.js';

export type DomainScreenProps = {
	readonly recent: readonly LoginTarget[];
	readonly demo?: DemoSetup;
	readonly isActive: boolean;
	readonly onChoose: (target: LoginTarget) => void;
	readonly onForget: (loginUrl: string) => void;
};

// Below this many columns the layout drops details and long explanations.
const compactColumns = 40;
// Fewer rows than this get the short help: the long one takes a dozen lines at 40 columns.
const shortHelpRows = 20;
// Header, footer and the blank lines around them.
const chromeRows = 4;

/**
 * "Where do you log in?": a list of login targets, and for My Domain a text input that
 * derives the login URL live from any URL of the org. Esc goes back from the input to the list;
 * on the list it only closes the help (this is the first screen: Ctrl+C quits, as the footer
 * says).
 */
export function DomainScreen({recent, demo, isActive, onChoose, onForget}: DomainScreenProps) {
	const {columns, rows} = useTerminalSize();
	const compact = columns < compactColumns;
	const [mode, setMode] = useState<'list' | 'my-domain'>('list');
	const [helpOpen, setHelpOpen] = useState(false);
	const items = useMemo(() => domainChoices(recent, demo), [recent, demo]);
	const list = useSelectListState(items);
	const field = useTextFieldState();
	const allowLoopback = demo !== undefined;
	const derivation = useMemo(
		() => deriveForInput(field.value, {allowLoopback}),
		[field.value, allowLoopback],
	);

	useInput(
		(input, key) => {
			if (input === '?') setHelpOpen((open) => !open);
			else if (key.escape) setHelpOpen(false);
		},
		{isActive: isActive && mode === 'list'},
	);
	useInput(
		(_input, key) => {
			if (key.escape) setMode('list');
		},
		{isActive: isActive && mode === 'my-domain'},
	);

	const choose = (item: SelectItem<DomainChoice>) => {
		if (item.value.type === 'my-domain') {
			setHelpOpen(false);
			setMode('my-domain');
		} else {
			onChoose(item.value.target);
		}
	};

	const submit = (value: string) => {
		// Derived again from the value Enter was pressed on, which may be newer than the last
		// frame (keys typed ahead arrive in one chunk). Enter on a refusal does nothing: the
		// message saying what to paste instead stays on screen.
		const submitted = deriveForInput(value, {allowLoopback});
		if (submitted.state === 'ok') onChoose(submitted.target);
	};

	const hints: KeyHint[] =
		mode === 'my-domain'
			? [
					{keys: 'Enter', label: 'accept'},
					{keys: 'Esc', label: 'back'},
				]
			: helpOpen
				? [{keys: '? Esc', label: 'close help'}]
				: [
						{keys: '↑↓', label: 'move'},
						{keys: 'Enter', label: 'choose'},
						...(list.highlighted?.removable === true ? [{keys: 'Del', label: 'forget'}] : []),
						{keys: '?', label: 'help'},
					];
	useKeyHints(hints);

	if (mode === 'my-domain') {
		return (
			<Box flexDirection="column">
				<Text wrap="truncate-end">
					{compact ? 'Paste an org URL:' : "My Domain: paste any URL from your org's browser tab"}
				</Text>
				<Box>
					<Text color="cyan">{'› '}</Text>
					<TextField
						field={field}
						width={Math.max(columns - 2, 1)}
						isActive={isActive}
						placeholder="https://…"
						onSubmit={submit}
					/>
				</Box>
				<Box marginTop={1} flexDirection="column">
					<DerivationView derivation={derivation} compact={compact} />
				</Box>
			</Box>
		);
	}

	if (helpOpen) {
		// Instead of the list, not under it, so that it fits a small terminal.
		const paragraphs =
			compact || rows < shortHelpRows ? compactDomainHelpParagraphs : domainHelpParagraphs;
		return (
			<Box flexDirection="column">
				{paragraphs.map((paragraph, index) => (
					<Box key={paragraph} marginTop={index === 0 ? 0 : 1}>
						<Text>{paragraph}</Text>
					</Box>
				))}
			</Box>
		);
	}

	return (
		<Box flexDirection="column">
			<SelectList
				list={list}
				isActive={isActive}
				maxRows={Math.max(rows - chromeRows, 3)}
				showDetails={!compact}
				onChoose={choose}
				onRemove={(item) => {
					if (item.value.type === 'target') onForget(item.value.target.loginUrl);
				}}
			/>
		</Box>
	);
}

/** Under the input: the derived login URL and the org in words, or what to paste instead. */
function DerivationView({
	derivation,
	compact,
}: {
	readonly derivation: Derivation;
	readonly compact: boolean;
}) {
	switch (derivation.state) {
		case 'empty': {
			return compact ? null : <Text dimColor>{myDomainHint}</Text>;
		}

		case 'refused': {
			return <Text color="red">{`✗ ${derivation.message}`}</Text>;
		}

		case 'ok': {
			return (
				<Box flexDirection="column">
					{/* Wrapped, not truncated: this is the address the user is asked to trust. */}
					<Text color="green">{`✓ ${derivation.target.loginUrl}`}</Text>
					<Text wrap="truncate-end">{`  ${derivation.summary}`}</Text>
					{derivation.caution === undefined ? null : (
						<Text color="yellow">{`! ${derivation.caution}`}</Text>
					)}
				</Box>
			);
		}
	}
}
