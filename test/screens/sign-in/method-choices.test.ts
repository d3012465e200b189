import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	clientIdFeedback,
	methodChoices,
	shortClientId,
} from '../../../source/screens/sign-in/method-choices.js';
import {isValidClientId} from '../../../source/store/client-ids.js';

test('over SSH the device code is recommended, locally the browser', () => {
	const ssh = methodChoices({ssh: true});
	assert.deepEqual(
		ssh.items.map((item) => item.value),
		['device', 'browser', 'paste'],
	);
	assert.equal(ssh.items[ssh.recommended]?.label, 'Device code · recommended over SSH');
	const local = methodChoices({ssh: false});
	assert.equal(local.items[local.recommended]?.label, 'Browser on this machine · recommended');
});

test('consumer key feedback: empty, refused, the secret by mistake, fine', () => {
	assert.deepEqual(clientIdFeedback('  ', isValidClientId), {state: 'empty'});
	assert.equal(clientIdFeedback('3MVG9 abc', isValidClientId).state, 'refused');
	assert.equal(clientIdFeedback('A1B2C3D4E5F6', isValidClientId).state, 'caution');
	assert.deepEqual(clientIdFeedback(' 3MVG9abc.def_1 ', isValidClientId), {state: 'ok'});
});

test('a long key is shown by its start and its end', () => {
	assert.equal(shortClientId('3MVG9sftoken.Emulator.Demo_App.Key'), '3MVG9sfto….Key');
	assert.equal(shortClientId('3MVG9short'), '3MVG9short');
});
