import {test} from 'node:test';
import assert from 'node:assert/strict';
import {diagnose, type DiagnoseInput} from '../../source/core/diagnose.js';
import type {Failure} from '../../source/core/failure.js';

const orgA = '00D5g00000RvnHCEAZ';
const orgB = '00D5g00000ST1OtEAL';
const secret = 'AR8AQJXg5oV.' + 'kP3_rT9wQzLm'.repeat(6) + 'b1c2d3e44f2Q';
const tokenA = `${orgA.slice(0, 15)}!${secret}`;
const tokenB = `${orgB.slice(0, 15)}!${secret}`;
const invalidSession =
	'[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]';

function input(changes: Partial<DiagnoseInput> & {status?: number; body?: string}): DiagnoseInput {
	const {status = 401, body = invalidSession, ...rest} = changes;
	return {
		request: {method: 'GET', path: '/services/apexrest/Contacts'},
		outcome: {kind: 'response', status, body, contentType: 'application/json;charset=UTF-8'},
		token: tokenA,
		target: {orgId: orgA, label: 'Acme Corporation'},
		knownOrgs: [
			{orgId: orgA, label: 'Acme Corporation'},
			{orgId: orgB, label: 'Acme UAT'},
		],
		canRefresh: true,
		...rest,
	};
}

function failure(failed: Failure): DiagnoseInput {
	return input({outcome: {kind: 'failure', failure: failed}});
}

function kinds(given: DiagnoseInput): string[] {
	return diagnose(given)?.causes.map((cause) => cause.kind) ?? [];
}

test('401 with a trailing line break: the damage first (f fixes), expiry after', () => {
	const diagnosis = diagnose(input({token: `${tokenA}\n`}));
	assert.equal(diagnosis?.title, 'Salesforce refused the token (401 INVALID_SESSION_ID)');
	assert.deepEqual(diagnosis?.causes[0], {
		kind: 'stray-characters',
		cause: 'The token was damaged by copy-paste: 1 stray character: line break at 113.',
		fix: 'Press f to remove them and send again.',
		action: 'fix-token',
	});
	assert.deepEqual(kinds(input({token: `${tokenA}\n`})), ['stray-characters', 'expired']);
});

test('401 with another org’s token: names both orgs, log in again with a forced prompt', () => {
	const diagnosis = diagnose(input({token: tokenB}));
	assert.deepEqual(kinds(input({token: tokenB})), ['other-org', 'expired']);
	const [cause] = diagnosis?.causes ?? [];
	assert.equal(
		cause?.cause,
		'The token is for Acme UAT (00D5g00000ST1Ot), not Acme Corporation (00D5g00000RvnHCEAZ).',
	);
	assert.match(
		cause?.fix ?? '',
		/^Press l to log in to Acme Corporation again; the login prompt is forced/,
	);
	assert.equal(cause?.action, 'login-again');
});

test('401 with a clean token for the right org: expired, r refreshes when a refresh token exists', () => {
	const withRefresh = diagnose(input({}));
	assert.deepEqual(
		withRefresh?.causes.map((cause) => [cause.kind, cause.action]),
		[['expired', 'refresh']],
	);
	assert.match(withRefresh?.causes[0]?.fix ?? '', /^Press r to get a new access token/);
	const without = diagnose(input({canRefresh: false}));
	assert.deepEqual(
		without?.causes.map((cause) => [cause.kind, cause.action]),
		[['expired', 'login-again']],
	);
	assert.match(without?.causes[0]?.fix ?? '', /no refresh token/);
});

test('401 for a session that cannot use the REST API, and for a token of the wrong shape', () => {
	assert.deepEqual(
		kinds(
			input({
				body: '[{"message":"This session is not valid for use with the REST API","errorCode":"INVALID_SESSION_ID"}]',
			}),
		),
		['not-rest-session', 'expired'],
	);
	assert.deepEqual(kinds(input({token: 'hello'})), ['bad-token', 'expired']);
	// A 401 without Salesforce's error array is still the same question.
	assert.deepEqual(kinds(input({body: ''})), ['expired']);
});

