import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {
	classifyRestBody,
	parseLimitInfo,
	resolveRestUrl,
	sendRestRequest,
} from '../../source/salesforce/rest.js';
import type {TokenResponse} from '../../source/salesforce/oauth-tokens.js';
import {loginWithDevice} from './login.js';

let emulator: RunningEmulator;
let login: TokenResponse;
const version = 'v62.0';

before(async () => {
	emulator = await startEmulator({records: 250});
	login = await loginWithDevice(emulator);
});

after(async () => {
	await emulator.close();
});

function session() {
	return {instanceUrl: login.instanceUrl, accessToken: login.accessToken};
}

test('GET a query: JSON body, status, size, time and API usage', async () => {
	const result = await sendRestRequest({
		...session(),
		method: 'GET',
		path: `/services/data/${version}/query?q=${encodeURIComponent('SELECT Id, Name FROM Account')}`,
	});
	assert.ok(result.ok, JSON.stringify(result));
	const response = result.value;
	assert.equal(response.status, 200);
	assert.equal(response.statusText, 'OK');
	const body = JSON.parse(response.body) as {totalSize: number; records: unknown[]};
	assert.equal(body.totalSize, 250);
	assert.equal(response.sizeBytes, Buffer.byteLength(response.body));
	assert.equal(response.truncated, false);
	assert.ok(response.timeMs >= 0);
	assert.ok(response.limitInfo && response.limitInfo.used > 0 && response.limitInfo.max > 0);
	assert.match(response.headers['content-type'] ?? '', /application\/json/u);
});

test('load more follows nextRecordsUrl', async () => {
	const first = await sendRestRequest({
		...session(),
		method: 'GET',
		path: `/services/data/${version}/query?q=${encodeURIComponent('SELECT Id FROM Contact')}`,
		headers: {'Sforce-Query-Options': 'batchSize=200'},
	});
	assert.ok(first.ok);
	const {nextRecordsUrl, records} = JSON.parse(first.value.body) as {
		nextRecordsUrl?: string;
		records: unknown[];
	};
	assert.equal(records.length, 200);
	assert.ok(nextRecordsUrl);
	const more = await sendRestRequest({
		...session(),
		method: 'GET',
		path: nextRecordsUrl,
		step: 'load-more',
	});
	assert.ok(more.ok);
	assert.equal(more.value.status, 200);
	assert.ok((JSON.parse(more.value.body) as {records: unknown[]}).records.length > 0);
});

test('POST, PATCH, GET and DELETE a record', async () => {
	const base = `/services/data/${version}/sobjects/Account`;
	const created = await sendRestRequest({
		...session(),
		method: 'POST',
		path: `${base}/`,
		body: JSON.stringify({Name: 'sftoken test'}),
	});
	assert.ok(created.ok);
	assert.equal(created.value.status, 201, created.value.body);
	const {id} = JSON.parse(created.value.body) as {id: string};
	const patched = await sendRestRequest({
		...session(),
		method: 'PATCH',
		path: `${base}/${id}`,
		body: JSON.stringify({Name: 'renamed'}),
	});
	assert.ok(patched.ok);
	assert.equal(patched.value.status, 204);
	assert.equal(patched.value.body, '');
	const read = await sendRestRequest({...session(), method: 'GET', path: `${base}/${id}`});
	assert.ok(read.ok);
	assert.equal((JSON.parse(read.value.body) as {Name: string}).Name, 'renamed');
	const deleted = await sendRestRequest({...session(), method: 'DELETE', path: `${base}/${id}`});
	assert.ok(deleted.ok);
	assert.equal(deleted.value.status, 204);
	const gone = await sendRestRequest({...session(), method: 'GET', path: `${base}/${id}`});
	assert.ok(gone.ok);
	assert.equal(gone.value.status, 404);
	const goneBody = classifyRestBody(
		gone.value.status,
		gone.value.headers['content-type'],
		gone.value.body,
	);
	// A deleted record is in the recycle bin: Salesforce answers ENTITY_IS_DELETED, not NOT_FOUND.
	assert.equal(goneBody.kind === 'errors' && goneBody.errors[0]?.errorCode, 'ENTITY_IS_DELETED');
	const unknown = await sendRestRequest({
		...session(),
		method: 'GET',
		path: `/services/data/${version}/sobjects/NoSuchObject__c/001000000000000`,
	});
	assert.ok(unknown.ok);
	assert.equal(unknown.value.status, 404);
	assert.deepEqual(
		classifyRestBody(404, unknown.value.headers['content-type'], unknown.value.body),
		{
			kind: 'errors',
			errors: [{errorCode: 'NOT_FOUND', message: 'The requested resource does not exist'}],
		},
	);
});

