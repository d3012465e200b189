import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	bigCodeLines,
	bigCodeWidth,
	spacedCode,
} from '../../../source/screens/device-login/big-code.js';

test('a code is read aloud in groups of four', () => {
	assert.equal(spacedCode('X1D9SEET'), 'X1D9 SEET');
	assert.equal(spacedCode('ABCDEFGHIJ'), 'ABCD EFGH IJ');
	assert.equal(spacedCode(''), '');
});

test('big letters: three lines of half blocks, groups set apart, as wide as said', () => {
	const lines = bigCodeLines('X1D9SEET');
	assert.ok(lines);
	assert.equal(lines.length, 3);
	assert.equal(bigCodeWidth('X1D9SEET'), 40);
	assert.ok(lines.every((line) => [...line].length <= 40));
	assert.ok(lines.every((line) => /^[ ▀▄█]*$/u.test(line)));
	// X is "#..#" over "#..#": a full block at each side of the first cell.
	assert.equal(lines[0]?.slice(0, 4), '█  █');
});

test('every letter and digit has a glyph, and zero is not the letter O', () => {
	for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') {
		assert.ok(bigCodeLines(char), char);
	}

	assert.notDeepEqual(bigCodeLines('0'), bigCodeLines('O'));
	assert.deepEqual(bigCodeLines('x1'), bigCodeLines('X1'));
});

test('a character the font lacks leaves the plain code alone', () => {
	assert.equal(bigCodeLines('AB-CD'), undefined);
	assert.equal(bigCodeLines(''), undefined);
});
