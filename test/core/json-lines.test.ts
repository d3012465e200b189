import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
	checkJson,
	describeSalesforceErrors,
	formatBody,
	formatBodyNow,
	highlightMatches,
	markedSoql,
	prettyText,
	printableLine,
	readSalesforceErrors,
	unwrapJsonString,
	type BodyLines,
	type Segment,
} from '../../source/core/json-lines.js';

const all = {from: 0, width: Number.MAX_SAFE_INTEGER};

function text(segments: readonly Segment[]): string {
	return segments.map((segment) => segment.text).join('');
}

function lines(body: BodyLines): string[] {
	return Array.from({length: body.lineCount}, (_, index) => text(body.line(index, all)));
}

// Nothing a terminal acts on: C0/C1 controls, DEL, bidi and invisible format characters.
const unsafe =
	/[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB]/u;

test('compact JSON is drawn exactly as JSON.stringify(value, null, 2)', () => {
	const value = {a: [1, 2, {b: null, c: [], d: {}}], e: 'x', f: -1.5e3, g: true, h: [[]]};
	const body = formatBodyNow(JSON.stringify(value));
	assert.equal(body.kind, 'json');
	assert.equal(prettyText(body), JSON.stringify(value, null, 2));
});

test('keys, strings, numbers, literals and punctuation get their own styles', () => {
	const body = formatBodyNow('{"n":1,"s":"x","t":true}');
	assert.deepEqual(body.line(1, all), [
		{text: '  ', style: 'punctuation'},
		{text: '"n"', style: 'key'},
		{text: ': ', style: 'punctuation'},
		{text: '1', style: 'number'},
		{text: ',', style: 'punctuation'},
	]);
	assert.deepEqual(
		body.line(2, all).find((segment) => segment.style === 'string'),
		{text: '"x"', style: 'string'},
	);
	assert.deepEqual(
		body.line(3, all).find((segment) => segment.style === 'literal'),
		{text: 'true', style: 'literal'},
	);
});

test('a string in an array is a value, not a key', () => {
	const body = formatBodyNow('["a",{"k":"v"}]');
	assert.equal(body.line(1, all).find((segment) => segment.text === '"a"')?.style, 'string');
	assert.equal(body.line(3, all).find((segment) => segment.text === '"k"')?.style, 'key');
});

test('only the visible columns are drawn: a window into a long line', () => {
	const body = formatBodyNow(JSON.stringify({key: 'x'.repeat(100_000)}));
	const window = text(body.line(1, {from: 4, width: 10}));
	assert.equal(window, 'ey": "xxxx');
	assert.equal(text(body.line(1, {from: 0, width: 0})), '');
});

test('query answers: totalSize, done, nextRecordsUrl and the number of records', () => {
	const body = formatBodyNow(
		JSON.stringify({
			totalSize: 4500,
			done: false,
			nextRecordsUrl: '/services/data/v66.0/query/01gXX-2000',
			records: [{Id: '1', nested: [{x: 1}]}, {Id: '2'}, []],
		}),
	);
	assert.deepEqual(body.query, {
		totalSize: 4500,
		done: false,
		nextRecordsUrl: '/services/data/v66.0/query/01gXX-2000',
		records: 3,
	});
	assert.deepEqual(formatBodyNow('{"records":[]}').query, {records: 0});
	assert.deepEqual(formatBodyNow('[{"records":[1]}]').query, {});
});

test('a body that is not JSON is shown as text lines, saying where the JSON broke', () => {
	const body = formatBodyNow('{"a": 1,\n "b": }', {contentType: 'application/json'});
	assert.equal(body.kind, 'text');
	assert.deepEqual(body.syntaxError, {
		line: 2,
		column: 7,
		message: "Expected a value (a trailing comma, or ',,'?)",
	});
	assert.deepEqual(lines(body), ['{"a": 1,', ' "b": }']);
	const html = formatBodyNow('<html>\r\n<title>Hi</title>\r\n</html>\n', {
		contentType: 'text/html',
	});
	assert.equal(html.kind, 'text');
	assert.equal(html.syntaxError, undefined);
	assert.deepEqual(lines(html), ['<html>', '<title>Hi</title>', '</html>']);
	assert.equal(formatBodyNow('').lineCount, 0);
});

test('hostile bodies: escape sequences, BEL, OSC and bidi overrides become visible glyphs', () => {
	const hostile = 'ok\u001b[2J\u001b]52;c;ZXZpbA==\u0007\u009b31m\u202Eevil\u0000\ttab';
	const plain = formatBodyNow(hostile, {contentType: 'text/plain'});
	const drawn = lines(plain).join('\n');
	for (const line of lines(plain)) assert.doesNotMatch(line, unsafe);
	assert.equal(drawn, 'ok␛[2J␛]52;c;ZXZpbA==␇⟨U+009B⟩31m⟨U+202E⟩evil␀  tab');
	assert.ok(plain.line(0, all).some((segment) => segment.style === 'escape'));

	// JSON can hold C1, bidi and invisible characters (even a lone surrogate) raw in strings, and
	// controls as escapes.
	const raw = '{"k\u009b":"a\\u001b]0;x\\u0007b\u202E\u200Bc\uD800"}';
	const json = formatBodyNow(raw);
	assert.equal(json.kind, 'json');
	for (const line of lines(json)) assert.doesNotMatch(line, unsafe);
	const jsonDrawn = lines(json).join('\n');
	assert.equal(jsonDrawn, '{\n  "k\\u009B": "a\\u001b]0;x\\u0007b\\u202E\\u200Bc\\uD800"\n}');
	// Still the same JSON value, escapes instead of raw characters.
	assert.deepEqual(JSON.parse(jsonDrawn), JSON.parse(raw));
	const escapes = json.line(1, all).filter((segment) => segment.style === 'escape');
	assert.deepEqual(
		escapes.map((segment) => segment.text),
		['\\u009B', '\\u001b', '\\u0007', '\\u202E\\u200B', '\\uD800'],
	);
});

