import assert from 'node:assert/strict';
import {test} from 'node:test';
import {buildHistoryEntry} from '../../source/core/history-entry.js';
import type {SavedOrg} from '../../source/store/orgs.js';
import {historyInputOf} from '../../source/store/history-input.js';

const token = '00D5g000004XyZa!AR8AQJXg5oU0Cq8Ehc7sK3lCM2kVBXH2dbnd8EExqxrT3xOiS0M2TmjEVtPdRTp7zxp';
const org: SavedOrg = {
	alias: 'acme',
	loginUrl: 'https://acme.my.salesforce.com',
	instanceUrl: 'https://acme.my.salesforce.com',
	username: 'ada@acme.com',
	orgId: '00D5g000004XyZaEAK',
	userId: '0055g00000AbCdEAAV',
	sandbox: false,
	loginMethod: 'device',
	lastUsedAt: 1,
};

test('a response: status, time, size, content type and body, with the token as a secret', () => {
	const made = historyInputOf({
		org,
		request: {method: 'GET', path: '/services/data/', headers: {Accept: 'application/json'}},
		result: {
			ok: true,
			value: {
				status: 200,
				statusText: 'OK',
				headers: {'content-type': 'application/json'},
				body: `{"echo":"${token}"}`,
				sizeBytes: 123,
				truncated: false,
				url: 'https://acme.my.salesforce.com/services/data/',
				timeMs: 42,
			},
		},
		token,
		time: 7,
	});
	assert.deepEqual(made.org, {
		alias: 'acme',
		orgId: org.orgId,
		username: 'ada@acme.com',
		sandbox: false,
		instanceUrl: org.instanceUrl,
	});
	assert.equal(made.status, 200);
	assert.equal(made.durationMs, 42);
	assert.equal(made.responseSize, 123);
	assert.equal(made.contentType, 'application/json');
	assert.deepEqual(made.secrets, [token]);
	const kept = buildHistoryEntry(made, 'x', 1);
	assert.ok(!JSON.stringify(kept).includes('AR8AQ'));
	assert.equal('secrets' in kept, false);
});

test('a failure: no status, the failure said in words, the measured time', () => {
	const made = historyInputOf({
		org,
		request: {method: 'POST', path: '/x', body: '{}'},
		result: {
			ok: false,
			failure: {
				kind: 'network',
				step: 'request',
				code: 'reset',
				message: 'The connection was reset.',
			},
		},
		token,
		durationMs: 9,
	});
	assert.equal(made.status, undefined);
	assert.equal(made.error, 'The connection was reset.');
	assert.equal(made.durationMs, 9);
	assert.equal(made.requestBody, '{}');
});
