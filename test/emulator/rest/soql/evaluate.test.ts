import {test} from 'node:test';
import assert from 'node:assert/strict';
import {tokenize} from '../../../../source/emulator/rest/soql/lexer.js';
import {likeMatches} from '../../../../source/emulator/rest/soql/evaluate.js';

function like(pattern: string, text: string): boolean {
	const lexed = tokenize(`'${pattern}'`);
	assert.ok('tokens' in lexed);
	const [token] = lexed.tokens;
	assert.ok(token?.kind === 'string');
	return likeMatches(token.pattern, text);
}

test('LIKE: % is any run, _ one character, \\% and \\_ literal', () => {
	const cases: ReadonlyArray<[string, string, boolean]> = [
		['acme', 'acme', true],
		['acme', 'acme inc', false],
		['acme%', 'acme inc', true],
		['%inc', 'acme inc', true],
		['%me i%', 'acme inc', true],
		['a_me', 'acme', true],
		['a_me', 'ame', false],
		['%', '', true],
		['_', '', false],
		['%%%', 'x', true],
		['%a%b%c', 'xaxbxc', true],
		['%a%b%c', 'xaxcxb', false],
		[String.raw`50\%`, '50%', true],
		[String.raw`50\%`, '500', false],
		[String.raw`a\_b`, 'a_b', true],
		[String.raw`a\_b`, 'axb', false],
		['z_rich', 'zürich', true],
		['_😀_', 'a😀b', true],
		['a.c', 'abc', false],
		['(x)%', '(x)y', true],
	];
	for (const [pattern, text, expected] of cases)
		assert.equal(like(pattern, text), expected, `${pattern} ~ ${text}`);
});

test('LIKE has no exponential backtracking on hostile patterns', () => {
	const text = 'a'.repeat(5000);
	assert.equal(like(`${'%a'.repeat(30)}%b`, text), false);
	assert.equal(like(`${'%a'.repeat(30)}%`, text), true);
});
