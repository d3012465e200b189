import {test} from 'node:test';
import assert from 'node:assert/strict';
import {makeId15, makeId18, to18} from '../../source/emulator/ids.js';

test('to18 matches ids published by Salesforce', () => {
	// Pairs from Salesforce's own documentation and the wire reference (SALESFORCE.md §4.4).
	assert.equal(to18('00DD00000008Uw2'), '00DD00000008Uw2MAE');
	assert.equal(to18('005D0000001cAGm'), '005D0000001cAGmIAM');
});

test('makeId15 keeps the key prefix and is 15 characters long', () => {
	const id = makeId15('001', 123_456);
	assert.equal(id.length, 15);
	assert.ok(id.startsWith('001'));
	assert.notEqual(makeId15('001', 1), makeId15('001', 2));
});

test('makeId18 is makeId15 plus the case suffix', () => {
	const id = makeId18('003', 42);
	assert.equal(id.length, 18);
	assert.equal(id.slice(0, 15), makeId15('003', 42));
});

test('to18 rejects ids of the wrong length', () => {
	assert.throws(() => to18('001'), /15-character/);
});