test('printableLine: one safe line from server text', () => {
	assert.equal(printableLine('a\nb\tc\u001b[31m\u200Fd'), 'a b c␛[31m⟨U+200F⟩d');
	assert.equal(printableLine('plain'), 'plain');
});

test('big bodies are indexed in steps, and the lines indexed so far can be drawn meanwhile', () => {
	const value = {
		records: Array.from({length: 2000}, (_, index) => ({Id: index, Name: `n${index}`})),
	};
	const body = formatBody(JSON.stringify(value));
	assert.equal(body.lineCount, 0);
	assert.equal(body.advance(5000), false);
	assert.ok(body.lineCount > 100, `${body.lineCount} lines`);
	assert.ok(body.progress > 0 && body.progress < 1, `progress ${body.progress}`);
	assert.equal(text(body.line(0, all)), '{');
	let steps = 1;
	while (!body.advance(5000)) steps++;
	assert.ok(steps > 5);
	assert.equal(body.progress, 1);
	assert.equal(prettyText(body), JSON.stringify(value, null, 2));
});

test('search finds the next and previous line holding the text, smart case', () => {
	const body = formatBodyNow(JSON.stringify({a: 'Acme', b: 'x', c: 'acme', d: 'ACME'}));
	// Lines: 0 {, 1 a, 2 b, 3 c, 4 d, 5 }
	assert.equal(body.find('acme', 0, 1), 1);
	assert.equal(body.find('acme', 1, 1), 3);
	assert.equal(body.find('acme', 3, 1), 4);
	assert.equal(body.find('acme', 4, 1), undefined);
	assert.equal(body.find('Acme', 1, 1), undefined);
	assert.equal(body.find('acme', 4, -1), 3);
	assert.equal(body.find('acme', 1, -1), undefined);
	assert.equal(body.find('', 0, 1), undefined);
	assert.equal(body.find('a.c', 0, 1), undefined);
});

test('search in JSON finds what the screen shows, whatever the blanks in the raw body', () => {
	const body = formatBodyNow('{"done":false,"records":[ {"Name" :"Ada Lovelace"} ]}');
	assert.equal(body.find('"done": false', -1, 1), 1);
	assert.equal(body.find('"name": "ada', -1, 1), 4);
	assert.equal(body.find('{"Name"', -1, 1), 3);
	assert.equal(body.find('ada  lovelace', -1, 1), undefined);
	const text = formatBodyNow('done: false', {contentType: 'text/plain'});
	assert.equal(text.find('done:false', -1, 1), undefined);
});

test('search backwards crosses its growing windows on a big body', () => {
	const value = {first: 'needle', filler: 'x'.repeat(300_000), last: 'end'};
	const body = formatBodyNow(JSON.stringify(value));
	assert.equal(body.find('needle', 3, -1), 1);
});

test('highlight splits segments around the matches, keeping the other styles', () => {
	const segments: Segment[] = [
		{text: '"name"', style: 'key'},
		{text: ': ', style: 'punctuation'},
		{text: '"Nam"', style: 'string'},
	];
	assert.deepEqual(highlightMatches(segments, 'nam'), [
		{text: '"', style: 'key'},
		{text: 'nam', style: 'match'},
		{text: 'e"', style: 'key'},
		{text: ': ', style: 'punctuation'},
		{text: '"', style: 'string'},
		{text: 'Nam', style: 'match'},
		{text: '"', style: 'string'},
	]);
	assert.deepEqual(highlightMatches(segments, 'e": "'), [
		{text: '"nam', style: 'key'},
		{text: 'e"', style: 'match'},
		{text: ': ', style: 'match'},
		{text: '"', style: 'match'},
		{text: 'Nam"', style: 'string'},
	]);
	assert.deepEqual(highlightMatches(segments, ''), segments);
});

