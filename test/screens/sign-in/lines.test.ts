import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
	fitBlocks,
	paragraph,
	spacer,
	urlBlock,
	wrapText,
	type Block,
} from '../../../source/screens/sign-in/lines.js';

test('words wrap at spaces; a word longer than the line is cut where the line ends', () => {
	assert.deepEqual(wrapText('Only enter this code if you started', 12), [
		'Only enter',
		'this code if',
		'you started',
	]);
	assert.deepEqual(wrapText('see https://login.salesforce.com/setup/connect', 16), [
		'see',
		'https://login.sa',
		'lesforce.com/set',
		'up/connect',
	]);
	assert.deepEqual(wrapText('', 10), ['']);
});

test('wrapped lines are never wider than the width and lose no character but spaces', () => {
	fc.assert(
		fc.property(fc.string({maxLength: 200}), fc.integer({min: 1, max: 80}), (text, width) => {
			const lines = wrapText(text, width);
			assert.ok(lines.every((line) => [...line].length <= width));
			assert.equal(lines.join('').replaceAll(' ', ''), text.replaceAll(' ', ''));
		}),
	);
});

test('a URL block cuts the URL into pieces that each link to the whole URL', () => {
	const url = 'https://login.salesforce.com/setup/connect';
	const block = urlBlock('url', url, 20, {priority: 0});
	assert.deepEqual(
		block.lines.map((line) => line.text),
		['https://login.salesf', 'orce.com/setup/conne', 'ct'],
	);
	assert.ok(block.lines.every((line) => line.link === url));
});

const blocks: Block[] = [
	paragraph('code', 'X1D9 SEET', 40, {priority: 0}),
	spacer('a'),
	paragraph('note', 'a note that may go', 40, {priority: 5}),
	paragraph('status', 'waiting', 40, {priority: 1}),
	spacer('b'),
	paragraph('warning', 'only if you started it', 40, {priority: 1}),
];

test('everything is kept when it fits', () => {
	assert.deepEqual(
		fitBlocks(blocks, 10).map((line) => line.text),
		['X1D9 SEET', ' ', 'a note that may go', 'waiting', ' ', 'only if you started it'],
	);
});

test('spacers go first, then the least important blocks, never doubling or ending on a spacer', () => {
	assert.deepEqual(
		fitBlocks(blocks, 5).map((line) => line.text),
		['X1D9 SEET', ' ', 'a note that may go', 'waiting', 'only if you started it'],
	);
	assert.deepEqual(
		fitBlocks(blocks, 3).map((line) => line.text),
		['X1D9 SEET', 'waiting', 'only if you started it'],
	);
	assert.deepEqual(
		fitBlocks(blocks, 1).map((line) => line.text),
		['X1D9 SEET'],
	);
});

test('what must stay is cut at the bottom only when nothing else can go', () => {
	const big = [paragraph('must', 'one two three four', 5, {priority: 0})];
	assert.deepEqual(
		fitBlocks(big, 2).map((line) => line.text),
		['one', 'two'],
	);
	assert.deepEqual(fitBlocks(big, 0), []);
});
