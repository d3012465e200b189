import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {tokenize} from '../../../../source/emulator/rest/soql/lexer.js';
import {parseSoql} from '../../../../source/emulator/rest/soql/parser.js';
import type {Query} from '../../../../source/emulator/rest/soql/ast.js';

function parsed(soql: string): Query {
	const result = parseSoql(soql);
	if ('error' in result) assert.fail(`${soql}: ${result.error.message}`);
	return result.query;
}

function malformed(soql: string): {errorCode: string; offset: number; message: string} {
	const result = parseSoql(soql);
	if (!('error' in result)) assert.fail(`expected MALFORMED_QUERY for ${soql}`);
	assert.equal(result.error.errorCode, 'MALFORMED_QUERY', soql);
	return result.error;
}

test('select list, object and clauses, keywords in any case', () => {
	const query = parsed(
		"select Id, name, Account.Name FrOm contact WHERE Name = 'x' order BY Name desc nulls first, Id LIMIT 10 offset 5",
	);
	assert.deepEqual(
		query.select.map((item) => (item.kind === 'field' ? item.name.text : item.kind)),
		['Id', 'name', 'Account.Name'],
	);
	assert.deepEqual(query.from, {text: 'contact', offset: 35});
	assert.deepEqual(
		query.orderBy.map((item) => [item.name.text, item.descending, item.nullsLast]),
		[
			['Name', true, false],
			['Id', false, false],
		],
	);
	assert.equal(query.limit?.value, 10);
	assert.equal(query.offset?.value, 5);
});

test('DESC puts nulls last unless NULLS FIRST, ASC first unless NULLS LAST', () => {
	const query = parsed(
		'SELECT Id FROM Account ORDER BY Name DESC, Phone ASC, Type NULLS LAST, Rating DESC NULLS FIRST',
	);
	assert.deepEqual(
		query.orderBy.map((item) => item.nullsLast),
		[true, false, true, false],
	);
});

test('conditions: comparisons, LIKE, IN, NOT IN, NOT, parentheses', () => {
	const query = parsed(
		"SELECT Id FROM Account WHERE (Name LIKE 'A%' OR Name != null) AND NumberOfEmployees >= 10 AND Industry NOT IN ('Banking', 'Retail') AND NOT IsDeleted = true AND CreatedDate < 2024-01-01T00:00:00Z",
	);
	assert.equal(query.where?.kind, 'and');
	if (query.where?.kind !== 'and') return;
	assert.deepEqual(
		query.where.operands.map((operand) => operand.kind),
		['or', 'compare', 'in', 'not', 'compare'],
	);
	const last = query.where.operands[4];
	assert.ok(last?.kind === 'compare' && last.value.kind === 'datetime');
	assert.equal(last.value.value, Date.UTC(2024, 0, 1));
});

test('every comparison operator, <> as !=', () => {
	for (const [text, operator] of [
		['=', '='],
		['!=', '!='],
		['<>', '!='],
		['<', '<'],
		['<=', '<='],
		['>', '>'],
		['>=', '>='],
	] as const) {
		const where = parsed(`SELECT Id FROM Account WHERE NumberOfEmployees ${text} 5`).where;
		assert.ok(where?.kind === 'compare');
		assert.equal(where.operator, operator, text);
	}
});

