import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {
	createHistoryFilter,
	filterHistory,
	historyHaystack,
	narrows,
	queryWords,
} from '../../source/core/history-filter.js';
import {entry, manyEntries, prodOrg} from '../helpers/history-entries.js';

test('the haystack holds method, status and class, path, org and kind, lower-cased', () => {
	const haystack = historyHaystack(
		entry(1, {method: 'POST', status: 400, path: '/services/apexrest/Contacts'}),
	);
	for (const word of [
		'post',
		'400',
		'4xx',
		'/services/apexrest/contacts',
		'acme-uat',
		'ada@acme.com.uat',
		'00d5g000004xyzaeak',
		'sandbox',
	]) {
		assert.ok(haystack.includes(word), `${word} in ${haystack}`);
	}
	assert.ok(historyHaystack(entry(2, {org: prodOrg})).includes('production'));
	assert.ok(historyHaystack(entry(3, {status: undefined, error: 'ECONNRESET'})).includes('error'));
});

test('every word must match, in any order and case', () => {
	const entries = [
		entry(0, {method: 'POST', status: 400}),
		entry(1, {method: 'POST', status: 201}),
		entry(2, {method: 'GET', status: 400}),
		entry(3, {method: 'POST', status: 400, org: prodOrg}),
	];
	const haystacks = entries.map((item) => historyHaystack(item));
	assert.deepEqual(filterHistory(haystacks, 'post 400 uat'), [0]);
	assert.deepEqual(filterHistory(haystacks, '  UAT   400 '), [0, 2]);
	assert.deepEqual(filterHistory(haystacks, 'post'), [0, 1, 3]);
	assert.deepEqual(filterHistory(haystacks, ''), [0, 1, 2, 3]);
	assert.deepEqual(filterHistory(haystacks, '4xx production'), [3]);
	assert.deepEqual(filterHistory(haystacks, 'nothing-like-this'), []);
	assert.deepEqual(queryWords(' a  B '), ['a', 'b']);
});

test('property: narrowing from the previous result gives what a full search gives', () => {
	const haystacks = manyEntries(300).map((item) => historyHaystack(item));
	fc.assert(
		fc.property(
			fc.stringMatching(/^[a-z0-9 /]{0,8}$/u),
			fc.stringMatching(/^[a-z0-9 /]{0,4}$/u),
			(previous, more) => {
				const next = previous + more;
				assert.ok(narrows(previous, next));
				assert.deepEqual(
					filterHistory(haystacks, next, filterHistory(haystacks, previous)),
					filterHistory(haystacks, next),
				);
			},
		),
	);
	assert.equal(narrows('post 40', 'post 4'), false);
});

test('createHistoryFilter: the same answer as a full search, whatever the order of queries', () => {
	const haystacks = manyEntries(200).map((item) => historyHaystack(item));
	const filter = createHistoryFilter();
	for (const query of ['', 'p', 'po', 'post', 'post 4', 'post', 'get 2', 'get 20', '', 'uat 500']) {
		assert.deepEqual(
			filter(haystacks, query),
			query === '' ? haystacks.map((_, index) => index) : filterHistory(haystacks, query),
			query,
		);
	}

	const other = [...haystacks];
	assert.deepEqual(filter(other, 'uat 500x'), []);
});
