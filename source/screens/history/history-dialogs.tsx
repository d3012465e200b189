// The small questions the history screen asks: which org to re-run against, yes or no, which
// export, where to write it. Each one is its own component so that it starts fresh when it opens.
import {Box, Text, useInput} from 'ink';
import {useMemo} from 'react';
import {isEntryOrg, type HistoryEntry} from '../../core/history-entry.js';
import {printable} from '../../core/history-format.js';
import {SelectList} from '../../components/select-list/select-list.js';
import type {SelectItem} from '../../components/select-list/select-list-state.js';
import {useSelectListState} from '../../components/select-list/use-select-list-state.js';
import {TextField} from '../../components/text-field/text-field.js';
import {useTextFieldState} from '../../components/text-field/use-text-field-state.js';
import type {SavedOrg} from '../../store/orgs.js';

function kindOf(org: SavedOrg): string {
	return org.sandbox === true ? 'sandbox' : 'production';
}

export type OrgChoiceProps = {
	readonly entry: HistoryEntry;
	readonly orgs: readonly SavedOrg[];
	readonly isActive: boolean;
	readonly maxRows: number;
	readonly onChoose: (org: SavedOrg) => void;
};

/** The saved orgs to re-run an entry against, its own org first. */
export function OrgChoice({entry, orgs, isActive, maxRows, onChoose}: OrgChoiceProps) {
	const items = useMemo<Array<SelectItem<SavedOrg>>>(() => {
		const same = orgs.filter((org) => isEntryOrg(entry, org));
		const others = orgs.filter((org) => !isEntryOrg(entry, org));
		return [...same, ...others].map((org) => ({
			key: org.alias,
			label: `${isEntryOrg(entry, org) ? 'Same org: ' : ''}${printable(org.alias)}`,
			detail: `${printable(org.username)} · ${kindOf(org)}`,
			value: org,
		}));
	}, [entry, orgs]);
	const list = useSelectListState(items);
	return (
		<Box flexDirection="column">
			<Text wrap="truncate-end">{`Re-run ${entry.method} ${printable(entry.path)} against:`}</Text>
			{orgs.some((org) => isEntryOrg(entry, org)) ? null : (
				<Text dimColor wrap="truncate-end">
					{`Not logged in to ${printable(entry.org.alias)} (${printable(entry.org.username)}) any more.`}
				</Text>
			)}
			<SelectList
				list={list}
				isActive={isActive}
				maxRows={Math.max(maxRows - 2, 2)}
				onChoose={(item) => {
					onChoose(item.value);
				}}
			/>
		</Box>
	);
}

export type ConfirmProps = {
	/** The question, ending in what `y` does. */
	readonly question: string;
	readonly warning?: boolean;
	readonly isActive: boolean;
	readonly onAnswer: (yes: boolean) => void;
};

/** A yes/no question: `y` says yes; `n`, Esc (and Enter, so a stray key never confirms) say no. */
export function Confirm({question, warning = false, isActive, onAnswer}: ConfirmProps) {
	useInput(
		(input, key) => {
			if (input === 'y' || input === 'Y') onAnswer(true);
			else if (input === 'n' || input === 'N' || key.escape || key.return) onAnswer(false);
		},
		{isActive},
	);
	return (
		<Text color={warning ? 'yellow' : undefined} wrap="wrap">
			{question} <Text bold>y</Text>/<Text bold>n</Text>
		</Text>
	);
}

export type Choice<V> = {readonly label: string; readonly detail?: string; readonly value: V};

export type ChoiceListProps<V> = {
	readonly title: string;
	readonly choices: ReadonlyArray<Choice<V>>;
	readonly isActive: boolean;
	readonly onChoose: (value: V) => void;
};

/** A short titled menu (export format, what to export). */
export function ChoiceList<V>({title, choices, isActive, onChoose}: ChoiceListProps<V>) {
	const items = useMemo(
		() =>
			choices.map((choice) => ({
				key: choice.label,
				label: choice.label,
				...(choice.detail === undefined ? {} : {detail: choice.detail}),
				value: choice.value,
			})),
		[choices],
	);
	const list = useSelectListState(items);
	return (
		<Box flexDirection="column">
			<Text>{title}</Text>
			<SelectList
				list={list}
				isActive={isActive}
				maxRows={items.length}
				onChoose={(item) => {
					onChoose(item.value);
				}}
			/>
		</Box>
	);
}

export type PathPromptProps = {
	readonly directory: string;
	readonly initial: string;
	readonly width: number;
	readonly isActive: boolean;
	readonly onSubmit: (path: string) => void;
};

/** Where to write an export: a file name in the current directory, or any path typed. */
export function PathPrompt({directory, initial, width, isActive, onSubmit}: PathPromptProps) {
	const field = useTextFieldState(initial);
	return (
		<Box flexDirection="column">
			<Text wrap="truncate-end">{`Write to (relative to ${printable(directory)}):`}</Text>
			<Box>
				<Text color="cyan">{'› '}</Text>
				<TextField
					field={field}
					width={Math.max(width - 2, 1)}
					isActive={isActive}
					onSubmit={(value) => {
						if (value.trim() !== '') onSubmit(value.trim());
					}}
				/>
			</Box>
		</Box>
	);
}
