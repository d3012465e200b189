import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {quoted, terminalSafeJson} from '../../source/core/terminal-json.js';

test('quoted escapes C0, DEL, C1 and the line separators visibly', () => {
	assert.equal(quoted('a\u0007b'), String.raw`"a\u0007b"`);
	assert.equal(quoted('x\u007F\u009B2J\u2028'), String.raw`"x\u007f\u009b2J\u2028"`);
	assert.equal(quoted('plain é'), '"plain é"');
});

test('property: terminalSafeJson is the same JSON value, with no raw control character', () => {
	fc.assert(
		fc.property(fc.jsonValue(), fc.string({unit: 'binary'}), (value, text) => {
			for (const input of [value, text]) {
				const safe = terminalSafeJson(input);
				assert.deepEqual(JSON.parse(safe), JSON.parse(JSON.stringify(input)));
				assert.doesNotMatch(safe, /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/u);
			}
		}),
	);
});
