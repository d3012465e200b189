import {useInput, usePaste} from 'ink';
import {useCallback, useMemo, useRef, useState} from 'react';
import {
	textAreaReducer,
	textAreaState,
	type TextAreaAction,
	type TextAreaState,
} from './text-area-state.js';

export type TextAreaController = TextAreaState & {
	readonly dispatch: (action: TextAreaAction) => void;
	/** The state after every key so far, rendered or not. */
	readonly current: () => TextAreaState;
};

/** The editor's state, reduced eagerly (keys of one stdin read each see the previous one's result). */
export function useTextAreaState(initial = ''): TextAreaController {
	const [state, setState] = useState(() => textAreaState(initial));
	const latest = useRef(state);
	const dispatch = useCallback((action: TextAreaAction) => {
		const next = textAreaReducer(latest.current, action);
		if (next === latest.current) return;
		latest.current = next;
		setState(next);
	}, []);
	const current = useCallback(() => latest.current, []);
	return useMemo(() => ({...state, dispatch, current}), [state, dispatch, current]);
}

/**
 * Keys of the editor: typing, Enter for a new line, arrows, Home/End, Backspace/Delete, pastes
 * whole. Tab, Esc and Ctrl keys are left to the screen (focus, back, send).
 */
export function useTextAreaInput(area: TextAreaController, isActive: boolean): void {
	const {dispatch} = area;
	useInput(
		(input, key) => {
			if (key.eventType === 'release') return;
			if (key.return || input === '\n') dispatch({type: 'insert', text: '\n'});
			else if (key.leftArrow) dispatch({type: 'move', to: 'left'});
			else if (key.rightArrow) dispatch({type: 'move', to: 'right'});
			else if (key.upArrow) dispatch({type: 'move', to: 'up'});
			else if (key.downArrow) dispatch({type: 'move', to: 'down'});
			else if (key.home) dispatch({type: 'move', to: 'home'});
			else if (key.end) dispatch({type: 'move', to: 'end'});
			else if (key.backspace) dispatch({type: 'delete-backward'});
			else if (key.delete) dispatch({type: 'delete-forward'});
			else if (!(key.ctrl || key.meta || key.escape || key.tab || key.pageUp || key.pageDown)) {
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