test('literals: strings with escapes, numbers, booleans, null, datetimes with offsets', () => {
	const values = (soql: string) => {
		const where = parsed(soql).where;
		assert.ok(where?.kind === 'in');
		return where.values.map((value) => ('value' in value ? value.value : value.kind));
	};
	assert.deepEqual(
		values(
			String.raw`SELECT Id FROM Account WHERE Name IN ('O\'Brien', 'a\\b', 'tab\there', 'new\nline', 'q\"')`,
		),
		["O'Brien", 'a\\b', 'tab\there', 'new\nline', 'q"'],
	);
	assert.deepEqual(
		values('SELECT Id FROM Account WHERE AnnualRevenue IN (12, -3.5, +4, .5)'),
		[12, -3.5, 4, 0.5],
	);
	assert.deepEqual(values('SELECT Id FROM Account WHERE IsDeleted IN (TRUE, false, NULL)'), [
		true,
		false,
		'null',
	]);
	assert.deepEqual(
		values(
			'SELECT Id FROM Account WHERE CreatedDate IN (2024-03-05T10:15:30.000+01:00, 2024-03-05T10:15:30Z)',
		),
		[Date.UTC(2024, 2, 5, 9, 15, 30), Date.UTC(2024, 2, 5, 10, 15, 30)],
	);
});

test('LIKE patterns keep \\% and \\_ literal', () => {
	const lexed = tokenize(String.raw`'50\%_off%'`);
	assert.ok('tokens' in lexed);
	const [token] = lexed.tokens;
	assert.ok(token?.kind === 'string');
	assert.equal(token.value, '50%_off%');
	assert.deepEqual(token.pattern, [
		{character: '5'},
		{character: '0'},
		{character: '%'},
		'one',
		{character: 'o'},
		{character: 'f'},
		{character: 'f'},
		'any',
	]);
});

test('COUNT(), COUNT(field) with alias, FIELDS(ALL|STANDARD)', () => {
	assert.deepEqual(parsed('SELECT COUNT() FROM Account').select, [{kind: 'count', offset: 7}]);
	assert.deepEqual(parsed('SELECT count(Id) total FROM Account').select, [
		{kind: 'count', offset: 7, field: {text: 'Id', offset: 13}, alias: 'total'},
	]);
	assert.deepEqual(parsed('SELECT FIELDS(all) FROM Account LIMIT 200').select, [
		{kind: 'fields', which: 'ALL', offset: 7},
	]);
	assert.deepEqual(parsed('SELECT Name, FIELDS(STANDARD) FROM Account').select[1], {
		kind: 'fields',
		which: 'STANDARD',
		offset: 13,
	});
});

test('field and object names that are not keywords parse even when odd (resolution rejects them later)', () => {
	assert.equal(parsed('SELECT Foo__c, Bar.Baz.Qux FROM Nope__c').from.text, 'Nope__c');
});

const malformedCases: ReadonlyArray<[string, number, string]> = [
	['', 0, "unexpected token: '<EOF>'"],
	['q', 0, "unexpected token: 'q'"],
	['SELECT', 6, "unexpected token: '<EOF>'"],
	['SELECT FROM Account', 7, "unexpected token: 'FROM'"],
	['SELECT Id, FROM Account', 11, "unexpected token: 'FROM'"],
	['SELECT Id Account', 10, "unexpected token: 'Account'"],
	['SELECT Id FROM', 14, "unexpected token: '<EOF>'"],
	['SELECT Id FROM Account WHERE', 28, "unexpected token: '<EOF>'"],
	["SELECT Id FROM Account WHER Name = 'x'", 23, "unexpected token: 'WHER'"],
	["SELECT Id FROM Account WHERE Name == 'x'", 35, "unexpected token: '='"],
	['SELECT Id FROM Account WHERE Name = Bob', 36, "unexpected token: 'Bob'"],
	[
		"SELECT Id FROM Account WHERE Name = 'a' AND Type = 'b' OR Id = null",
		55,
		"unexpected token: 'OR'",
	],
	['SELECT Id FROM Account WHERE Name IN ()', 38, "unexpected token: ')'"],
	["SELECT Id FROM Account WHERE (Name = 'a'", 40, "unexpected token: '<EOF>'"],
	["SELECT Id FROM Account WHERE Name NOT LIKE 'a'", 38, "unexpected token: 'LIKE'"],
	['SELECT Id FROM Account LIMIT', 28, "unexpected token: '<EOF>'"],
	['SELECT Id FROM Account LIMIT 1.5', 29, "unexpected token: '1.5'"],
	['SELECT Id FROM Account LIMIT -1', 29, "unexpected token: '-1'"],
	['SELECT Id FROM Account ORDER Name', 29, "unexpected token: 'Name'"],
	['SELECT Id FROM Account ORDER BY Name NULLS', 42, "unexpected token: '<EOF>'"],
	['SELECT Id FROM Account GROUP BY Name', 23, "unexpected token: 'GROUP'"],
	['SELECT Id FROM Account LIMIT 5 extra', 31, "unexpected token: 'extra'"],
	['SELECT Id FROM Account USING SCOPE Everything', 23, "unexpected token: 'USING'"],
	['SELECT Id FROM Account WHERE Name # 1', 34, "unexpected token: '#'"],
	['SELECT Id, (SELECT Id FROM Contacts) FROM Account', 11, "unexpected token: '('"],
	['SELECT FIELDS(CUSTOM) FROM Account', 14, "unexpected token: 'CUSTOM'"],
	['SELECT Name alias FROM Account', 12, "unexpected token: 'alias'"],
	["SELECT Id FROM Account WHERE Name = 'open", 41, "mismatched character '<EOF>' expecting '''"],
	[
		'SELECT Id FROM Account WHERE CreatedDate > 2024-02-30T00:00:00Z',
		43,
		"unexpected token: '2024-02-30T00:00:00Z'",
	],
];

