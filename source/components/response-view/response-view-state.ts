/**
 * What the response viewer remembers between keys: where it is scrolled, what it shows (the body
 * or the headers, the body as sent or unwrapped), the search and a one-line message. Scrolling is
 * O(1): the reducer only moves numbers; the view draws the lines that end up visible.
 */
export type ViewMode = 'body' | 'headers';

export type ResponseViewState = {
	/** First visible line. */
	readonly top: number;
	/** First visible column (horizontal scroll). */
	readonly left: number;
	readonly mode: ViewMode;
	/** Show the JSON held in a top-level JSON string instead of the string. */
	readonly unwrapped: boolean;
	/** The last search, highlighted and repeated by n / N. */
	readonly query: string;
	/** The line of the last match; n / N go on from it until the view is scrolled. */
	readonly match: number | undefined;
	/** The search being typed after `/`; undefined when not typing one. */
	readonly draft: string | undefined;
	readonly message: string | undefined;
};

export const initialViewState: ResponseViewState = {
	top: 0,
	left: 0,
	mode: 'body',
	unwrapped: false,
	query: '',
	match: undefined,
	draft: undefined,
	message: undefined,
};

export type ViewAction =
	/** `max` is the last line that may be at the top (lines − height). */
	| {readonly type: 'scroll'; readonly by: number; readonly max: number}
	| {readonly type: 'scroll-to'; readonly line: number; readonly max: number}
	/** A search hit: scrolled to (as far as the end allows) and remembered for n / N. */
	| {
			readonly type: 'found';
			readonly line: number;
			readonly max: number;
			readonly message: string | undefined;
	  }
	| {readonly type: 'pan'; readonly by: number}
	| {readonly type: 'toggle-headers'}
	| {readonly type: 'toggle-unwrap'}
	| {readonly type: 'search-start'}
	| {readonly type: 'search-type'; readonly text: string}
	| {readonly type: 'search-backspace'}
	| {readonly type: 'search-cancel'}
	/** Enter in the search prompt: the draft becomes the query. */
	| {readonly type: 'search-commit'}
	| {readonly type: 'message'; readonly text: string | undefined};

function clamp(value: number, max: number): number {
	return Math.min(Math.max(value, 0), Math.max(max, 0));
}

export function responseViewReducer(
	state: ResponseViewState,
	action: ViewAction,
): ResponseViewState {
	switch (action.type) {
		case 'scroll': {
			const top = clamp(state.top + action.by, action.max);
			if (top === state.top && state.message === undefined) return state;
			return {...state, top, message: undefined, match: undefined};
		}

		case 'scroll-to': {
			return {...state, top: clamp(action.line, action.max), match: undefined};
		}

		case 'found': {
			return {
				...state,
				top: clamp(action.line, action.max),
				match: action.line,
				message: action.message,
			};
		}

		case 'pan': {
			const left = Math.max(0, state.left + action.by);
			return left === state.left ? state : {...state, left};
		}

		case 'toggle-headers': {
			return {
				...state,
				mode: state.mode === 'body' ? 'headers' : 'body',
				top: 0,
				left: 0,
				match: undefined,
				message: undefined,
			};
		}

		case 'toggle-unwrap': {
			return {
				...state,
				unwrapped: !state.unwrapped,
				top: 0,
				left: 0,
				match: undefined,
				message: undefined,
			};
		}

		case 'search-start': {
			return {...state, draft: '', message: undefined};
		}

		case 'search-type': {
			// A search is one line: pasted line breaks and other controls do not belong in it.
			const text = action.text.replaceAll(/[\u0000-\u001F\u007F-\u009F]/gu, '');
			return state.draft === undefined || text === ''
				? state
				: {...state, draft: state.draft + text};
		}

		case 'search-backspace': {
			if (state.draft === undefined) return state;
			return {...state, draft: [...state.draft].slice(0, -1).join('')};
		}

		case 'search-cancel': {
			return {...state, draft: undefined};
		}

		case 'search-commit': {
			const {draft} = state;
			if (draft === undefined) return state;
			return {...state, draft: undefined, query: draft === '' ? state.query : draft};
		}

		case 'message': {
			return action.text === state.message ? state : {...state, message: action.text};
		}
	}
}