test('a 401 is a response, not a failure, and classifies as INVALID_SESSION_ID', async () => {
	const result = await sendRestRequest({
		instanceUrl: login.instanceUrl,
		accessToken: `${login.accessToken}\n`.trim().slice(0, -1),
		method: 'GET',
		path: `/services/data/${version}/limits`,
	});
	assert.ok(result.ok);
	assert.equal(result.value.status, 401);
	const body = classifyRestBody(401, result.value.headers['content-type'], result.value.body);
	assert.equal(body.kind === 'errors' && body.errors[0]?.errorCode, 'INVALID_SESSION_ID');
});

test('Apex REST without a mapping is a 404 error array', async () => {
	const result = await sendRestRequest({
		...session(),
		method: 'GET',
		path: '/services/apexrest/NoSuchMapping',
	});
	assert.ok(result.ok);
	assert.equal(result.value.status, 404);
	const body = classifyRestBody(404, result.value.headers['content-type'], result.value.body);
	assert.equal(body.kind, 'errors');
});

test('a full URL on the same host is accepted; another host or //host is refused before sending', async () => {
	const same = await sendRestRequest({
		...session(),
		method: 'GET',
		path: `${login.instanceUrl}/services/data/`,
	});
	assert.ok(same.ok);
	assert.equal(same.value.status, 200);
	for (const path of [
		'https://evil.example/services/data/',
		'//evil.example/x',
		`${emulator.loginUrl}/services/data/`,
	]) {
		const result = await sendRestRequest({...session(), method: 'GET', path});
		assert.ok(!result.ok, path);
		assert.equal(result.failure.kind === 'unsafe-url' && result.failure.reason, 'other-host');
		assert.doesNotMatch(
			JSON.stringify(result.failure),
			new RegExp(login.accessToken.slice(16, 50), 'u'),
		);
	}
});

test('a plain-http instance URL outside loopback is refused', async () => {
	const result = await sendRestRequest({
		instanceUrl: 'http://acme.my.salesforce.com',
		accessToken: login.accessToken,
		method: 'GET',
		path: '/services/data/',
	});
	assert.ok(!result.ok);
	assert.equal(result.failure.kind === 'unsafe-url' && result.failure.reason, 'insecure-http');
});

test('a body over maxBodyBytes is cut and reported', async () => {
	const result = await sendRestRequest({
		...session(),
		method: 'GET',
		path: `/services/data/${version}/query?q=${encodeURIComponent('SELECT Id, Name FROM Account')}`,
		maxBodyBytes: 1024,
	});
	assert.ok(result.ok);
	assert.equal(result.value.truncated, true);
	assert.equal(result.value.sizeBytes, 1024);
});

test('resolveRestUrl adds a missing leading slash and keeps the query', () => {
	const url = resolveRestUrl('https://acme.my.salesforce.com', 'services/data/?a=b c');
	assert.equal(url.ok && url.value.href, 'https://acme.my.salesforce.com/services/data/?a=b%20c');
	const invalid = resolveRestUrl('not a url', '/x');
	assert.equal(
		!invalid.ok && invalid.failure.kind === 'unsafe-url' && invalid.failure.reason,
		'invalid-url',
	);
});

test('parseLimitInfo reads api-usage among other entries', () => {
	assert.deepEqual(parseLimitInfo('api-usage=18/5000'), {used: 18, max: 5000});
	assert.deepEqual(parseLimitInfo('api-bursts=1/750, api-usage=19/5000'), {used: 19, max: 5000});
	assert.equal(parseLimitInfo(undefined), undefined);
	assert.equal(parseLimitInfo('per-app-api-usage=x'), undefined);
});

test('classifyRestBody spots HTML pages and leaves success bodies alone', () => {
	assert.deepEqual(
		classifyRestBody(200, 'text/html', '<html><head><title>Down for &amp; Maintenance</title>'),
		{
			kind: 'html-page',
			title: 'Down for & Maintenance',
		},
	);
	assert.deepEqual(classifyRestBody(502, undefined, '<!DOCTYPE html><html><body>x'), {
		kind: 'html-page',
	});
	assert.deepEqual(classifyRestBody(200, 'application/json', '[{"errorCode":"X","message":"y"}]'), {
		kind: 'other',
	});
	assert.deepEqual(
		classifyRestBody(400, 'application/json', '[{"errorCode":"X","message":"y","fields":["A"]}]'),
		{
			kind: 'errors',
			errors: [{errorCode: 'X', message: 'y', fields: ['A']}],
		},
	);
	assert.deepEqual(classifyRestBody(400, 'application/json', '[{"errorCode":"X"'), {kind: 'other'});
});
