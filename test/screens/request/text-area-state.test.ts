import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	cleanText,
	cursorPosition,
	textAreaReducer,
	textAreaState,
	type TextAreaAction,
} from '../../../source/screens/request/text-area-state.js';

function run(initial: string, ...actions: TextAreaAction[]) {
	return actions.reduce(textAreaReducer, textAreaState(initial));
}

test('a pasted body keeps its line breaks (CRLF and CR become LF), tabs become spaces, controls go', () => {
	assert.equal(cleanText('{\r\n\t"a": 1\r}\u0007\u001B[201~'), '{\n  "a": 1\n}');
	const pasted = run('', {type: 'insert', text: '{\r\n"a": 1\r\n}'});
	assert.deepEqual(pasted, {value: '{\n"a": 1\n}', cursor: 10});
});

test('Enter inserts a line break at the cursor; Backspace and Delete remove one code point', () => {
	const state = run('ab', {type: 'move', to: 'left'}, {type: 'insert', text: '\n'});
	assert.deepEqual(state, {value: 'a\nb', cursor: 2});
	assert.deepEqual(textAreaReducer(state, {type: 'delete-backward'}), {value: 'ab', cursor: 1});
	assert.deepEqual(textAreaReducer(state, {type: 'delete-forward'}), {value: 'a\n', cursor: 2});
	assert.deepEqual(run('a😀', {type: 'delete-backward'}), {value: 'a', cursor: 1});
	const start = run('ab', {type: 'move', to: 'home'});
	assert.equal(textAreaReducer(start, {type: 'delete-backward'}), start);
});

test('up and down keep the column where the line is long enough; home and end stay on the line', () => {
	const state = run('{\n  "lastName": "Ng"\n}');
	assert.deepEqual(cursorPosition(state), {line: 2, column: 1});
	const up = textAreaReducer(state, {type: 'move', to: 'up'});
	assert.deepEqual(cursorPosition(up), {line: 1, column: 1});
	const end = textAreaReducer(up, {type: 'move', to: 'end'});
	assert.deepEqual(cursorPosition(end), {line: 1, column: 18});
	const top = textAreaReducer(end, {type: 'move', to: 'up'});
	assert.deepEqual(cursorPosition(top), {line: 0, column: 1});
	assert.deepEqual(cursorPosition(textAreaReducer(top, {type: 'move', to: 'up'})), {
		line: 0,
		column: 0,
	});
	const home = textAreaReducer(end, {type: 'move', to: 'home'});
	assert.deepEqual(cursorPosition(home), {line: 1, column: 0});
	const down = textAreaReducer(textAreaReducer(home, {type: 'move', to: 'down'}), {
		type: 'move',
		to: 'down',
	});
	assert.deepEqual(cursorPosition(down), {line: 2, column: 1});
});

test('replace puts the cursor at the end of the new text', () => {
	assert.deepEqual(run('x', {type: 'replace', value: 'a\r\nb'}), {value: 'a\nb', cursor: 3});
});
