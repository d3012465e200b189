import {useMemo, useReducer} from 'react';
import {textFieldReducer, textFieldState} from './text-field-state.js';
import type {TextFieldAction, TextFieldState} from './text-field-state.js';

/** A text field's state, owned by the screen that reads the value, plus its dispatch. */
export type TextFieldController = TextFieldState & {
	readonly dispatch: (action: TextFieldAction) => void;
};

export function useTextFieldState(initialValue = ''): TextFieldController {
	const [state, dispatch] = useReducer(textFieldReducer, initialValue, textFieldState);
	return useMemo(() => ({...state, dispatch}), [state]);
}
