import {test} from 'node:test';
import assert from 'node:assert/strict';
import {fitKeyHints} from '../../../source/components/key-hints/fit-key-hints.js';

const hints = [
	{keys: '↑↓', label: 'move'},
	{keys: 'Enter', label: 'choose'},
	{keys: '?', label: 'help'},
	{keys: 'Ctrl+C', label: 'quit'},
];

test('all hints show when they fit', () => {
	// "↑↓ move · Enter choose · ? help · Ctrl+C quit" is 45 columns.
	assert.deepEqual(fitKeyHints(hints, 45), hints);
});

test('hints are dropped from the end, but the way out stays', () => {
	assert.deepEqual(
		fitKeyHints(hints, 44).map((hint) => hint.keys),
		['↑↓', 'Enter', 'Ctrl+C'],
	);
	assert.deepEqual(
		fitKeyHints(hints, 21).map((hint) => hint.keys),
		['↑↓', 'Ctrl+C'],
	);
	assert.deepEqual(
		fitKeyHints(hints, 5).map((hint) => hint.keys),
		['Ctrl+C'],
	);
});

test('no hints, no footer', () => {
	assert.deepEqual(fitKeyHints([], 80), []);
});
