import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	parseLoginTarget,
	productionLogin,
	sandboxLogin,
	type LoginTarget,
} from '../../source/core/login-target.js';

type Row =
	| {
			readonly input: string;
			readonly allowLoopback?: boolean;
			readonly target: LoginTarget;
			readonly unsure?: boolean;
	  }
	| {readonly input: string; readonly allowLoopback?: boolean; readonly reason: string};

const emulator = (loginUrl: string): LoginTarget => ({
	loginUrl,
	label: 'Local emulator',
	kind: 'unknown',
	source: 'emulator',
});

const myDomain = (loginUrl: string, kind: LoginTarget['kind']): LoginTarget => ({
	loginUrl,
	label: `My Domain ${loginUrl.slice('https://'.length)}`,
	kind,
	source: 'my-domain',
});

const rows: readonly Row[] = [
	{input: 'login', target: productionLogin},
	{input: ' LOGIN\n', target: productionLogin},
	{input: 'test', target: sandboxLogin},
	{input: 'login.salesforce.com', target: productionLogin},
	{input: 'https://login.salesforce.com/?locale=us', target: productionLogin},
	{input: 'https://welcome.salesforce.com', target: productionLogin},
	{input: 'https://test.salesforce.com/', target: sandboxLogin},
	{input: '"https://TEST.salesforce.com."', target: sandboxLogin},
	{input: 'http://login.salesforce.com', target: productionLogin},
	{input: 'https://login.salesforce.com.mcas.ms/', target: productionLogin, unsure: true},
	{input: 'https://login.salesforce.com:8443', reason: 'port-not-allowed'},
	{input: 'https://login.salesforce.com.evil.com', reason: 'lookalike-host'},
	{
		input: 'https://acme--uat.sandbox.lightning.force.com/lightning/page/home',
		target: myDomain('https://acme--uat.sandbox.my.salesforce.com', 'sandbox'),
	},
	{
		input: 'http://acme.lightning.force.com/',
		target: myDomain('https://acme.my.salesforce.com', 'production'),
	},
	{
		input: 'https://acme.cloudforce.com',
		target: myDomain('https://acme.my.salesforce.com', 'production'),
		unsure: true,
	},
	{input: 'https://na123.salesforce.com', reason: 'instance-url'},
	{input: '', reason: 'empty-input'},
	{input: 'x'.repeat(5000), reason: 'input-too-long'},
	{
		input: 'http://127.0.0.1:4010/services/oauth2/authorize?x=1',
		allowLoopback: true,
		target: emulator('http://127.0.0.1:4010'),
	},
	{
		input: 'http://LOCALHOST:4010',
		allowLoopback: true,
		target: emulator('http://localhost:4010'),
	},
	{
		input: 'https://127.0.0.1:4443/',
		allowLoopback: true,
		target: emulator('https://127.0.0.1:4443'),
	},
	{input: 'http://[::1]:4010', allowLoopback: true, target: emulator('http://[::1]:4010')},
	{input: 'http://127.0.0.1:4010', reason: 'loopback-not-allowed'},
	{input: 'http://localhost:4010/', allowLoopback: false, reason: 'loopback-not-allowed'},
	{input: 'http://127.0.0.1:0', allowLoopback: true, reason: 'port-not-allowed'},
	{input: 'http://127.0.0.1:70000', allowLoopback: true, reason: 'port-not-allowed'},
	{input: 'http://127.0.0.1:4010/a b', allowLoopback: true, reason: 'invalid-characters'},
	// Not loopback, only looks like it.
	{input: 'http://localhost.evil.com:4010', allowLoopback: true, reason: 'insecure-http'},
	{input: 'http://localhost:4010@evil.com', allowLoopback: true, reason: 'userinfo-not-allowed'},
	{input: 'http://127.0.0.1.evil.com', allowLoopback: true, reason: 'insecure-http'},
	{input: 'http://127.0.0.2:4010', allowLoopback: true, reason: 'insecure-http'},
	{input: 'http://10.0.0.5:8080', allowLoopback: true, reason: 'insecure-http'},
	{input: 'http://my-proxy.example.com/', reason: 'insecure-http'},
	{input: 'https://my-proxy.example.com/', reason: 'not-salesforce-host'},
];

for (const row of rows) {
	const name = JSON.stringify(row.input).slice(0, 70);
	test(`${name}${row.allowLoopback === true ? ' (loopback allowed)' : ''}`, () => {
		const options =
			row.allowLoopback === undefined ? undefined : {allowLoopback: row.allowLoopback};
		const result = parseLoginTarget(row.input, options);
		if ('reason' in row) {
			assert.equal(result.ok, false, result.ok ? `accepted ${result.target.loginUrl}` : '');
			if (!result.ok) {
				assert.equal(result.reason, row.reason);
				assert.ok(result.message.length > 20);
			}

			return;
		}

		assert.equal(result.ok, true, result.ok ? '' : `${result.reason}: ${result.message}`);
		if (!result.ok) return;
		assert.deepEqual(result.target, row.target);
		assert.equal(result.unsure, row.unsure ?? false);
		if (result.unsure) assert.ok(result.note);
	});
}

test('the insecure-http refusal explains the https rule', () => {
	const result = parseLoginTarget('http://my-proxy.example.com/');
	assert.equal(result.ok, false);
	assert.match(result.ok ? '' : result.message, /only sent over https, except to a loopback/);
});

test('generic targets are the documented login hosts', () => {
	assert.deepEqual(productionLogin, {
		loginUrl: 'https://login.salesforce.com',
		label: 'Production / Developer Edition',
		kind: 'unknown',
		source: 'generic',
	});
	assert.deepEqual(sandboxLogin, {
		loginUrl: 'https://test.salesforce.com',
		label: 'Sandbox',
		kind: 'sandbox',
		source: 'generic',
	});
});

test('notes of My Domain targets are passed through', () => {
	const result = parseLoginTarget('https://acme.my.site.com/s/');
	assert.equal(result.ok, true);
	assert.match(result.ok ? (result.note ?? '') : '', /site members log in on the site itself/);
});
