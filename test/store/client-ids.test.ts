import {test} from 'node:test';
import assert from 'node:assert/strict';
import {clientIdStore, isValidClientId} from '../../source/store/client-ids.js';
import {inMemoryStore} from '../../source/store/config-store.js';

test('a client id is remembered per login host, whatever the URL’s spelling', () => {
	const ids = clientIdStore(inMemoryStore());
	ids.remember('https://login.salesforce.com', '3MVG9prod');
	ids.remember('https://acme.my.salesforce.com/', '3MVG9acme');
	assert.equal(ids.get('https://LOGIN.salesforce.com/'), '3MVG9prod');
	assert.equal(ids.get('https://acme.my.salesforce.com'), '3MVG9acme');
	assert.equal(ids.get('https://test.salesforce.com'), undefined);
	ids.remember('https://login.salesforce.com', '3MVG9new');
	assert.equal(ids.get('https://login.salesforce.com'), '3MVG9new');
	ids.forget('https://login.salesforce.com');
	assert.equal(ids.get('https://login.salesforce.com'), undefined);
	assert.equal(ids.get('https://acme.my.salesforce.com'), '3MVG9acme');
});

test('the emulator’s loopback host is remembered with its port', () => {
	const ids = clientIdStore(inMemoryStore());
	ids.remember('http://127.0.0.1:4000', 'emulator');
	assert.equal(ids.get('http://127.0.0.1:4000'), 'emulator');
	assert.equal(ids.get('http://127.0.0.1:4001'), undefined);
});

test('an invalid client id or URL is not remembered', () => {
	const ids = clientIdStore(inMemoryStore());
	ids.remember('https://login.salesforce.com', 'has space');
	ids.remember('not a url', '3MVG9');
	assert.equal(ids.get('https://login.salesforce.com'), undefined);
	assert.equal(ids.get('not a url'), undefined);
});

test('hand-edited nonsense reads as the valid pairs', () => {
	const store = inMemoryStore();
	store.set('clientIds', [
		null,
		'x',
		{loginUrl: 'https://login.salesforce.com'},
		{loginUrl: 3, clientId: 'a'},
		{loginUrl: 'https://test.salesforce.com', clientId: 'line\nbreak'},
		{loginUrl: 'https://test.salesforce.com/', clientId: 'kept'},
		{loginUrl: 'https://test.salesforce.com', clientId: 'second ignored'},
	]);
	const ids = clientIdStore(store);
	assert.equal(ids.get('https://test.salesforce.com'), 'kept');
	assert.equal(ids.get('https://login.salesforce.com'), undefined);
	store.set('clientIds', 'nonsense');
	assert.equal(ids.get('https://test.salesforce.com'), undefined);
});

test('isValidClientId', () => {
	assert.ok(isValidClientId('3MVG9sftoken.Emulator.Demo_App'));
	assert.ok(!isValidClientId(''));
	assert.ok(!isValidClientId('a b'));
	assert.ok(!isValidClientId('x'.repeat(257)));
});
