import {test} from 'node:test';
import assert from 'node:assert/strict';
import {describeLimitInfo, nearLimit, parseLimitInfo} from '../../source/core/limit-info.js';

test('api-usage alone, as on every counted REST response', () => {
	assert.deepEqual(parseLimitInfo('api-usage=18/5000'), {apiUsage: {used: 18, max: 5000}});
});

test('api-usage with bursts and the old per-app entry, in any order and spacing', () => {
	assert.deepEqual(
		parseLimitInfo(
			'per-app-api-usage=17/250(appName=sample-app), api-bursts=1/750 ,api-usage=18/5000',
		),
		{
			apiUsage: {used: 18, max: 5000},
			apiBursts: {used: 1, max: 750},
			perApp: [{used: 17, max: 250, app: 'sample-app'}],
		},
	);
});

test('absent, empty or unknown entries give undefined; unknown entries never hide known ones', () => {
	assert.equal(parseLimitInfo(undefined), undefined);
	assert.equal(parseLimitInfo(''), undefined);
	assert.equal(parseLimitInfo('something=1/2'), undefined);
	assert.equal(parseLimitInfo('api-usage=abc/5000'), undefined);
	assert.deepEqual(parseLimitInfo('future-limit=3/9, api-usage=1/2'), {
		apiUsage: {used: 1, max: 2},
	});
});

test('an app name with control characters never reaches the terminal as such', () => {
	const info = parseLimitInfo('per-app-api-usage=1/2(appName=a\u001b[31mb)');
	assert.equal(info?.perApp?.[0]?.app, 'a?[31mb');
});

test('the status line phrase: usage, share, bursts and apps', () => {
	assert.equal(describeLimitInfo({apiUsage: {used: 18, max: 5000}}), 'API 18/5000 today (0.4%)');
	assert.equal(describeLimitInfo({apiUsage: {used: 4600, max: 5000}}), 'API 4600/5000 today (92%)');
	assert.equal(
		describeLimitInfo({
			apiUsage: {used: 1, max: 0},
			apiBursts: {used: 1, max: 750},
			perApp: [{used: 17, max: 250, app: ''}],
		}),
		'API 1/0 today · bursts 1/750 · this app 17/250',
	);
});

test('near the limit from 90 % on', () => {
	assert.equal(nearLimit({apiUsage: {used: 4499, max: 5000}}), false);
	assert.equal(nearLimit({apiUsage: {used: 4500, max: 5000}}), true);
	assert.equal(nearLimit(undefined), false);
	assert.equal(nearLimit({apiUsage: {used: 0, max: 0}}), false);
});
