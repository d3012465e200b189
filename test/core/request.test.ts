import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
	apiKindOf,
	buildRequest,
	dataPath,
	methodHasBody,
	nextMethod,
	parseHeaderLines,
	requestMethods,
	resolvePath,
	switchApi,
	type RequestDraft,
	type RequestMethod,
} from '../../source/core/request.js';

const instance = 'https://acme.my.salesforce.com';

test('the method cycles GET → POST → PATCH → PUT → DELETE → GET; only POST, PATCH, PUT carry a body', () => {
	const seen: RequestMethod[] = [];
	let method: RequestMethod = 'GET';
	for (let step = 0; step < 6; step++) {
		seen.push(method);
		method = nextMethod(method);
	}

	assert.deepEqual(seen, ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'GET']);
	assert.deepEqual(
		requestMethods.filter((each) => methodHasBody(each)),
		['POST', 'PATCH', 'PUT'],
	);
});

test('the default path is the newest version’s REST root; the versions list without a version', () => {
	assert.equal(dataPath('66.0'), '/services/data/v66.0/');
	assert.equal(dataPath(undefined), '/services/data/');
});

test('the API switch goes to versionless Apex REST and back to the versioned root', () => {
	assert.equal(switchApi('/services/data/v66.0/sobjects/', '66.0'), '/services/apexrest/');
	assert.equal(switchApi('/services/apexrest/Contacts', '66.0'), '/services/data/v66.0/');
	assert.equal(switchApi('', '66.0'), '/services/apexrest/');
	assert.equal(apiKindOf('/services/apexrest'), 'apexrest');
	assert.equal(apiKindOf(`${instance}/services/apexrest/Contacts`), 'apexrest');
	assert.equal(apiKindOf('/services/data/v66.0/query?q=x'), 'data');
	assert.equal(apiKindOf('/lightning/page/home'), 'other');
});

test('header lines: Key: Value, blank lines skipped, values trimmed, colons in values kept', () => {
	assert.deepEqual(
		parseHeaderLines('Sforce-Query-Options: batchSize=200\n\n  X-Trace : a:b  \r\n'),
		{
			ok: true,
			headers: [
				{name: 'Sforce-Query-Options', value: 'batchSize=200'},
				{name: 'X-Trace', value: 'a:b'},
			],
		},
	);
	assert.deepEqual(parseHeaderLines(''), {ok: true, headers: []});
});

test('header lines that cannot be sent are refused with their line number', () => {
	const cases: Array<[string, number, RegExp]> = [
		['Accept: x\nno colon here', 2, /expected Key: Value/],
		[': value', 1, /name before ':' is missing/],
		['Bad Name: x', 1, /no spaces/],
		['Authorization: Bearer abc', 1, /comes from the token field/],
		['X: ok\nHost: evil.example', 2, /set by sftoken itself/],
		['X: a\u0007b', 1, /cannot carry/],
		['X: ☃', 1, /cannot carry/],
	];
	for (const [text, line, message] of cases) {
		const result = parseHeaderLines(text);
		assert.equal(result.ok, false, text);
		if (result.ok) continue;
		assert.equal(result.line, line, text);
		assert.match(result.message, message, text);
	}
});

test('paths: relative, without a leading slash, with spaces in the query (encoded)', () => {
	assert.deepEqual(resolvePath(instance, '/services/data/v66.0/'), {
		ok: true,
		path: '/services/data/v66.0/',
		pastedUrl: false,
	});
	assert.deepEqual(resolvePath(instance, 'services/apexrest/Contacts'), {
		ok: true,
		path: '/services/apexrest/Contacts',
		pastedUrl: false,
	});
	const query = resolvePath(instance, '/services/data/v66.0/query?q=SELECT Id FROM Account');
	assert.ok(query.ok);
	assert.equal(query.path, '/services/data/v66.0/query?q=SELECT%20Id%20FROM%20Account');
});

test('a pasted full URL is accepted on the org’s own host only', () => {
	assert.deepEqual(resolvePath(instance, `${instance}/services/data/v66.0/limits#frag`), {
		ok: true,
		path: '/services/data/v66.0/limits',
		pastedUrl: true,
	});
	for (const other of [
		'https://evil.example/services/data/',
		'//evil.example/services/data/',
		'/\\evil.example/services/data/',
		'http://acme.my.salesforce.com/services/data/',
		'https://acme.my.salesforce.com:8443/services/data/',
		'https://acme.my.salesforce.com.evil.example/',
	]) {
		const result = resolvePath(instance, other);
		assert.equal(result.ok, false, other);
		if (!result.ok) {
			assert.equal(result.reason, 'other-host', other);
			assert.match(result.message, /not this org's host \(https:\/\/acme\.my\.salesforce\.com\)/);
		}
	}
});

test('an empty path is refused with what to type', () => {
	const result = resolvePath(instance, '   ');
	assert.equal(result.ok, false);
	assert.match(result.ok ? '' : result.message, /\/services\/data\//);
});

function draft(changes: Partial<RequestDraft>): RequestDraft {
	return {method: 'GET', path: '/services/data/v66.0/', headers: '', body: '', ...changes};
}

test('a POST body that is not JSON is refused with the line and column of the mistake', () => {
	const result = buildRequest(
		draft({
			method: 'POST',
			path: '/services/apexrest/Contacts',
			body: '{\n  "lastName": "Ng"\n  "email": "x"\n}',
		}),
		instance,
	);
	assert.equal(result.ok, false);
	if (result.ok) return;
	assert.equal(result.problem.field, 'body');
	assert.equal(result.problem.line, 3);
	assert.equal(result.problem.column, 3);
	assert.match(result.problem.message, /line 3, column 3: Expected ',' or '}'/);
});

test('valid JSON bodies go as typed; GET and DELETE never carry one; a non-JSON type skips the check', () => {
	const post = buildRequest(
		draft({method: 'PATCH', body: '{"Name": "x"}', headers: 'X-A: 1'}),
		instance,
	);
	assert.deepEqual(post, {
		ok: true,
		request: {
			method: 'PATCH',
			path: '/services/data/v66.0/',
			headers: {'X-A': '1'},
			body: '{"Name": "x"}',
		},
	});
	const get = buildRequest(draft({method: 'GET', body: 'not json'}), instance);
	assert.ok(get.ok && get.request.body === undefined);
	const empty = buildRequest(draft({method: 'POST', body: '  \n'}), instance);
	assert.ok(empty.ok && empty.request.body === undefined);
	const text = buildRequest(
		draft({method: 'PUT', body: 'plain text', headers: 'Content-Type: text/plain'}),
		instance,
	);
	assert.ok(text.ok && text.request.body === 'plain text');
});

test('header and path problems are reported for their field', () => {
	const headers = buildRequest(draft({headers: 'oops'}), instance);
	assert.deepEqual(headers.ok ? undefined : headers.problem.field, 'headers');
	const path = buildRequest(draft({path: 'https://evil.example/'}), instance);
	assert.deepEqual(path.ok ? undefined : path.problem.field, 'path');
});

test('property: whatever is typed in the path, the request never leaves the instance', () => {
	fc.assert(
		fc.property(fc.string({maxLength: 60}), (typed) => {
			const result = resolvePath(instance, typed);
			if (!result.ok) return;
			assert.equal(new URL(result.path, instance).origin, instance);
			assert.ok(result.path.startsWith('/'));
		}),
	);
});