test('malformed queries name the unexpected token and its position', () => {
	for (const [soql, offset, message] of malformedCases) {
		assert.deepEqual(malformed(soql), {errorCode: 'MALFORMED_QUERY', offset, message}, soql);
	}
});

test('an illegal escape names the literal', () => {
	assert.equal(
		malformed(String.raw`SELECT Id FROM Account WHERE Name = 'a\qb'`).message,
		String.raw`Invalid string literal ''a\qb''. Illegal character sequence '\q' in string literal.`,
	);
});

test('runaway nesting is refused, not a stack overflow', () => {
	const deep = `SELECT Id FROM Account WHERE ${'NOT '.repeat(5000)}Name = 'x'`;
	assert.match(malformed(deep).message, /^unexpected token/);
	const parens = `SELECT Id FROM Account WHERE ${'('.repeat(5000)}Name = 'x'${')'.repeat(5000)}`;
	assert.match(malformed(parens).message, /^unexpected token/);
});

const vocabulary = [
	'SELECT',
	'FROM',
	'WHERE',
	'AND',
	'OR',
	'NOT',
	'ORDER',
	'BY',
	'ASC',
	'DESC',
	'NULLS',
	'FIRST',
	'LAST',
	'LIMIT',
	'OFFSET',
	'LIKE',
	'IN',
	'COUNT',
	'FIELDS',
	'ALL',
	'Id',
	'Name',
	'Account',
	'Account.Name',
	'Contact',
	',',
	'(',
	')',
	'=',
	'!=',
	'<',
	'>=',
	"'x'",
	"'%a_'",
	'5',
	'-2.5',
	'true',
	'null',
	'2024-01-01T00:00:00Z',
	'2024-01-01',
	"'unterminated",
	'\\',
	'#',
];

test('property: the parser returns a value for any input, never throws', () => {
	fc.assert(
		fc.property(fc.string({unit: 'binary', maxLength: 200}), (text) => {
			const result = parseSoql(text);
			assert.ok('query' in result || result.error.errorCode === 'MALFORMED_QUERY');
		}),
		{numRuns: 2000},
	);
	fc.assert(
		fc.property(fc.array(fc.constantFrom(...vocabulary), {maxLength: 25}), (words) => {
			const result = parseSoql(words.join(' '));
			if ('error' in result) {
				assert.ok(result.error.offset >= 0 && result.error.offset <= words.join(' ').length);
			}
		}),
		{numRuns: 3000},
	);
});
