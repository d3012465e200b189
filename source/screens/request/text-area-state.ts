/**
 * A small multi-line editor's state, for the headers and the JSON body: the text and a cursor
 * counted in code points. Pastes keep their line breaks (a body is pasted whole); other control
 * characters are dropped, a tab becomes two spaces.
 */
export type TextAreaState = {
	readonly value: string;
	/** Code points before the cursor. */
	readonly cursor: number;
};

export type TextAreaAction =
	| {readonly type: 'insert'; readonly text: string}
	| {readonly type: 'delete-backward'}
	| {readonly type: 'delete-forward'}
	| {readonly type: 'move'; readonly to: 'left' | 'right' | 'up' | 'down' | 'home' | 'end'}
	| {readonly type: 'replace'; readonly value: string};

export function textAreaState(value = ''): TextAreaState {
	const clean = cleanText(value);
	return {value: clean, cursor: [...clean].length};
}

const pasteMarkers = /\u001B?\[20[01]~/gu;

/** Line breaks normalised to `\n`, tabs to two spaces, other controls dropped. */
export function cleanText(text: string): string {
	return text
		.replace(pasteMarkers, '')
		.replaceAll(/\r\n?/gu, '\n')
		.replaceAll('\t', '  ')
		.replaceAll(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/gu, '');
}

/** The cursor as a line and a column (both 0-based, in code points). */
export function cursorPosition(state: TextAreaState): {line: number; column: number} {
	const before = [...state.value].slice(0, state.cursor);
	let line = 0;
	let column = 0;
	for (const char of before) {
		if (char === '\n') {
			line++;
			column = 0;
		} else {
			column++;
		}
	}

	return {line, column};
}

function offsetOf(lines: readonly string[], line: number, column: number): number {
	let offset = 0;
	for (let index = 0; index < line; index++) offset += [...(lines[index] ?? '')].length + 1;
	return offset + Math.min(column, [...(lines[line] ?? '')].length);
}

export function textAreaReducer(state: TextAreaState, action: TextAreaAction): TextAreaState {
	const chars = [...state.value];
	const cursor = Math.min(Math.max(state.cursor, 0), chars.length);
	switch (action.type) {
		case 'insert': {
			const inserted = [...cleanText(action.text)];
			if (inserted.length === 0) return state;
			chars.splice(cursor, 0, ...inserted);
			return {value: chars.join(''), cursor: cursor + inserted.length};
		}

		case 'delete-backward': {
			if (cursor === 0) return state;
			chars.splice(cursor - 1, 1);
			return {value: chars.join(''), cursor: cursor - 1};
		}

		case 'delete-forward': {
			if (cursor === chars.length) return state;
			chars.splice(cursor, 1);
			return {value: chars.join(''), cursor};
		}

		case 'move': {
			const lines = state.value.split('\n');
			const {line, column} = cursorPosition({value: state.value, cursor});
			let next = cursor;
			switch (action.to) {
				case 'left': {
					next = Math.max(0, cursor - 1);
					break;
				}

				case 'right': {
					next = Math.min(chars.length, cursor + 1);
					break;
				}

				case 'up': {
					next = line === 0 ? 0 : offsetOf(lines, line - 1, column);
					break;
				}

				case 'down': {
					next = line >= lines.length - 1 ? chars.length : offsetOf(lines, line + 1, column);
					break;
				}

				case 'home': {
					next = offsetOf(lines, line, 0);
					break;
				}

				case 'end': {
					next = offsetOf(lines, line, Number.MAX_SAFE_INTEGER);
					break;
				}
			}

			return next === state.cursor ? state : {value: state.value, cursor: next};
		}

		case 'replace': {
			return textAreaState(action.value);
		}
	}
}
