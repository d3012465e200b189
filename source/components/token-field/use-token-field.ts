import {useInput, usePaste} from 'ink';
import {useEffect, useEffectEvent, useMemo, useRef, useState} from 'react';
import {inspectToken, type TokenInspection} from '../../core/token.js';
import {commandForKey, commandForPaste, type TokenFieldCommand} from './token-field-keys.js';

export type TokenFieldOptions = {
	readonly value: string;
	readonly onChange: (value: string) => void;
	readonly isActive: boolean;
	/** Controlled reveal; leave undefined to let the field keep its own (masked at first). */
	readonly revealed?: boolean;
	readonly onToggleReveal?: () => void;
	/**
	 * Told when edit mode starts and ends. While editing, the field owns Esc and Enter (they end
	 * editing), so a parent that acts on them should ignore them then.
	 */
	readonly onEditingChange?: (editing: boolean) => void;
};

export type TokenFieldController = {
	readonly inspection: TokenInspection;
	readonly editing: boolean;
	readonly revealed: boolean;
};

/** Removes the last code point, so Backspace never leaves half a surrogate pair behind. */
function withoutLastCharacter(value: string): string {
	const last = value.codePointAt(value.length - 2);
	return value.slice(0, last !== undefined && last > 0xff_ff ? -2 : -1);
}

/** State and keys of the token field: edit mode, reveal, paste, fix. */
export function useTokenField({
	value,
	onChange,
	isActive,
	revealed: controlledRevealed,
	onToggleReveal,
	onEditingChange,
}: TokenFieldOptions): TokenFieldController {
	const inspection = useMemo(() => inspectToken(value), [value]);
	const [editingState, setEditing] = useState(false);
	const [ownRevealed, setOwnRevealed] = useState(false);
	const revealed = controlledRevealed ?? ownRevealed;
	// Leaving the field (Tab) ends editing, so coming back starts with commands again.
	const [wasActive, setWasActive] = useState(isActive);
	if (wasActive !== isActive) {
		setWasActive(isActive);
		if (!isActive) setEditing(false);
	}
	const editing = editingState && isActive;

	// Several events can arrive in one stdin read (a paste split around a Backspace byte) before
	// the parent re-renders with the new value: each must build on the previous one.
	const latest = useRef(value);
	useEffect(() => {
		latest.current = value;
	}, [value]);

	const notifyEditing = useEffectEvent((next: boolean) => {
		onEditingChange?.(next);
	});
	useEffect(() => {
		notifyEditing(editing);
	}, [editing]);

	const change = (next: string) => {
		latest.current = next;
		onChange(next);
	};

	const run = (command: TokenFieldCommand) => {
		switch (command.type) {
			case 'replace': {
				change(command.value);
				break;
			}
			case 'append': {
				change(latest.current + command.text);
				if (command.startEditing) setEditing(true);
				break;
			}
			case 'delete-backward': {
				if (latest.current !== '') change(withoutLastCharacter(latest.current));
				break;
			}
			case 'fix': {
				const current = latest.current === value ? inspection : inspectToken(latest.current);
				if (current.fixable && !current.clean) change(current.fixed);
				break;
			}
			case 'toggle-reveal': {
				if (onToggleReveal) onToggleReveal();
				else setOwnRevealed((shown) => !shown);
				break;
			}
			case 'start-editing': {
				setEditing(true);
				break;
			}
			case 'stop-editing': {
				setEditing(false);
				break;
			}
			case 'none': {
				break;
			}
		}
	};

	const context = () => ({editing, empty: latest.current === ''});
	useInput(
		(input, key) => {
			run(commandForKey(input, key, context()));
		},
		{isActive},
	);
	usePaste(
		(text) => {
			run(commandForPaste(text, context()));
		},
		{isActive},
	);

	return {inspection, editing, revealed};
}
