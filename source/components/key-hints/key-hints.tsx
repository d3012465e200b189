import {Text} from 'ink';
import {Fragment} from 'react';
import {fitKeyHints, keyHintSeparator} from './fit-key-hints.js';
import type {KeyHint} from './fit-key-hints.js';

export type KeyHintsProps = {
	readonly hints: readonly KeyHint[];
	readonly width: number;
};

/** The footer line: the keys that work right now, as many as fit. */
export function KeyHints({hints, width}: KeyHintsProps) {
	const shown = fitKeyHints(hints, width);
	return (
		<Text wrap="truncate-end">
			{shown.map((hint, index) => (
				<Fragment key={`${hint.keys} ${hint.label}`}>
					{index > 0 ? <Text dimColor>{keyHintSeparator}</Text> : ''}
					<Text bold>{hint.keys}</Text>
					<Text dimColor>{` ${hint.label}`}</Text>
				</Fragment>
			))}
		</Text>
	);
}
