import {test} from 'node:test';
import assert from 'node:assert/strict';
import {appReducer, initialAppState, screenTitle} from '../source/app-state.js';
import type {LoginTarget} from '../source/core/login-target.js';

const target: LoginTarget = {
	loginUrl: 'https://acme--uat.sandbox.my.salesforce.com',
	label: 'acme--uat',
	kind: 'sandbox',
	source: 'my-domain',
};

test('the app starts on "Where do you log in?"', () => {
	assert.deepEqual(initialAppState.screen, {name: 'domain'});
	assert.equal(screenTitle(initialAppState.screen), 'Where do you log in?');
});

test('choosing a target moves on to signing in to it', () => {
	const state = appReducer(initialAppState, {type: 'choose-target', target});
	assert.deepEqual(state.screen, {name: 'sign-in', target});
});

test('back from signing in returns to the first screen', () => {
	const signingIn = appReducer(initialAppState, {type: 'choose-target', target});
	assert.deepEqual(appReducer(signingIn, {type: 'back'}), initialAppState);
});

test('back on the first screen changes nothing', () => {
	assert.equal(appReducer(initialAppState, {type: 'back'}), initialAppState);
});
