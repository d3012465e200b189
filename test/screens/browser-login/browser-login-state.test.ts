import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {WebLogin} from '../../../source/auth/web-login.js';
import {
	browserLoginReducer,
	initialBrowserLoginState,
} from '../../../source/screens/browser-login/browser-login-state.js';

const login: WebLogin = {
	authorizeUrl: 'https://login.salesforce.com/services/oauth2/authorize?state=s',
	redirectUri: 'http://localhost:1717/OauthRedirect',
	listenPort: 1717,
	browser: {opened: false},
	submitRedirect: () => ({accepted: true}),
	result: new Promise(() => undefined),
	cancel: () => undefined,
};

test('waiting keeps only what is shown, not the handle', () => {
	const state = browserLoginReducer(initialBrowserLoginState, {type: 'waiting', login, at: 5});
	assert.deepEqual(state, {
		phase: 'waiting',
		since: 5,
		login: {
			authorizeUrl: login.authorizeUrl,
			redirectUri: login.redirectUri,
			listenPort: 1717,
			browser: {opened: false},
		},
	});
});

test('the code exchange and identity check finish the login; waiting-for-browser changes nothing', () => {
	const waiting = browserLoginReducer(initialBrowserLoginState, {type: 'waiting', login, at: 0});
	assert.equal(
		browserLoginReducer(waiting, {type: 'status', status: {step: 'waiting-for-browser'}}),
		waiting,
	);
	const exchanging = browserLoginReducer(waiting, {
		type: 'status',
		status: {step: 'exchanging-code'},
	});
	assert.deepEqual(exchanging, {phase: 'finishing', step: 'exchanging-code'});
	assert.deepEqual(browserLoginReducer(exchanging, {type: 'done'}), {phase: 'done'});
});
