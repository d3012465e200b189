import {test} from 'node:test';
import assert from 'node:assert/strict';
import {checkTransport, isLoopbackHostname, preflight} from '../../source/core/preflight.js';

const orgA = '00D5g00000RvnHCEAZ';
const orgB = '00D5g00000ST1OtEAL';
const secret = 'AR8AQJXg5oV.' + 'kP3_rT9wQzLm'.repeat(6) + 'b1c2d3e44f2Q';
const tokenA = `${orgA.slice(0, 15)}!${secret}`;
const tokenB = `${orgB.slice(0, 15)}!${secret}`;
const target = {
	orgId: orgA,
	instanceUrl: 'https://acme.my.salesforce.com',
	label: 'Acme Corporation',
};
const knownOrgs = [
	{orgId: orgA, label: 'Acme Corporation'},
	{orgId: orgB, label: 'Acme UAT'},
];

test('a clean token for the target org over https goes', () => {
	const result = preflight({token: tokenA, target, knownOrgs, path: '/services/data/v66.0/'});
	assert.equal(result.verdict, 'go');
	assert.deepEqual(result.issues, []);
	assert.equal(result.inspection.orgId15, orgA.slice(0, 15));
});

test('another org’s token stops the send until confirmed, naming both orgs', () => {
	const result = preflight({token: tokenB, target, knownOrgs});
	assert.equal(result.verdict, 'confirm');
	assert.equal(result.issues.length, 1);
	const [issue] = result.issues;
	assert.equal(issue?.kind, 'wrong-org');
	assert.equal(
		issue?.message,
		'Wrong org: this token is for Acme UAT (00D5g00000ST1Ot), but the request goes to Acme Corporation (00D5g00000RvnHCEAZ). Salesforce would answer INVALID_SESSION_ID.',
	);
	// An org the app does not know is named by its id.
	const unknown = preflight({
		token: tokenB,
		target: {orgId: orgA, instanceUrl: target.instanceUrl},
	});
	assert.match(
		unknown.issues[0]?.message ?? '',
		/for org 00D5g00000ST1Ot, but the request goes to org 00D5g00000RvnHCEAZ/,
	);
});

test('stray characters stop the send with the fix offered; a damaged other-org token reports both', () => {
	const stray = preflight({token: `${tokenA}\n`, target, knownOrgs});
	assert.equal(stray.verdict, 'confirm');
	assert.deepEqual(stray.issues, [
		{
			kind: 'token',
			severity: 'confirm',
			message: '1 stray character: line break at 113',
			fixable: true,
		},
	]);
	const both = preflight({token: ` ${tokenB}`, target, knownOrgs});
	assert.deepEqual(
		both.issues.map((issue) => issue.kind),
		['token', 'wrong-org'],
	);
});

test('no token, a placeholder or a refresh token are refused outright', () => {
	for (const token of ['', '[REDACTED]', `5Aep861${'x'.repeat(80)}`]) {
		const result = preflight({token, target});
		assert.equal(result.verdict, 'refuse', token);
		assert.equal(result.issues[0]?.kind, 'token');
	}
});

test('a JWT access token goes, with a note that its org cannot be checked', () => {
	const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
	const result = preflight({token: jwt, target});
	assert.equal(result.verdict, 'go');
	assert.equal(result.issues[0]?.severity, 'note');
});

test('plain http is refused except to loopback (the emulator)', () => {
	const refused = preflight({
		token: tokenA,
		target: {...target, instanceUrl: 'http://acme.my.salesforce.com'},
	});
	assert.equal(refused.verdict, 'refuse');
	assert.equal(refused.issues[0]?.kind, 'insecure');
	assert.match(refused.issues[0]?.message ?? '', /not https/);
	for (const url of ['http://127.0.0.1:4101', 'http://localhost:80', 'http://[::1]:9']) {
		assert.equal(checkTransport(url), undefined, url);
	}

	assert.equal(checkTransport('ftp://127.0.0.1')?.kind, 'insecure');
	assert.equal(checkTransport('not a url')?.kind, 'insecure');
	assert.equal(isLoopbackHostname('127.0.0.1.evil.example'), false);
	assert.equal(isLoopbackHostname('127.1.2.3'), true);
});

test('a full URL in the path field for another host is refused', () => {
	const result = preflight({token: tokenA, target, path: 'https://evil.example/services/data/'});
	assert.equal(result.verdict, 'refuse');
	assert.equal(result.issues[0]?.kind, 'other-host');
	const same = preflight({token: tokenA, target, path: `${target.instanceUrl}/services/data/`});
	assert.equal(same.verdict, 'go');
});
