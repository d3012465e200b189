import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
	cleanInsertedText,
	textFieldReducer,
	textFieldState,
	visibleField,
} from '../../../source/components/text-field/text-field-state.js';
import type {
	TextFieldAction,
	TextFieldState,
} from '../../../source/components/text-field/text-field-state.js';

const run = (state: TextFieldState, ...actions: TextFieldAction[]) =>
	actions.reduce(textFieldReducer, state);

test('inserting puts text at the cursor and moves the cursor past it', () => {
	const state = run(
		textFieldState('acme.com'),
		{type: 'move', to: 'start'},
		{type: 'insert', text: 'https://'},
	);
	assert.deepEqual(state, {value: 'https://acme.com', cursor: 8});
});

test('pasted line breaks, tabs and paste markers never reach the value', () => {
	const cases: Array<[string, string]> = [
		['https://acme.lightning.force.com/\n', 'https://acme.lightning.force.com/'],
		['https://acme.lightning.force.com/\r\n', 'https://acme.lightning.force.com/'],
		['\u001B[200~https://acme.my.salesforce.com\u001B[201~', 'https://acme.my.salesforce.com'],
		['[200~https://acme.my.salesforce.com[201~\r', 'https://acme.my.salesforce.com'],
		['a\tb\u0000c\u007Fd', 'abcd'],
	];
	for (const [input, expected] of cases) {
		assert.equal(cleanInsertedText(input), expected, JSON.stringify(input));
		assert.equal(run(textFieldState(), {type: 'insert', text: input}).value, expected);
	}
});

test('an insert that cleans to nothing leaves the state as it was', () => {
	const state = textFieldState('abc');
	assert.equal(textFieldReducer(state, {type: 'insert', text: '\r\n'}), state);
});

test('the cursor counts code points, so Backspace removes a whole emoji', () => {
	const state = run(textFieldState('a😀'), {type: 'delete-backward'});
	assert.deepEqual(state, {value: 'a', cursor: 1});
});

test('deleting backward and forward around the cursor', () => {
	const start = run(textFieldState('abcd'), {type: 'move', to: 'left'}, {type: 'move', to: 'left'});
	assert.deepEqual(run(start, {type: 'delete-backward'}), {value: 'acd', cursor: 1});
	assert.deepEqual(run(start, {type: 'delete-forward'}), {value: 'abd', cursor: 2});
	assert.deepEqual(run(start, {type: 'delete-to-start'}), {value: 'cd', cursor: 0});
	assert.deepEqual(run(start, {type: 'delete-to-end'}), {value: 'ab', cursor: 2});
});

test('deleting at the edges changes nothing', () => {
	const empty = textFieldState();
	assert.equal(textFieldReducer(empty, {type: 'delete-backward'}), empty);
	const atEnd = textFieldState('ab');
	assert.equal(textFieldReducer(atEnd, {type: 'delete-forward'}), atEnd);
	assert.equal(textFieldReducer(atEnd, {type: 'move', to: 'right'}), atEnd);
});

test('deleting a word stops at URL separators', () => {
	const state = textFieldState('https://acme.lightning');
	assert.equal(run(state, {type: 'delete-word-backward'}).value, 'https://acme.');
	assert.equal(
		run(state, {type: 'delete-word-backward'}, {type: 'delete-word-backward'}).value,
		'https://',
	);
});

test('moving to start and end', () => {
	const state = textFieldState('abc');
	assert.equal(run(state, {type: 'move', to: 'start'}).cursor, 0);
	assert.equal(run(state, {type: 'move', to: 'start'}, {type: 'move', to: 'end'}).cursor, 3);
	assert.equal(run(state, {type: 'move', to: 'start'}, {type: 'move', to: 'left'}).cursor, 0);
});

test('replace sets a cleaned value with the cursor at its end', () => {
	assert.deepEqual(run(textFieldState('old'), {type: 'replace', value: 'new\n'}), {
		value: 'new',
		cursor: 3,
	});
});

test('a short value shows whole, with the cursor after it', () => {
	assert.deepEqual(visibleField(textFieldState('abc'), 10), {
		clippedStart: false,
		before: 'abc',
		atCursor: ' ',
		after: '',
		clippedEnd: false,
	});
});

test('a long value scrolls to show the cursor at its end', () => {
	const shown = visibleField(textFieldState('https://acme.lightning.force.com'), 12);
	assert.equal(shown.clippedStart, true);
	assert.equal(shown.clippedEnd, false);
	assert.equal(`…${shown.before}${shown.atCursor}`, '….force.com ');
});

test('a long value with the cursor at the start shows the beginning', () => {
	const state = run(textFieldState('https://acme.lightning.force.com'), {
		type: 'move',
		to: 'start',
	});
	const shown = visibleField(state, 12);
	assert.equal(shown.clippedStart, false);
	assert.equal(shown.clippedEnd, true);
	assert.equal(`${shown.atCursor}${shown.after}…`, 'https://acm…');
});

const cellsOf = (shown: ReturnType<typeof visibleField>) =>
	(shown.clippedStart ? 1 : 0) +
	[...shown.before].length +
	1 +
	[...shown.after].length +
	(shown.clippedEnd ? 1 : 0);

test('the visible part never exceeds the width and always shows the cursor', () => {
	fc.assert(
		fc.property(
			fc.string({unit: 'grapheme-ascii', maxLength: 80}),
			fc.nat(),
			fc.integer({min: 1, max: 60}),
			(value, cursorSeed, width) => {
				const length = [...value].length;
				const cursor = cursorSeed % (length + 1);
				const shown = visibleField({value, cursor}, width);
				assert.ok(cellsOf(shown) <= Math.max(width, 1));
				assert.equal(shown.atCursor, [...value][cursor] ?? ' ');
				// The text just before the cursor is what the value has there.
				assert.ok([...value].slice(0, cursor).join('').endsWith(shown.before));
				if (length + 1 <= width) {
					const atCursor = cursor < length ? shown.atCursor : '';
					assert.equal(shown.before + atCursor + shown.after, value);
				}
			},
		),
		{numRuns: 2000},
	);
});