test('a token HTTP cannot carry fails before sending: the same stray-character cause', () => {
	const diagnosis = diagnose({
		...failure({
			kind: 'network',
			step: 'request',
			code: 'other',
			message: 'Not sent: a header value holds a character HTTP does not allow (a line break?).',
		}),
		token: `${tokenA}\n`,
	});
	assert.equal(diagnosis?.title, 'Not sent: the token holds characters HTTP cannot carry');
	assert.deepEqual(
		diagnosis?.causes.map((cause) => cause.action),
		['fix-token'],
	);
});

test('REQUEST_LIMIT_EXCEEDED: the daily limit, with the usage', () => {
	const diagnosis = diagnose(
		input({
			outcome: {
				kind: 'response',
				status: 403,
				body: '[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]',
				limitInfo: {apiUsage: {used: 15_001, max: 15_000}},
			},
		}),
	);
	assert.equal(diagnosis?.title, 'Salesforce answered 403 REQUEST_LIMIT_EXCEEDED');
	assert.equal(
		diagnosis?.causes[0]?.cause,
		'The org has used all its API requests of the last 24 hours (API usage 15001/15000).',
	);
	assert.match(diagnosis?.causes[0]?.fix ?? '', /rolling 24 hours/);
});

test('API_DISABLED_FOR_ORG: the edition or the profile, with the Setup path', () => {
	const diagnosis = diagnose(
		input({
			status: 403,
			body: '[{"message":"The REST API is not enabled for this Organization.","errorCode":"API_DISABLED_FOR_ORG"}]',
		}),
	);
	assert.equal(diagnosis?.causes[0]?.kind, 'api-disabled');
	assert.match(diagnosis?.causes[0]?.setupPath ?? '', /API Enabled/);
});

test('NOT_FOUND on Apex REST: no @RestResource maps the path', () => {
	const diagnosis = diagnose(
		input({
			request: {method: 'GET', path: '/services/apexrest/contacts?limit=5'},
			status: 404,
			body: '[{"errorCode":"NOT_FOUND","message":"Could not find a match for URL"}]',
		}),
	);
	assert.equal(
		diagnosis?.causes[0]?.cause,
		'No @RestResource class maps /services/apexrest/contacts (urlMapping is case-sensitive).',
	);
});

test('NOT_FOUND on a data path, and a bare 404 elsewhere', () => {
	const data = diagnose(
		input({
			request: {method: 'GET', path: '/services/data/v66.0/sobjects/Acount'},
			status: 404,
			body: '[{"errorCode":"NOT_FOUND","message":"The requested resource does not exist"}]',
		}),
	);
	assert.equal(data?.causes[0]?.kind, 'not-found');
	assert.match(
		data?.causes[0]?.cause ?? '',
		/^Nothing exists at \/services\/data\/v66\.0\/sobjects\/Acount/,
	);
	assert.match(data?.causes[0]?.fix ?? '', /lists the resources/);
	const other = diagnose(input({request: {method: 'GET', path: '/foo'}, status: 404, body: ''}));
	assert.match(other?.causes[0]?.fix ?? '', /REST paths start with/);
});

test('INVALID_FIELD and MALFORMED_QUERY: the marked SOQL and the reason', () => {
	const diagnosis = diagnose(
		input({
			request: {method: 'GET', path: '/services/data/v66.0/query?q=SELECT+Nme+FROM+Account'},
			status: 400,
			body: JSON.stringify([
				{
					errorCode: 'INVALID_FIELD',
					message:
						"\nSELECT Nme FROM Account\n       ^\nERROR at Row:1:Column:8\nNo such column 'Nme' on entity 'Account'.",
				},
			]),
		}),
	);
	assert.equal(diagnosis?.title, 'The SOQL query is not valid (INVALID_FIELD)');
	assert.deepEqual(diagnosis?.marked && [diagnosis.marked.query, diagnosis.marked.caret], [
		'SELECT Nme FROM Account',
		'       ^',
	]);
	assert.equal(
		diagnosis?.causes[0]?.cause,
		"At row 1, column 8: No such column 'Nme' on entity 'Account'.",
	);
	assert.match(diagnosis?.causes[0]?.fix ?? '', /__c/);
	const malformed = diagnose(
		input({status: 400, body: '[{"errorCode":"MALFORMED_QUERY","message":"unexpected token: q"}]'}),
	);
	assert.equal(malformed?.causes[0]?.cause, 'unexpected token: q');
	assert.equal(malformed?.marked, undefined);
});

