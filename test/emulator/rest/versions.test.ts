import {test} from 'node:test';
import assert from 'node:assert/strict';
import {handlePublicRestPath, latestApiVersion} from '../../../source/emulator/rest/index.js';
import {apiVersions, parseVersionSegment} from '../../../source/emulator/rest/versions.js';
import {call, context, createApi, expectError, orgId, userId, v} from './helpers.js';

test('release labels follow Salesforce (three releases a year, Winter named after next year)', () => {
	const labels = new Map(apiVersions.map((entry) => [entry.version, entry.label]));
	// Pairs from the Salesforce docs' versions list.
	assert.equal(labels.get('31.0'), "Summer '14");
	assert.equal(labels.get('32.0'), "Winter '15");
	assert.equal(labels.get('33.0'), "Spring '15");
	assert.equal(labels.get('51.0'), "Spring '21");
	assert.equal(labels.get('59.0'), "Winter '24");
	assert.equal(labels.get('66.0'), "Spring '26");
	assert.equal(labels.get('67.0'), "Summer '26");
	assert.equal(apiVersions[0]?.version, '31.0');
	assert.equal(apiVersions.at(-1)?.version, latestApiVersion);
	assert.deepEqual(apiVersions[0], {
		label: "Summer '14",
		url: '/services/data/v31.0',
		version: '31.0',
	});
});

test('the versions list is public for /services/data and /services/data/ only', () => {
	for (const path of ['/services/data', '/services/data/']) {
		const response = handlePublicRestPath(path, 'https://acme.my.salesforce.com');
		assert.ok(response);
		assert.equal(response.status, 200);
		assert.equal(response.headers['content-type'], 'application/json;charset=UTF-8');
		assert.deepEqual(JSON.parse(response.body), apiVersions);
	}
	for (const path of [
		'/services/data/v66.0',
		'/services/data/latest',
		'/services/apexrest/Contacts',
		'/',
	]) {
		assert.equal(handlePublicRestPath(path, 'https://acme.my.salesforce.com'), undefined, path);
	}
});

test('version segments: vNN.0 within the list, or latest', () => {
	assert.equal(parseVersionSegment('v31.0'), '31.0');
	assert.equal(parseVersionSegment(`v${latestApiVersion}`), latestApiVersion);
	assert.equal(parseVersionSegment('latest'), latestApiVersion);
	for (const segment of ['v30.0', 'v12.0', 'v99.0', 'v66', '66.0', 'v66.1', 'V66.0', 'Latest']) {
		assert.equal(parseVersionSegment(segment), undefined, segment);
	}
});

test('the version root lists resources with the identity URL of the caller', () => {
	const api = createApi();
	for (const path of [`${v}`, `${v}/`]) {
		const result = call(api, path);
		assert.equal(result.status, 200);
		const resources = result.json as Record<string, string>;
		assert.equal(resources['sobjects'], `${v}/sobjects`);
		assert.equal(resources['query'], `${v}/query`);
		assert.equal(resources['queryAll'], `${v}/queryAll`);
		assert.equal(resources['limits'], `${v}/limits`);
		assert.equal(resources['identity'], `${context.org.myDomainUrl}/id/${orgId}/${userId}`);
	}
});

test('15-character org and user ids are widened to 18 in the identity URL', () => {
	const api = createApi();
	const short = {
		...context,
		org: {...context.org, orgId: orgId.slice(0, 15)},
		user: {...context.user, userId: userId.slice(0, 15)},
	};
	const resources = call(api, v, {context: short}).json as Record<string, string>;
	assert.equal(resources['identity'], `${context.org.myDomainUrl}/id/${orgId}/${userId}`);
});

test('latest is an alias of the newest version', () => {
	const api = createApi();
	const resources = call(api, '/services/data/latest/').json as Record<string, string>;
	assert.equal(resources['query'], `/services/data/v${latestApiVersion}/query`);
	const limits = call(api, '/services/data/latest/limits');
	assert.equal(limits.status, 200);
});

test('unknown versions and resources are NOT_FOUND', () => {
	const api = createApi();
	for (const path of [
		'/services/data/v12.0/',
		'/services/data/v99.0',
		'/services/data/v66/limits',
		`${v}/nope`,
		`${v}/tooling/query`,
		`${v}/limits/extra`,
	]) {
		const error = expectError(call(api, path), 404, 'NOT_FOUND');
		assert.equal(error.message, 'The requested resource does not exist', path);
	}
});

test('limits: DailyApiRequests from the server counter, numbers not strings', () => {
	const api = createApi();
	for (const path of [`${v}/limits`, `${v}/limits/`]) {
		const result = call(api, path);
		assert.equal(result.status, 200);
		const limits = result.json as Record<string, {Max: number; Remaining: number}>;
		assert.deepEqual(limits['DailyApiRequests'], {Max: 15_000, Remaining: 14_988});
		assert.ok(Object.keys(limits).length > 5);
		for (const [name, limit] of Object.entries(limits)) {
			assert.equal(typeof limit.Max, 'number', name);
			assert.equal(typeof limit.Remaining, 'number', name);
		}
	}
	const exhausted = {...context, apiUsage: {used: 20_000, max: 15_000}};
	const limits = call(api, `${v}/limits`, {context: exhausted}).json as Record<
		string,
		{Remaining: number}
	>;
	assert.equal(limits['DailyApiRequests']?.Remaining, 0);
});

test('read-only resources refuse other methods with 405 and the allowed list', () => {
	const api = createApi();
	for (const path of [
		`${v}/`,
		`${v}/limits`,
		`${v}/query?q=SELECT+Id+FROM+Account`,
		`${v}/sobjects`,
	]) {
		const error = expectError(
			call(api, path, {method: 'POST', body: '{}'}),
			405,
			'METHOD_NOT_ALLOWED',
		);
		assert.equal(error.message, "HTTP Method 'POST' not allowed. Allowed are GET,HEAD", path);
	}
});

test('HEAD answers like GET without a body', () => {
	const api = createApi();
	const result = call(api, `${v}/limits`, {method: 'HEAD'});
	assert.equal(result.status, 200);
	assert.equal(result.body, '');
	assert.equal(result.headers['content-type'], 'application/json;charset=UTF-8');
});
