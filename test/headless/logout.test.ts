import {test} from 'node:test';
import assert from 'node:assert/strict';
import {logoutCommand} from '../../source/headless/logout.js';
import {sendRestRequest} from '../../source/salesforce/rest.js';
import {
	fileContext,
	loggedIn,
	runCommand,
	testEnv,
	testHttp,
	withEmulator,
} from '../auth/helpers.js';

async function userinfoStatus(instanceUrl: string, accessToken: string): Promise<number> {
	const response = await sendRestRequest({
		instanceUrl,
		accessToken,
		method: 'GET',
		path: '/services/oauth2/userinfo',
		client: testHttp,
	});
	assert.ok(response.ok);
	return response.value.status;
}

test('sftoken logout --org revokes (the old token is refused) and forgets the org', async (t) => {
	const {context, directory} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const acme = await loggedIn(context, emulator, 0, 'acme');
		await loggedIn(context, emulator, 1, 'uat');
		const result = await runCommand(logoutCommand, ['--org', 'acme'], {env: testEnv(directory)});
		assert.equal(result.code, 0, result.stderr);
		assert.match(result.stdout, /^Logged out of “acme” \(.*\): tokens revoked and forgotten\.\n$/u);
		assert.equal(result.stderr, '');
		assert.notEqual(await userinfoStatus(acme.org.instanceUrl, acme.accessToken), 200);
		assert.deepEqual(
			context.orgs.list().map((org) => org.alias),
			['uat'],
		);
	});
});

test('--json; when Salesforce cannot be reached the org is still forgotten, with a warning', async (t) => {
	const {context, directory} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		await loggedIn(context, emulator, 0, 'acme');
		emulator.setFaults([{path: '/services/oauth2/revoke', fault: 'reset'}]);
		const result = await runCommand(logoutCommand, ['--json'], {env: testEnv(directory)});
		assert.equal(result.code, 0);
		const json = JSON.parse(result.stdout) as Record<string, unknown>;
		assert.equal(json['alias'], 'acme');
		assert.equal(json['revoked'], false);
		assert.match(String(json['warning']), /may still be valid on the server/u);
		assert.deepEqual(context.orgs.list(), []);
	});
});

test('an unknown org: exit 1; usage errors: exit 2', async (t) => {
	const {directory} = await fileContext(t);
	const unknown = await runCommand(logoutCommand, ['--org', 'nope'], {env: testEnv(directory)});
	assert.equal(unknown.code, 1);
	assert.match(unknown.stderr, /^sftoken logout: No org named “nope”/u);
	const usage = await runCommand(logoutCommand, ['--bogus'], {env: testEnv(directory)});
	assert.equal(usage.code, 2);
});
