import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
	clampIndex,
	listWindow,
	moveIndex,
} from '../../../source/components/select-list/select-list-state.js';

test('moving wraps around both ends', () => {
	assert.equal(moveIndex(0, -1, 3), 2);
	assert.equal(moveIndex(2, 1, 3), 0);
	assert.equal(moveIndex(1, 1, 3), 2);
	assert.equal(moveIndex(0, 1, 0), 0);
});

test('an index past the end is pulled back to the last row', () => {
	assert.equal(clampIndex(7, 3), 2);
	assert.equal(clampIndex(-1, 3), 0);
	assert.equal(clampIndex(4, 0), 0);
});

test('a short list shows whole', () => {
	assert.deepEqual(listWindow(2, 4, 10), {start: 0, end: 4});
});

test('a long list shows a window around the highlighted row', () => {
	assert.deepEqual(listWindow(0, 10, 4), {start: 0, end: 4});
	assert.deepEqual(listWindow(5, 10, 4), {start: 3, end: 7});
	assert.deepEqual(listWindow(9, 10, 4), {start: 6, end: 10});
});

test('the window always holds the highlighted row and never more rows than allowed', () => {
	fc.assert(
		fc.property(
			fc.nat(50),
			fc.integer({min: 1, max: 50}),
			fc.integer({min: 1, max: 20}),
			(index, count, rows) => {
				const highlighted = clampIndex(index, count);
				const {start, end} = listWindow(index, count, rows);
				assert.ok(start <= highlighted && highlighted < end);
				assert.ok(end - start <= rows);
				assert.ok(start >= 0 && end <= count);
			},
		),
	);
});
