import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseLoginTarget} from '../../../source/core/login-target.js';
import type {LoginTarget} from '../../../source/core/login-target.js';
import {domainChoices} from '../../../source/screens/domain/choices.js';

function target(url: string): LoginTarget {
	const parsed = parseLoginTarget(url);
	assert.ok(parsed.ok);
	return parsed.target;
}

test('without recent logins the three fixed ways are offered', () => {
	const items = domainChoices([], undefined);
	assert.deepEqual(
		items.map((item) => [item.label, item.detail]),
		[
			['Production / Developer Edition', 'https://login.salesforce.com'],
			['Sandbox', 'https://test.salesforce.com'],
			['My Domain', "paste any URL from your org's browser tab"],
		],
	);
	assert.ok(items.every((item) => item.removable !== true));
});

test('recent logins come first, labelled with their URL and kind, and can be forgotten', () => {
	const items = domainChoices(
		[
			target('https://acme--uat.sandbox.my.salesforce.com'),
			target('https://acme.my.salesforce.com'),
		],
		undefined,
	);
	assert.deepEqual(
		items.slice(0, 2).map((item) => [item.label, item.detail, item.removable]),
		[
			['https://acme--uat.sandbox.my.salesforce.com', 'recent · Sandbox', true],
			['https://acme.my.salesforce.com', 'recent · Production', true],
		],
	);
	assert.equal(items.length, 5);
});

test('demo mode puts the emulator and its orgs first', () => {
	const items = domainChoices([], {
		loginUrl: 'http://127.0.0.1:4100',
		orgs: [
			{name: 'acme', myDomainUrl: 'http://127.0.0.1:4100/org/acme', sandbox: false},
			{name: 'acme-uat', myDomainUrl: 'http://127.0.0.1:4100/org/acme-uat', sandbox: true},
		],
	});
	assert.deepEqual(
		items.slice(0, 3).map((item) => item.label),
		['Demo login service (emulator)', 'Demo org acme', 'Demo org acme-uat'],
	);
	const uat = items[2]?.value;
	assert.deepEqual(uat, {
		type: 'target',
		target: {
			loginUrl: 'http://127.0.0.1:4100/org/acme-uat',
			label: 'acme-uat',
			kind: 'sandbox',
			source: 'emulator',
		},
	});
	assert.equal(items.at(-1)?.label, 'My Domain');
});
