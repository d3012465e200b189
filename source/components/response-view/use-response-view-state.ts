import {useCallback, useRef, useState} from 'react';
import {
	initialViewState,
	responseViewReducer,
	type ResponseViewState,
	type ViewAction,
} from './response-view-state.js';

export type ResponseViewController = {
	readonly state: ResponseViewState;
	readonly dispatch: (action: ViewAction) => void;
	/** The state after every key handled so far, rendered or not. */
	readonly current: () => ResponseViewState;
};

/**
 * The viewer's state, reduced eagerly: Ink hands every key of one stdin chunk to the handlers
 * before React renders, so `/` followed at once by a pasted search must find the prompt open.
 */
export function useResponseViewState(): ResponseViewController {
	const [state, setState] = useState(initialViewState);
	const latest = useRef(state);
	const dispatch = useCallback((action: ViewAction) => {
		const next = responseViewReducer(latest.current, action);
		if (next === latest.current) return;
		latest.current = next;
		setState(next);
	}, []);
	const current = useCallback(() => latest.current, []);
	return {state, dispatch, current};
}
