// The request screen's editors given anything at all: the JSON body check and the header lines
// never throw, and a refusal always says where (line, and column for JSON) and what. Agreement of
// checkJson with JSON.parse is property-tested in test/core/json-lines.test.ts; not repeated here.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {checkJson} from '../../source/core/json-lines.js';
import {buildRequest, parseHeaderLines, requestMethods} from '../../source/core/request.js';
import {rawControl} from './helpers-bad-input.js';

const instance = 'https://acme.my.salesforce.com';

/** Text a person might paste: anything, broken JSON, and JSON with a few characters cut or changed. */
const typed = fc.oneof(
	fc.string({maxLength: 80}),
	fc.string({unit: 'binary', maxLength: 80}),
	fc.string({
		unit: fc.constantFrom(
			'{',
			'}',
			'[',
			']',
			'"',
			':',
			',',
			'\\',
			' ',
			'\n',
			'1',
			'e',
			'-',
			'.',
			'u',
			'n',
			't',
		),
		maxLength: 60,
	}),
	fc.tuple(fc.jsonValue({maxDepth: 4}), fc.nat(), fc.nat()).map(([value, from, length]) => {
		const text = JSON.stringify(value, null, 2);
		const start = from % (text.length + 1);
		return text.slice(0, start) + text.slice(start + (length % 4));
	}),
);

function lineCount(text: string): number {
	return text.split(/\r\n|\r|\n/u).length;
}

test('property: checkJson never throws; a refusal has a line and column inside the text and a printable message', () => {
	fc.assert(
		fc.property(typed, (text) => {
			const result = checkJson(text);
			if (result.ok) return;
			assert.ok(Number.isInteger(result.line) && result.line >= 1, JSON.stringify(result));
			assert.ok(result.line <= lineCount(text), JSON.stringify({text, result}));
			assert.ok(Number.isInteger(result.column) && result.column >= 1, JSON.stringify(result));
			assert.ok(result.message.trim() !== '', JSON.stringify(result));
			assert.doesNotMatch(result.message, rawControl, JSON.stringify(result));
		}),
		{numRuns: 500},
	);
});

test('property: header lines never throw; a refusal names its line, whatever was accepted can be sent', () => {
	const lines = fc.oneof(
		fc.string({maxLength: 80}),
		fc.string({unit: 'binary', maxLength: 80}),
		fc
			.tuple(
				fc.array(
					fc.tuple(
						fc.oneof(
							fc.string({maxLength: 12}),
							fc.constantFrom('Authorization', 'Host', 'X-A', 'content-length'),
						),
						fc.constantFrom(':', ': ', '', '::'),
						fc.oneof(fc.string({maxLength: 20}), fc.string({unit: 'binary', maxLength: 20})),
					),
					{maxLength: 5},
				),
				fc.constantFrom('\n', '\r\n'),
			)
			.map(([rows, separator]) => rows.map((row) => row.join('')).join(separator)),
	);
	fc.assert(
		fc.property(lines, (text) => {
			const result = parseHeaderLines(text);
			if (!result.ok) {
				assert.ok(
					result.line >= 1 && result.line <= lineCount(text),
					JSON.stringify({text, result}),
				);
				assert.ok(result.message.startsWith(`line ${result.line}: `), result.message);
				assert.doesNotMatch(result.message, rawControl);
				return;
			}

			for (const {name, value} of result.headers) {
				assert.match(name, /^[!#$%&'*+.^_`|~\dA-Za-z-]+$/u);
				assert.doesNotMatch(value, /[\u0000-\u0008\u000A-\u001F\u007F]|[^\u0000-\u00FF]/u);
				assert.ok(!['authorization', 'host', 'content-length'].includes(name.toLowerCase()));
			}
		}),
		{numRuns: 500},
	);
});

test('property: any draft is either a request to send or one problem in a named field', () => {
	const draft = fc.record({
		method: fc.constantFrom(...requestMethods),
		path: fc.oneof(fc.string({maxLength: 30}), fc.constant('/services/data/')),
		headers: fc.oneof(
			fc.constant(''),
			fc.string({maxLength: 30}),
			fc.constant('Content-Type: text/plain'),
		),
		body: typed,
	});
	fc.assert(
		fc.property(draft, (input) => {
			const result = buildRequest(input, instance);
			if (result.ok) {
				assert.ok(result.request.path.startsWith('/'));
				return;
			}

			const {problem} = result;
			assert.ok(['path', 'headers', 'body'].includes(problem.field));
			assert.ok(problem.message.trim() !== '');
			if (problem.field === 'body') {
				assert.ok(
					problem.line !== undefined && problem.column !== undefined,
					JSON.stringify(problem),
				);
				assert.match(
					problem.message,
					new RegExp(`line ${problem.line}, column ${problem.column}`, 'u'),
				);
			}
		}),
		{numRuns: 300},
	);
});

test('pathological bodies: deep nesting, a huge string, lone surrogates, NUL, a BOM, only whitespace', () => {
	const cases: Array<[string, boolean]> = [
		['['.repeat(100_000) + ']'.repeat(100_000), true],
		['['.repeat(100_000), false],
		['{"a":'.repeat(50_000), false],
		[`"${'x'.repeat(5_000_000)}"`, true],
		['"\uD800"', true],
		['{"a":"\u0000"}', false],
		['\uFEFF{}', false],
		['   \n\t ', false],
		['{"a":1}\u001B[2J', false],
		['1 2', false],
	];
	for (const [text, ok] of cases) {
		const result = checkJson(text);
		assert.equal(result.ok, ok, text.slice(0, 40));
		if (!result.ok) {
			assert.ok(result.line >= 1 && result.column >= 1);
			assert.doesNotMatch(result.message, rawControl, text.slice(0, 40));
		}
	}
});