test('APEX_ERROR: the exception and the stack line', () => {
	const diagnosis = diagnose(
		input({
			status: 500,
			body: JSON.stringify([
				{
					errorCode: 'APEX_ERROR',
					message:
						'System.NullPointerException: Attempt to de-reference a null object\n\nClass.ContactsResource.doGet: line 14, column 1',
				},
			]),
		}),
	);
	assert.equal(
		diagnosis?.causes[0]?.cause,
		'The Apex class threw an exception: System.NullPointerException: Attempt to de-reference a null object',
	);
	assert.match(diagnosis?.causes[0]?.fix ?? '', /Class\.ContactsResource\.doGet: line 14/);
});

test('other Salesforce errors: the message as said, with a fix for known codes', () => {
	const diagnosis = diagnose(
		input({
			request: {method: 'PUT', path: '/services/data/v66.0/sobjects/Account/001'},
			status: 405,
			body: '[{"errorCode":"METHOD_NOT_ALLOWED","message":"HTTP Method \'PUT\' not allowed. Allowed are GET,PATCH,DELETE"}]',
		}),
	);
	assert.equal(
		diagnosis?.causes[0]?.cause,
		"METHOD_NOT_ALLOWED: HTTP Method 'PUT' not allowed. Allowed are GET,PATCH,DELETE",
	);
	assert.match(diagnosis?.causes[0]?.fix ?? '', /does not accept PUT/);
	const required = diagnose(
		input({
			status: 400,
			body: '[{"errorCode":"REQUIRED_FIELD_MISSING","message":"Required fields are missing: [LastName]","fields":["LastName"]}]',
		}),
	);
	assert.match(required?.causes[0]?.cause ?? '', /\[LastName\]$/);
	const unknown = diagnose(input({status: 400, body: '[{"errorCode":"NEW_CODE","message":"m"}]'}));
	assert.match(unknown?.causes[0]?.fix ?? '', /Salesforce’s own/);
	const plain = diagnose(input({status: 400, body: 'Bad\u001b[2J request'}));
	assert.equal(plain?.causes[0]?.cause, 'Bad␛[2J request');
});

test('HTML bodies: a page instead of JSON, named by its title', () => {
	const page = '<!DOCTYPE html><html><head><title>Login | Salesforce</title></head></html>';
	const api = diagnose(
		input({outcome: {kind: 'response', status: 200, body: page, contentType: 'text/html'}}),
	);
	assert.equal(api?.title, 'A web page (“Login | Salesforce”) came back instead of JSON (200)');
	assert.match(api?.causes[0]?.cause ?? '', /proxy, a captive Wi-Fi portal or a login page/);
	const other = diagnose(
		input({
			request: {method: 'GET', path: '/lightning/page/home'},
			outcome: {kind: 'response', status: 302, body: page},
		}),
	);
	assert.match(other?.causes[0]?.cause ?? '', /not an API path/);
	// A page from a non-API path with 200 is what was asked for.
	assert.equal(
		diagnose(
			input({
				request: {method: 'GET', path: '/apex/page'},
				outcome: {kind: 'response', status: 200, body: page},
			}),
		),
		undefined,
	);
	const outage = diagnose(input({status: 503, body: '<html><body>Maintenance</body></html>'}));
	assert.equal(outage?.causes[0]?.kind, 'server-error');
});

test('5xx without an error array: Salesforce trouble', () => {
	assert.deepEqual(kinds(input({status: 502, body: ''})), ['server-error']);
});

