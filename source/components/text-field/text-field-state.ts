/**
 * State of a single-line text field: the value and a cursor counted in code points (so an emoji
 * or an astral character is never split in half by the cursor or by Backspace).
 */
export type TextFieldState = {
	readonly value: string;
	readonly cursor: number;
};

export type TextFieldAction =
	| {readonly type: 'insert'; readonly text: string}
	| {readonly type: 'delete-backward'}
	| {readonly type: 'delete-forward'}
	| {readonly type: 'delete-word-backward'}
	| {readonly type: 'delete-to-start'}
	| {readonly type: 'delete-to-end'}
	| {readonly type: 'move'; readonly to: 'left' | 'right' | 'start' | 'end'}
	| {readonly type: 'replace'; readonly value: string};

export function textFieldState(value = ''): TextFieldState {
	return {value, cursor: [...value].length};
}

// Paste markers may only show up here if a terminal sends them without being asked to (Ink 8
// strips them when it parses a complete bracketed paste); they are never part of a value.
const pasteMarkers = /\u001B?\[20[01]~/g;
// A single-line field keeps no line breaks, tabs or other control characters: a pasted URL
// with a trailing newline must land as the URL alone.
const controlCharacters = /[\u0000-\u001F\u007F-\u009F]/g;

/** What of a typed or pasted chunk goes into the value: no paste markers, no line breaks. */
export function cleanInsertedText(text: string): string {
	return text.replace(pasteMarkers, '').replace(controlCharacters, '');
}

function splice(state: TextFieldState, from: number, to: number, insert = ''): TextFieldState {
	const chars = [...state.value];
	const inserted = [...insert];
	chars.splice(from, to - from, ...inserted);
	return {value: chars.join(''), cursor: from + inserted.length};
}

/** Start of the word before `cursor`, shell style: skip separators, then the word. */
function wordStart(chars: readonly string[], cursor: number): number {
	let index = cursor;
	const isSeparator = (char: string | undefined) => char === undefined || /[\s/.:?#&=-]/.test(char);
	while (index > 0 && isSeparator(chars[index - 1])) index--;
	while (index > 0 && !isSeparator(chars[index - 1])) index--;
	return index;
}

export function textFieldReducer(state: TextFieldState, action: TextFieldAction): TextFieldState {
	const length = [...state.value].length;
	// A cursor out of range (value replaced from outside) is pulled back before anything else.
	const cursor = Math.min(Math.max(state.cursor, 0), length);
	switch (action.type) {
		case 'insert': {
			const text = cleanInsertedText(action.text);
			return text === '' ? state : splice(state, cursor, cursor, text);
		}

		case 'delete-backward': {
			return cursor === 0 ? state : splice(state, cursor - 1, cursor);
		}

		case 'delete-forward': {
			return cursor === length ? state : splice(state, cursor, cursor + 1);
		}

		case 'delete-word-backward': {
			return cursor === 0 ? state : splice(state, wordStart([...state.value], cursor), cursor);
		}

		case 'delete-to-start': {
			return cursor === 0 ? state : splice(state, 0, cursor);
		}

		case 'delete-to-end': {
			return cursor === length ? state : splice(state, cursor, length);
		}

		case 'move': {
			const next =
				action.to === 'left'
					? Math.max(cursor - 1, 0)
					: action.to === 'right'
						? Math.min(cursor + 1, length)
						: action.to === 'start'
							? 0
							: length;
			return next === state.cursor ? state : {value: state.value, cursor: next};
		}

		case 'replace': {
			return textFieldState(cleanInsertedText(action.value));
		}
	}
}

/**
 * The part of the value that fits in `width` cells, scrolled so that the cursor is visible.
 * The cursor occupies one cell (at the end of the value it is a space). Clipped sides show `…`,
 * and the ellipsis never covers the cursor. Widths are counted in code points, which is exact
 * for URLs (ASCII); wider characters are caught by the view's truncation.
 */
export type VisibleField = {
	readonly clippedStart: boolean;
	readonly before: string;
	readonly atCursor: string;
	readonly after: string;
	readonly clippedEnd: boolean;
};

export function visibleField(state: TextFieldState, width: number): VisibleField {
	const chars = [...state.value];
	const cursor = Math.min(Math.max(state.cursor, 0), chars.length);
	const atCursor = chars[cursor] ?? ' ';
	// One cell more than the value: the cursor may sit after the last character.
	const total = chars.length + 1;
	// Too narrow for an ellipsis on each side of the cursor: show the cursor cell alone.
	if (width < 3 && total > width) {
		return {clippedStart: false, before: '', atCursor, after: '', clippedEnd: false};
	}

	const cells = width;
	let start = 0;
	if (total > cells) {
		// Keep one cell right of the cursor for a `…`, but never scroll past the end.
		start = Math.min(Math.max(cursor - (cells - 2), 0), total - cells);
	}

	const end = Math.min(start + cells, total);
	const clippedStart = start > 0;
	const clippedEnd = end < total;
	const firstShown = clippedStart ? start + 1 : start;
	const lastShown = clippedEnd ? end - 1 : end;
	return {
		clippedStart,
		before: chars.slice(firstShown, cursor).join(''),
		atCursor,
		after: chars.slice(cursor + 1, Math.min(lastShown, chars.length)).join(''),
		clippedEnd,
	};
}
