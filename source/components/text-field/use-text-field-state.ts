import {useCallback, useMemo, useRef, useState} from 'react';
import {textFieldReducer, textFieldState} from './text-field-state.js';
import type {TextFieldAction, TextFieldState} from './text-field-state.js';

/** A text field's state, owned by the screen that reads the value, plus its dispatch. */
export type TextFieldController = TextFieldState & {
	readonly dispatch: (action: TextFieldAction) => void;
	/** The state after every key handled so far, rendered or not (for Enter handlers). */
	readonly current: () => TextFieldState;
};

/**
 * The reducer runs eagerly, outside React: Ink hands every key of one stdin chunk to the
 * handlers in a row, before React renders (a bracketed paste followed by "\r" is one chunk).
 * Each key must see the state the previous one left, and Enter must submit the value the
 * user sees, not the one of the last render.
 */
export function useTextFieldState(initialValue = ''): TextFieldController {
	const [state, setState] = useState(() => textFieldState(initialValue));
	const latest = useRef(state);
	const dispatch = useCallback((action: TextFieldAction) => {
		const next = textFieldReducer(latest.current, action);
		if (next === latest.current) return;
		latest.current = next;
		setState(next);
	}, []);
	const current = useCallback(() => latest.current, []);
	return useMemo(() => ({...state, dispatch, current}), [state, dispatch, current]);
}
