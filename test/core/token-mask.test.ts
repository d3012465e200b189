import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {maskToken} from '../../source/core/token-mask.js';

const secret =
	'AR8AQJXg5oZ.d3R1bmQgdGhpcyBpcyBub3QgYSByZWFsIHRva2VuIGJ1dCBpdCBsb29rcyBsaWtlIG9uZQ_Qz4f';
const session = `00D5g000004XyZa!${secret}`;

const cases: Array<[string, string, string]> = [
	['a session id keeps the org id and the last 4', session, '00D5g000004XyZa!…Qz4f'],
	[
		'an 18-character org id prefix is kept too',
		`00D5g000004XyZaEAK!${secret}`,
		'00D5g000004XyZaEAK!…Qz4f',
	],
	[
		'a session id with a short secret shows no part of it',
		'00D5g000004XyZa!abc',
		'00D5g000004XyZa!…',
	],
	[
		'a JWT keeps its first 6 and last 4',
		'eyJraWQiOiIyMTAiLCJ0eXAiOiJKV1QifQ.eyJzdWIiOiIwMDU1ZzAwMDAwIn0.c2lnbmF0dXJlLXBhcnQtaGVyZQ',
		'eyJraW…VyZQ',
	],
	['a refresh token keeps its first and last 4', `5Aep861${'x'.repeat(76)}WxYz`, '5Aep…WxYz'],
	['a short token is masked whole', 'abc123', '••••••••'],
	['an empty token is masked whole', '', '••••••••'],
	['a token with a line break is masked whole', `${session}\n`, '••••••••'],
	['an escape sequence is never echoed', `\u001B[2J${session}`, '••••••••'],
	['non-ASCII look-alikes are masked whole', session.replace('A', 'А'), '••••••••'],
];

for (const [name, input, expected] of cases) {
	test(`maskToken: ${name}`, () => {
		assert.equal(maskToken(input), expected);
	});
}

test('maskToken: never throws, never shows more than a quarter of a secret, never a control character', () => {
	fc.assert(
		fc.property(fc.string({maxLength: 300}), (input) => {
			const masked = maskToken(input);
			assert.doesNotMatch(masked, /[\u0000-\u001F\u007F-\u009F]/u);
			const visible = masked.replaceAll(/[…•]/gu, '');
			const prefix = /^00D\w{12,15}!/u.exec(visible)?.[0] ?? '';
			assert.ok((visible.length - prefix.length) * 4 <= Math.max(input.length - prefix.length, 0));
		}),
	);
});

test('maskToken: the masked form of a real-shaped session id never contains its secret part', () => {
	fc.assert(
		fc.property(fc.stringMatching(/^[A-Za-z\d._]{40,120}$/u), (part) => {
			const masked = maskToken(`00D5g000004XyZa!${part}`);
			assert.ok(!masked.includes(part.slice(0, -4)));
			assert.ok(masked.endsWith(part.slice(-4)));
		}),
	);
});