test('checkJson: line and column of the first mistake', () => {
	const cases: Array<[string, number, number, RegExp]> = [
		['{"a":1,}', 1, 8, /trailing comma/],
		['{\n  "a": 1\n  "b": 2\n}', 3, 3, /Expected ',' or '}'/],
		['[1,2,,]', 1, 6, /where a value belongs/],
		['{"a":tru}', 1, 6, /Expected true/],
		['"abc', 1, 5, /Unterminated string/],
		['{"a":"x\ty"}', 1, 8, /A tab inside a string: write it as \\t/],
		['{} x', 1, 4, /after the JSON value/],
		['01', 1, 2, /in a number/],
		['', 1, 1, /No JSON value/],
		['{"a":\n', 2, 1, /cut off/],
		['{"a" 1}', 1, 6, /Expected ':'/],
		["{'a':1}", 1, 2, /double-quoted property name/],
		['["\\x"]', 1, 3, /Bad escape/],
		['["\\u12G4"]', 1, 3, /4 hex digits/],
		['[-]', 1, 3, /digit after '-'/],
		['[1e]', 1, 4, /exponent/],
	];
	for (const [input, line, column, message] of cases) {
		const result = checkJson(input);
		assert.equal(result.ok, false, input);
		if (result.ok) continue;
		assert.deepEqual([result.line, result.column], [line, column], input);
		assert.match(result.message, message, input);
	}

	assert.deepEqual(checkJson(' {"a": [1, 2.5e-3, "\\u00e9\\n"]} '), {ok: true});
});

test('unwrap: a JSON string holding JSON, as Apex JSON.serialize returns it', () => {
	assert.equal(unwrapJsonString('"{\\"id\\":1}"'), '{"id":1}');
	assert.equal(unwrapJsonString('  "[1,2]"\n'), '[1,2]');
	assert.equal(unwrapJsonString('"just text"'), undefined);
	assert.equal(unwrapJsonString('"{not json"'), undefined);
	assert.equal(unwrapJsonString('{"a":1}'), undefined);
	assert.equal(unwrapJsonString('"unterminated'), undefined);
	assert.equal(formatBodyNow('"{\\"id\\":1}"').topLevelString, true);
	assert.equal(formatBodyNow('{"a":"b"}').topLevelString, false);
});

test('Salesforce error arrays become readable lines; the SOQL marker is kept apart', () => {
	const body = JSON.stringify([
		{
			errorCode: 'INVALID_FIELD',
			message:
				"\nSELECT Nme FROM Account\n       ^\nERROR at Row:1:Column:8\nNo such column 'Nme' on entity 'Account'.",
		},
		{
			errorCode: 'REQUIRED_FIELD_MISSING',
			message: 'Required fields are missing: [LastName]',
			fields: ['LastName'],
		},
	]);
	const errors = readSalesforceErrors(body);
	assert.ok(errors);
	assert.deepEqual(describeSalesforceErrors(errors), [
		"INVALID_FIELD: No such column 'Nme' on entity 'Account'.",
		'REQUIRED_FIELD_MISSING: Required fields are missing: [LastName] [LastName]',
	]);
	const first = errors[0];
	assert.ok(first);
	assert.deepEqual(markedSoql(first), {
		query: 'SELECT Nme FROM Account',
		caret: '       ^',
		row: 1,
		column: 8,
		reason: "No such column 'Nme' on entity 'Account'.",
	});
	assert.equal(markedSoql(errors[1] ?? first), undefined);
});

test('error arrays: anything else is not one, and messages cannot carry escape sequences', () => {
	for (const other of [
		'[]',
		'[1]',
		'[{"message":"x"}]',
		'{"errorCode":"X","message":"y"}',
		'[{',
		'text',
	]) {
		assert.equal(readSalesforceErrors(other), undefined, other);
	}

	const errors = readSalesforceErrors('[{"errorCode":"X\\u001b[2J","message":"a\\u0007b"}]');
	assert.deepEqual(errors, [{errorCode: 'X␛[2J', lines: ['a␇b'], fields: []}]);
});

test('property: any JSON value, compact or indented, is drawn as JSON.stringify(value, null, 2)', () => {
	// ASCII strings without controls: the drawn form keeps escapes as written, which for these
	// is what JSON.stringify writes.
	const value = fc
		.jsonValue({maxDepth: 4})
		.map((json) => JSON.parse(JSON.stringify(json)) as unknown);
	fc.assert(
		fc.property(value, fc.constantFrom(undefined, 1, 4, '\t'), (json, indent) => {
			const raw = JSON.stringify(json, null, indent);
			if (/[^\u0020-\u007E\n\t]/u.test(raw)) return;
			const body = formatBodyNow(raw, {contentType: 'application/json'});
			assert.equal(body.kind, 'json');
			assert.equal(prettyText(body), JSON.stringify(json, null, 2));
		}),
	);
});

test('property: checkJson agrees with JSON.parse, and no drawn line holds an unsafe character', () => {
	const input = fc.oneof(
		fc.string({maxLength: 40}),
		fc.jsonValue({maxDepth: 3}).map((json) => JSON.stringify(json)),
		fc.string({unit: 'binary', maxLength: 40}).map((value) => JSON.stringify({value})),
	);
	fc.assert(
		fc.property(input, (raw) => {
			let parses = true;
			try {
				JSON.parse(raw);
			} catch {
				parses = false;
			}

			assert.equal(checkJson(raw).ok, parses, raw);
			const body = formatBodyNow(raw);
			for (const line of lines(body)) assert.doesNotMatch(line, unsafe, raw);
		}),
	);
});
