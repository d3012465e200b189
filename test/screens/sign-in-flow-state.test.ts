import {test} from 'node:test';
import assert from 'node:assert/strict';
import {appReducer, initialAppState, screenTitle, type AppState} from '../../source/app-state.js';
import type {LoggedInOrg} from '../../source/auth/complete-login.js';
import type {LoginTarget} from '../../source/core/login-target.js';

const target: LoginTarget = {
	loginUrl: 'https://acme.my.salesforce.com',
	label: 'acme',
	kind: 'production',
	source: 'my-domain',
};
const signingIn: AppState = appReducer(initialAppState, {type: 'choose-target', target});
const login = {accessToken: 'token'} as unknown as LoggedInOrg;

test('each method leads to its screen, with the consumer key the OAuth flows need', () => {
	assert.deepEqual(
		appReducer(signingIn, {type: 'choose-method', choice: {method: 'device', clientId: 'k'}})
			.screen,
		{name: 'device-login', target, clientId: 'k'},
	);
	assert.deepEqual(
		appReducer(signingIn, {type: 'choose-method', choice: {method: 'browser', clientId: 'k'}})
			.screen,
		{name: 'browser-login', target, clientId: 'k'},
	);
	assert.deepEqual(
		appReducer(signingIn, {type: 'choose-method', choice: {method: 'paste'}}).screen,
		{name: 'paste-token', target},
	);
});

test('a login ends on "Who am I"; from elsewhere a login report changes nothing', () => {
	const device = appReducer(signingIn, {
		type: 'choose-method',
		choice: {method: 'device', clientId: 'k'},
	});
	assert.deepEqual(appReducer(device, {type: 'logged-in', login}).screen, {
		name: 'identity',
		target,
		login,
	});
	assert.equal(appReducer(signingIn, {type: 'logged-in', login}), signingIn);
	assert.equal(
		appReducer(initialAppState, {type: 'choose-method', choice: {method: 'paste'}}).screen,
		initialAppState.screen,
	);
});

test('Esc from a login or its result goes back to the choice of method, from there to the start', () => {
	const paste = appReducer(signingIn, {type: 'choose-method', choice: {method: 'paste'}});
	assert.deepEqual(appReducer(paste, {type: 'back'}).screen, {name: 'sign-in', target});
	const identity: AppState = {screen: {name: 'identity', target, login}};
	assert.deepEqual(appReducer(identity, {type: 'back'}).screen, {name: 'sign-in', target});
	assert.deepEqual(appReducer(signingIn, {type: 'back'}), initialAppState);
});

test('every sign-in screen has a title', () => {
	assert.equal(
		screenTitle({name: 'device-login', target, clientId: 'k'}),
		'Sign in with a device code',
	);
	assert.equal(
		screenTitle({name: 'browser-login', target, clientId: 'k'}),
		'Sign in with your browser',
	);
	assert.equal(screenTitle({name: 'paste-token', target}), 'Sign in with a token');
	assert.equal(screenTitle({name: 'identity', target, login}), 'Who am I');
});
