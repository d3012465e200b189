import {test} from 'node:test';
import assert from 'node:assert/strict';
import {deriveForInput} from '../../../source/screens/domain/describe-target.js';

const cases: Array<{input: string; loginUrl: string; summary: string}> = [
	{
		input: 'https://acme--uat.sandbox.lightning.force.com/lightning/page/home',
		loginUrl: 'https://acme--uat.sandbox.my.salesforce.com',
		summary: "Sandbox 'uat' of acme",
	},
	{
		input: 'https://acme.lightning.force.com/',
		loginUrl: 'https://acme.my.salesforce.com',
		summary: 'Production org acme',
	},
	{
		input: 'https://fun-dream-1234.scratch.my.salesforce.com',
		loginUrl: 'https://fun-dream-1234.scratch.my.salesforce.com',
		summary: 'Scratch org fun-dream-1234',
	},
	{
		input: 'test',
		loginUrl: 'https://test.salesforce.com',
		summary: "Sandbox: the shared login page, not an org's own",
	},
];

test('an org URL derives its login URL and the org in words', () => {
	for (const {input, loginUrl, summary} of cases) {
		const derived = deriveForInput(input, {allowLoopback: false});
		assert.equal(derived.state, 'ok', input);
		if (derived.state !== 'ok') continue;
		assert.equal(derived.target.loginUrl, loginUrl);
		assert.equal(derived.summary, summary);
		assert.equal(derived.caution, undefined);
	}
});

test('an unsure mapping carries its note as a caution', () => {
	const derived = deriveForInput('https://acme.lightning.force.com.mcas.ms/x', {
		allowLoopback: false,
	});
	assert.equal(derived.state, 'ok');
	assert.match(derived.state === 'ok' ? (derived.caution ?? '') : '', /mcas\.ms/);
});

test('a refusal says what to paste instead', () => {
	const derived = deriveForInput('https://na123.salesforce.com', {allowLoopback: false});
	assert.equal(derived.state, 'refused');
	assert.match(derived.state === 'refused' ? derived.message : '', /avatar menu/);
});

test('nothing typed yet is not an error', () => {
	assert.deepEqual(deriveForInput('', {allowLoopback: false}), {state: 'empty'});
	assert.deepEqual(deriveForInput('  ', {allowLoopback: false}), {state: 'empty'});
});

test('loopback addresses are accepted only in demo mode', () => {
	assert.equal(deriveForInput('http://127.0.0.1:4321', {allowLoopback: false}).state, 'refused');
	const demo = deriveForInput('http://127.0.0.1:4321', {allowLoopback: true});
	assert.equal(demo.state === 'ok' ? demo.target.loginUrl : demo.state, 'http://127.0.0.1:4321');
});