test('network failures: timeout, TLS, DNS, refused, reset, proxy — each with its cause and fix', () => {
	const rows: Array<[Failure, RegExp, RegExp]> = [
		[
			{
				kind: 'network',
				step: 'request',
				code: 'timeout',
				message: 'acme did not start answering within 30 s.',
			},
			/within 30 s/,
			/raise the timeout/,
		],
		[
			{
				kind: 'network',
				step: 'request',
				code: 'tls',
				message: 'The secure connection to acme failed.',
			},
			/secure connection/,
			/NODE_EXTRA_CA_CERTS/,
		],
		[
			{
				kind: 'network',
				step: 'request',
				code: 'dns',
				message: 'The host name acme could not be found (DNS: ENOTFOUND).',
			},
			/could not be found/,
			/spelling/,
		],
		[
			{
				kind: 'network',
				step: 'request',
				code: 'refused',
				message: '127.0.0.1:9 refused the connection.',
			},
			/refused/,
			/emulator/,
		],
		[
			{
				kind: 'network',
				step: 'request',
				code: 'reset',
				message: 'The connection to acme was closed.',
			},
			/closed/,
			/VPN, proxy/,
		],
		[
			{
				kind: 'network',
				step: 'request',
				code: 'proxy',
				message: 'The proxy refused to connect to acme (HTTP 407).',
			},
			/proxy refused/,
			/HTTPS_PROXY/,
		],
		[
			{
				kind: 'unsafe-url',
				step: 'request',
				reason: 'insecure-http',
				host: 'acme',
				message: 'Refused plain http.',
			},
			/Refused plain http/,
			/https:\/\//,
		],
		[
			{
				kind: 'bad-json',
				step: 'request',
				status: 200,
				bodyPreview: '{"a":',
				problem: 'the answer is not valid JSON (cut off or garbled)',
			},
			/not complete JSON/,
			/Try again/,
		],
	];
	for (const [failed, cause, fix] of rows) {
		const diagnosis = diagnose(failure(failed));
		assert.equal(diagnosis?.causes.length, 1, failed.kind);
		assert.equal(diagnosis?.causes[0]?.kind, 'network');
		assert.match(diagnosis?.causes[0]?.cause ?? '', cause);
		assert.match(diagnosis?.causes[0]?.fix ?? '', fix);
		assert.match(diagnosis?.causes[0]?.cause ?? '', /while sending your request/);
	}
});

test('a 401 reported as a Failure is diagnosed like the response', () => {
	assert.deepEqual(
		kinds(
			failure({
				kind: 'rest',
				step: 'request',
				status: 401,
				errors: [{errorCode: 'INVALID_SESSION_ID', message: 'x'}],
			}),
		),
		['expired'],
	);
});

test('success needs no diagnosis', () => {
	assert.equal(diagnose(input({status: 200, body: '{"a":1}'})), undefined);
	assert.equal(diagnose(input({status: 204, body: ''})), undefined);
	assert.equal(diagnose(input({status: 304, body: ''})), undefined);
});

test('on a command line the fixes name commands, not keys', () => {
	const surface = {kind: 'command', login: 'sftoken login --device --alias acme'} as const;
	const texts = [
		...(diagnose(input({token: `${tokenA}\n`, surface}))?.causes ?? []),
		...(diagnose(input({token: tokenB, canRefresh: false, surface}))?.causes ?? []),
		...(diagnose(input({token: 'hello', surface}))?.causes ?? []),
	].map((cause) => cause.fix);
	for (const text of texts) assert.doesNotMatch(text, /Press|press| with l\./u, text);
	assert.ok(texts.some((text) => text.includes('(sftoken login --device --alias acme)')));
	assert.ok(texts.some((text) => text.includes('sftoken check-token')));
	const method = diagnose(
		input({
			status: 405,
			body: '[{"errorCode":"METHOD_NOT_ALLOWED","message":"no"}]',
			surface,
		}),
	);
	assert.match(method?.causes[0]?.fix ?? '', /use another method\.$/u);
});
