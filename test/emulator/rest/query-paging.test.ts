import {test} from 'node:test';
import assert from 'node:assert/strict';
import {call, createApi, expectError, otherContext, query, v, type QueryBody} from './helpers.js';
import type {RestApi} from '../../../source/emulator/rest/index.js';

function follow(api: RestApi, first: QueryBody, headers: Record<string, string> = {}): QueryBody[] {
	const batches = [first];
	let current = first;
	while (!current.done) {
		assert.ok(current.nextRecordsUrl);
		const next = call(api, current.nextRecordsUrl, {headers});
		assert.equal(next.status, 200, next.body);
		current = next.json as QueryBody;
		batches.push(current);
		assert.ok(batches.length < 100, 'paging never ends');
	}
	return batches;
}

test('2500 Accounts come in a 2000 batch and a 500 batch, no duplicates, nothing lost', () => {
	const api = createApi(2500);
	const first = query(api, 'SELECT Id, Name FROM Account').json as QueryBody;
	assert.equal(first.totalSize, 2500);
	assert.equal(first.done, false);
	assert.match(
		first.nextRecordsUrl ?? '',
		/^\/services\/data\/v66\.0\/query\/01g[A-Za-z\d]{15}-2000$/,
	);
	assert.deepEqual(Object.keys(first), ['totalSize', 'done', 'nextRecordsUrl', 'records']);
	const batches = follow(api, first);
	assert.deepEqual(
		batches.map((batch) => [batch.records.length, batch.totalSize, batch.done]),
		[
			[2000, 2500, false],
			[500, 2500, true],
		],
	);
	assert.equal(batches[1]?.nextRecordsUrl, undefined);
	const ids = batches.flatMap((batch) => batch.records.map((record) => String(record['Id'])));
	assert.equal(new Set(ids).size, 2500);
	const direct = (query(api, 'SELECT Id FROM Account LIMIT 2000 OFFSET 500').json as QueryBody)
		.records;
	assert.deepEqual(
		ids.slice(500, 2500),
		direct.map((record) => record['Id']),
	);
});

test('Contacts (about two per Account) page through with the batch size the client asks for', () => {
	const api = createApi(2500);
	const headers = {'sforce-query-options': 'batchSize=700'};
	const first = query(
		api,
		"SELECT Id, Account.Name FROM Contact WHERE Name LIKE '%a%' ORDER BY Name",
		{headers},
	).json as QueryBody;
	const batches = follow(api, first, headers);
	assert.ok(first.totalSize > 2000);
	assert.ok(batches.slice(0, -1).every((batch) => batch.records.length === 700));
	const ids = batches.flatMap((batch) => batch.records.map((record) => String(record['Id'])));
	assert.equal(ids.length, first.totalSize);
	assert.equal(new Set(ids).size, ids.length);
	// Batch sizes are clamped to 200–2000, as Salesforce does.
	const small = query(api, 'SELECT Id FROM Account', {
		headers: {'sforce-query-options': 'batchSize=10'},
	}).json as QueryBody;
	assert.equal(small.records.length, 200);
	const large = query(api, 'SELECT Id FROM Account', {
		headers: {'sforce-query-options': 'batchSize=5000'},
	}).json as QueryBody;
	assert.equal(large.records.length, 2000);
});

test('queryAll pages under its own resource name', () => {
	const api = createApi(2100);
	const first = call(api, `${v}/queryAll?q=${encodeURIComponent('SELECT Id FROM Account')}`)
		.json as QueryBody;
	assert.match(first.nextRecordsUrl ?? '', /^\/services\/data\/v66\.0\/queryAll\/01g/);
	assert.equal(follow(api, first).at(-1)?.records.length, 100);
});

test('unknown, malformed and exhausted locators are INVALID_QUERY_LOCATOR', () => {
	const api = createApi(2100);
	const first = query(api, 'SELECT Id FROM Account').json as QueryBody;
	const [locator] = (first.nextRecordsUrl ?? '').split('/').at(-1)?.split('-') ?? [];
	for (const cursor of [
		'01g000000000000AAA-2000',
		'nonsense',
		`${String(locator)}-2100`,
		`${String(locator)}-x`,
		`${String(locator)}-2000/extra`,
	]) {
		const error = expectError(call(api, `${v}/query/${cursor}`), 400, 'INVALID_QUERY_LOCATOR');
		assert.equal(error.message, 'invalid query locator', cursor);
	}
});

test('a locator belongs to its org', () => {
	const api = createApi(2100);
	const first = query(api, 'SELECT Id FROM Account').json as QueryBody;
	assert.ok(first.nextRecordsUrl);
	expectError(
		call(api, first.nextRecordsUrl, {context: otherContext}),
		400,
		'INVALID_QUERY_LOCATOR',
	);
	assert.equal(call(api, first.nextRecordsUrl).status, 200);
});

test('only the newest 100 locators per org are kept', () => {
	const api = createApi(2001);
	const urls = Array.from(
		{length: 101},
		() => (query(api, 'SELECT Id FROM Account').json as QueryBody).nextRecordsUrl ?? '',
	);
	assert.equal(new Set(urls).size, 101);
	expectError(call(api, urls[0] ?? ''), 400, 'INVALID_QUERY_LOCATOR');
	for (const url of urls.slice(1)) assert.equal(call(api, url).status, 200);
});

test('100 000 Accounts: totalSize 100000, the first 2000 and a locator, as Salesforce does', () => {
	const api = createApi(100_000);
	const first = query(
		api,
		'SELECT Id, Name, Industry, BillingCity, AnnualRevenue, CreatedDate FROM Account',
	).json as QueryBody;
	assert.equal(first.totalSize, 100_000);
	assert.equal(first.done, false);
	assert.equal(first.records.length, 2000);
	assert.match(first.nextRecordsUrl ?? '', /-2000$/);
	assert.equal(
		(query(api, 'SELECT COUNT() FROM Contact').json as QueryBody).totalSize > 100_000,
		true,
	);
});
