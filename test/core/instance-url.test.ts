import assert from 'node:assert/strict';
import {test} from 'node:test';
import {safeInstanceUrl} from '../../source/core/instance-url.js';

const cases: ReadonlyArray<{input: string; expected: string | undefined; why: string}> = [
	{
		input: 'https://acme.my.salesforce.com',
		expected: 'https://acme.my.salesforce.com',
		why: 'https',
	},
	{
		input: 'https://acme.my.salesforce.com/services/data',
		expected: 'https://acme.my.salesforce.com',
		why: 'path dropped',
	},
	{input: 'http://127.0.0.1:8080/x', expected: 'http://127.0.0.1:8080', why: 'emulator'},
	{input: 'http://localhost:1717', expected: 'http://localhost:1717', why: 'emulator by name'},
	{input: 'http://acme.my.salesforce.com', expected: undefined, why: 'plain http elsewhere'},
	{input: 'https://user:pw@acme.my.salesforce.com', expected: undefined, why: 'credentials in URL'},
	{input: 'ftp://127.0.0.1', expected: undefined, why: 'other scheme'},
	{input: 'not a url', expected: undefined, why: 'not a URL'},
	{input: '', expected: undefined, why: 'empty'},
];

for (const {input, expected, why} of cases) {
	test(`safeInstanceUrl: ${why}`, () => {
		assert.equal(safeInstanceUrl(input), expected);
	});
}
