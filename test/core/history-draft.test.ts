import assert from 'node:assert/strict';
import {test} from 'node:test';
import {draftOfEntry, savedResponseOf} from '../../source/core/history-draft.js';
import {entry} from '../helpers/history-entries.js';

test('an entry back as the request form: header lines, body, a method the form knows', () => {
	const post = entry(1, {
		method: 'POST',
		path: '/services/apexrest/Contacts',
		requestHeaders: {'X-Trace': 'on', 'Sforce-Call-Options': 'client=x'},
		requestBody: '{"a":1}',
	});
	assert.deepEqual(draftOfEntry(post), {
		method: 'POST',
		path: '/services/apexrest/Contacts',
		headers: 'X-Trace: on\nSforce-Call-Options: client=x',
		body: '{"a":1}',
	});
	assert.equal(draftOfEntry(entry(2, {method: 'HEAD'})).method, 'GET');
	assert.equal(draftOfEntry(entry(3)).body, '');
});

test('the saved response in the response view’s shape; none when the request got no answer', () => {
	const saved = savedResponseOf(
		entry(1, {status: 404, responseBody: 'x'.repeat(20), contentType: 'application/json'}),
	);
	assert.deepEqual(saved, {
		status: 404,
		statusText: '',
		timeMs: 120,
		sizeBytes: 20,
		truncated: false,
		headers: {'content-type': 'application/json'},
		body: 'x'.repeat(20),
		sentAt: 1_700_000_001_000,
	});
	assert.equal(savedResponseOf(entry(2, {status: undefined, error: 'reset'})), undefined);
});
