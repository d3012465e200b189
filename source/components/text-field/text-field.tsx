import {Text} from 'ink';
import {visibleField} from './text-field-state.js';
import type {TextFieldController} from './use-text-field-state.js';
import {useTextFieldInput} from './use-text-field-input.js';

export type TextFieldProps = {
	readonly field: TextFieldController;
	/** Cells available for the value, cursor included. */
	readonly width: number;
	readonly isActive: boolean;
	readonly placeholder?: string;
	/** Enter, with the value as it is after every key so far. */
	readonly onSubmit?: (value: string) => void;
};

/**
 * Single-line text input. The state lives in the screen (useTextFieldState) so the screen can
 * derive things from the value on every keystroke; this component draws it and handles keys.
 */
export function TextField({field, width, isActive, placeholder, onSubmit}: TextFieldProps) {
	useTextFieldInput({isActive, dispatch: field.dispatch, current: field.current, onSubmit});

	if (field.value === '' && placeholder !== undefined) {
		return (
			<Text wrap="truncate-end">
				{isActive ? <Text inverse>{placeholder.slice(0, 1)}</Text> : placeholder.slice(0, 1)}
				<Text dimColor>{placeholder.slice(1, Math.max(width, 1))}</Text>
			</Text>
		);
	}

	const shown = visibleField(field, width);
	return (
		<Text wrap="truncate-end">
			{shown.clippedStart ? <Text dimColor>…</Text> : ''}
			{shown.before}
			{isActive ? <Text inverse>{shown.atCursor}</Text> : shown.atCursor}
			{shown.after}
			{shown.clippedEnd ? <Text dimColor>…</Text> : ''}
		</Text>
	);
}
