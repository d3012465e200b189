import {test} from 'node:test';
import assert from 'node:assert/strict';
import {appReducer, screenTitle, type AppState} from '../../../source/app-state.js';
import type {LoggedInOrg} from '../../../source/auth/complete-login.js';
import {productionLogin} from '../../../source/core/login-target.js';

const login = {
	org: {
		alias: 'acme',
		loginUrl: 'https://login.salesforce.com',
		instanceUrl: 'https://acme.my.salesforce.com',
		username: 'ada@acme.com',
		orgId: '00D5g000004XyZaEAK',
		userId: '0055g00000MLYgyAAH',
		loginMethod: 'device',
		lastUsedAt: 0,
	},
	accessToken: '00D5g000004XyZa!x',
	user: {
		userId: '0055g00000MLYgyAAH',
		orgId: '00D5g000004XyZaEAK',
		username: 'ada@acme.com',
		name: 'Ada',
		email: 'ada@acme.com',
	},
	replaced: false,
} satisfies LoggedInOrg;

const identity: AppState = {screen: {name: 'identity', target: productionLogin, login}};

test('Enter on "Who am I" continues to the request screen with the same login; Esc comes back', () => {
	const request = appReducer(identity, {type: 'continue'});
	assert.deepEqual(request, {screen: {name: 'request', target: productionLogin, login}});
	assert.equal(screenTitle(request.screen), 'Request');
	assert.deepEqual(appReducer(request, {type: 'back'}), identity);
});

test('continue means nothing anywhere but "Who am I"', () => {
	const domain: AppState = {screen: {name: 'domain'}};
	assert.equal(appReducer(domain, {type: 'continue'}), domain);
	const request = appReducer(identity, {type: 'continue'});
	assert.equal(appReducer(request, {type: 'continue'}), request);
});
