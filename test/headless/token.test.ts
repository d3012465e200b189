import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {tokenCommand} from '../../source/headless/token.js';
import {revokeToken} from '../../source/salesforce/oauth-tokens.js';
import {secretAccount} from '../../source/store/orgs.js';
import {
	fileContext,
	loggedIn,
	runCommand,
	testEnv,
	testHttp,
	withEmulator,
} from '../auth/helpers.js';

test('sftoken token prints the access token and nothing else', async (t) => {
	const {context, directory} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const login = await loggedIn(context, emulator);
		const result = await runCommand(tokenCommand, [], {env: testEnv(directory)});
		assert.equal(result.code, 0, result.stderr);
		assert.equal(result.stdout, `${login.accessToken}\n`);
		assert.equal(result.stderr, '');
	});
});

test('after the session ended it refreshes transparently: still only the new token on stdout', async (t) => {
	const {context, directory} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const login = await loggedIn(context, emulator, 1, 'uat');
		emulator.expireSessions();
		const result = await runCommand(tokenCommand, ['--org', 'uat'], {env: testEnv(directory)});
		assert.equal(result.code, 0, result.stderr);
		assert.equal(result.stderr, '');
		const token = result.stdout.trimEnd();
		assert.equal(result.stdout, `${token}\n`);
		assert.notEqual(token, login.accessToken);
		assert.ok(token.startsWith(`${emulator.orgs[1]?.orgId15 ?? '?'}!`));
		const stored = await context.secrets.read(secretAccount(login.org));
		assert.equal(stored?.accessToken, token);
		const config = readFileSync(path.join(directory, 'config.json'), 'utf8');
		assert.ok(!config.includes(token), 'the new access token is not in the config');
		assert.ok(stored.refreshToken && !config.includes(stored.refreshToken));
	});
});

test('--json adds the instance URL, org id, username and API version', async (t) => {
	const {context, directory} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const login = await loggedIn(context, emulator, 0, 'acme');
		emulator.expireSessions();
		const result = await runCommand(tokenCommand, ['--json'], {env: testEnv(directory)});
		assert.equal(result.code, 0, result.stderr);
		const json = JSON.parse(result.stdout) as Record<string, unknown>;
		assert.equal(json['ok'], true);
		assert.equal(json['instanceUrl'], login.org.instanceUrl);
		assert.equal(json['orgId'], login.org.orgId);
		assert.equal(json['username'], login.org.username);
		assert.equal(json['apiVersion'], login.org.apiVersion);
		assert.equal(json['alias'], 'acme');
		assert.equal(json['refreshed'], true);
		assert.match(String(json['accessToken']), /^00D\w{12}!/u);
	});
});

test('a refresh Salesforce refuses: exit 1, nothing on stdout, "log in again" with the command', async (t) => {
	const {context, directory} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const login = await loggedIn(context, emulator, 0, 'acme');
		const stored = await context.secrets.read(secretAccount(login.org));
		assert.ok(stored?.refreshToken);
		assert.ok(
			(
				await revokeToken(
					{loginUrl: emulator.loginUrl, token: stored.refreshToken},
					{client: testHttp},
				)
			).ok,
		);
		const result = await runCommand(tokenCommand, [], {env: testEnv(directory)});
		assert.equal(result.code, 1);
		assert.equal(result.stdout, '');
		assert.match(
			result.stderr,
			/^sftoken token: Log in to acme again\. Log in again: sftoken login --device --domain http:\/\/127\.0\.0\.1:\d+ --client-id \S+ --alias acme/u,
		);
		const json = await runCommand(tokenCommand, ['--json'], {env: testEnv(directory)});
		assert.equal(json.code, 1);
		assert.equal((JSON.parse(json.stdout) as {error: {code: string}}).error.code, 'login-again');
	});
});

test('no org, or an unknown one: exit 1 with what to do', async (t) => {
	const {context, directory} = await fileContext(t);
	const none = await runCommand(tokenCommand, [], {env: testEnv(directory)});
	assert.equal(none.code, 1);
	assert.equal(none.stdout, '');
	assert.match(none.stderr, /Not logged in to any org\. Log in first: sftoken login/u);
	await withEmulator({}, async (emulator) => {
		await loggedIn(context, emulator);
		const unknown = await runCommand(tokenCommand, ['--org', 'globex'], {env: testEnv(directory)});
		assert.equal(unknown.code, 1);
		assert.match(unknown.stderr, /No org named “globex”\. List the saved orgs with sftoken orgs/u);
	});
});

test('usage errors exit 2', async (t) => {
	const {directory} = await fileContext(t);
	for (const argv of [['--bogus'], ['extra'], ['--org']]) {
		const result = await runCommand(tokenCommand, argv, {env: testEnv(directory)});
		assert.equal(result.code, 2, argv.join(' '));
		assert.equal(result.stdout, '');
		assert.match(result.stderr, /^sftoken token: .*\nUsage: sftoken token/u);
	}
});
