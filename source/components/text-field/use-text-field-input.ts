import {useInput, usePaste} from 'ink';
import type {TextFieldAction, TextFieldState} from './text-field-state.js';

/*
 * What Ink 8 delivers for a paste (read from ink/build/input-parser.js, parse-keypress.js,
 * hooks/use-input.js, hooks/use-paste.js and components/App.js):
 *
 * - Without bracketed paste, a paste is ONE stdin chunk and reaches useInput as ONE `input`
 *   string. The parser only splits out Backspace (0x7F, 0x08), Ctrl+C (0x03) and escape
 *   sequences; `\r`, `\n` and `\t` stay inside the string. A chunk like
 *   "https://acme.lightning.force.com/\r" is therefore not Enter: `key.return` is true only
 *   when the whole chunk is exactly "\r". The line break would be inserted as text, so every
 *   insert goes through cleanInsertedText, which drops line breaks and control characters.
 *   A trailing line break does not submit: the user sees the derivation first, then presses
 *   Enter.
 * - With bracketed paste ("\u001b[200~…\u001b[201~" in one or several chunks) the parser
 *   strips the markers and emits the content as one paste event: to usePaste listeners when
 *   there are any, otherwise to useInput as plain input. usePaste also turns the terminal's
 *   bracketed paste mode on while it is active, so real pastes take that channel, and a
 *   pasted line break can never look like Enter. Markers never reach either handler.
 * - A lone "\n" (Ctrl+J, or an Enter key some terminals send as LF) parses as key name
 *   'enter' with `key.return` false; it is treated as Enter here.
 * - Ink 7+ reports the physical Backspace key as `key.backspace`; `key.delete` is the
 *   forward-delete key.
 * - Ctrl+letter arrives as the bare letter with `key.ctrl`, so Ctrl combinations must never be
 *   inserted as text.
 *
 * Tab, Esc, Ctrl+C, ↑↓ and Page keys are left alone: every useInput handler sees every key, so
 * "passing to the parent" means this hook does nothing with them.
 */

export type TextFieldInputOptions = {
	readonly isActive: boolean;
	readonly dispatch: (action: TextFieldAction) => void;
	readonly current: () => TextFieldState;
	readonly onSubmit?: (value: string) => void;
};

export function useTextFieldInput({
	isActive,
	dispatch,
	current,
	onSubmit,
}: TextFieldInputOptions): void {
	useInput(
		(input, key) => {
			if (key.return || input === '\n') {
				onSubmit?.(current().value);
				return;
			}

			if (key.leftArrow) dispatch({type: 'move', to: 'left'});
			else if (key.rightArrow) dispatch({type: 'move', to: 'right'});
			else if (key.home) dispatch({type: 'move', to: 'start'});
			else if (key.end) dispatch({type: 'move', to: 'end'});
			else if (key.backspace) {
				dispatch({type: key.meta ? 'delete-word-backward' : 'delete-backward'});
			} else if (key.delete) dispatch({type: 'delete-forward'});
			else if (key.ctrl) handleControlKey(input, dispatch);
			else if (
				key.escape ||
				key.tab ||
				key.upArrow ||
				key.downArrow ||
				key.pageUp ||
				key.pageDown ||
				key.meta
			) {
				// Not ours: parents handle them (Esc back, Tab focus, lists).
			} else {
				dispatch({type: 'insert', text: input});
			}
		},
		{isActive},
	);

	usePaste(
		(text) => {
			dispatch({type: 'insert', text});
		},
		{isActive},
	);
}

/** Readline keys users expect in any terminal field; other Ctrl keys are ignored. */
function handleControlKey(input: string, dispatch: (action: TextFieldAction) => void): void {
	switch (input) {
		case 'a': {
			dispatch({type: 'move', to: 'start'});
			break;
		}

		case 'e': {
			dispatch({type: 'move', to: 'end'});
			break;
		}

		case 'u': {
			dispatch({type: 'delete-to-start'});
			break;
		}

		case 'k': {
			dispatch({type: 'delete-to-end'});
			break;
		}

		case 'w': {
			dispatch({type: 'delete-word-backward'});
			break;
		}

		default: {
			break;
		}
	}
}
