import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {orgsCommand} from '../../source/headless/orgs.js';
import {secretAccount} from '../../source/store/orgs.js';
import {
	fileContext,
	loggedIn,
	runCommand,
	temporaryDirectory,
	testEnv,
	withEmulator,
} from '../auth/helpers.js';

test('no orgs yet: says how to log in, exit 0', async (t) => {
	const env = testEnv(temporaryDirectory(t));
	const plain = await runCommand(orgsCommand, [], {env});
	assert.equal(plain.code, 0);
	assert.match(plain.stdout, /^No orgs yet\. Log in with: sftoken login --device/u);
	const json = await runCommand(orgsCommand, ['--json'], {env});
	assert.deepEqual(JSON.parse(json.stdout), {ok: true, orgs: []});
});

test('the saved orgs, the default first, never a token', async (t) => {
	const {context, directory} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const acme = await loggedIn(context, emulator, 0, 'acme');
		const uat = await loggedIn(context, emulator, 1, 'uat');
		const plain = await runCommand(orgsCommand, [], {env: testEnv(directory)});
		assert.equal(plain.code, 0);
		const lines = plain.stdout.trimEnd().split('\n');
		assert.equal(lines.length, 3);
		assert.match(lines[0] ?? '', /^ {3}ALIAS +USERNAME +ORG +KIND +ORG ID +INSTANCE$/u);
		assert.match(
			lines[1] ?? '',
			new RegExp(`^\\* +uat +${uat.org.username.replaceAll('.', '\\.')} .*${uat.org.orgId}`, 'u'),
		);
		assert.match(lines[2] ?? '', /^ {3}acme /u);
		const json = await runCommand(orgsCommand, ['--json'], {env: testEnv(directory)});
		const parsed = JSON.parse(json.stdout) as {
			defaultAlias: string;
			orgs: Array<Record<string, unknown>>;
		};
		assert.equal(parsed.defaultAlias, 'uat');
		assert.deepEqual(
			parsed.orgs.map((org) => org['alias']),
			['uat', 'acme'],
		);
		assert.equal(parsed.orgs[1]?.['instanceUrl'], acme.org.instanceUrl);
		for (const login of [acme, uat]) {
			const tokens = await context.secrets.read(secretAccount(login.org));
			for (const token of [tokens?.accessToken, tokens?.refreshToken]) {
				assert.ok(token);
				assert.ok(!plain.stdout.includes(token) && !json.stdout.includes(token));
			}
		}
	});
});

test('a hand-edited config full of nonsense lists what holds up and does not crash', async (t) => {
	const directory = temporaryDirectory(t);
	const good = {
		alias: 'good',
		loginUrl: 'https://login.salesforce.com',
		instanceUrl: 'https://acme.my.salesforce.com',
		username: 'ada@acme.com',
		orgId: '00D5g000004XyZaEAK',
		userId: '0055g00000AbCdEAAZ',
		loginMethod: 'web',
		lastUsedAt: 1,
	};
	writeFileSync(
		path.join(directory, 'config.json'),
		JSON.stringify({
			orgs: [
				good,
				null,
				'x',
				{alias: 7},
				{...good, alias: 'evil', loginUrl: 'http://evil.example.com'},
				{...good, alias: 'Δ'},
			],
			clientIds: 'nonsense',
			recentLogins: {a: 1},
		}),
	);
	const plain = await runCommand(orgsCommand, [], {env: testEnv(directory)});
	assert.equal(plain.code, 0, plain.stderr);
	assert.equal(plain.stdout.trimEnd().split('\n').length, 2);
	assert.match(plain.stdout, /\* +good +ada@acme\.com/u);
	// An `orgs` that is not a list is not read as "no orgs" (the next login would replace it): the
	// file is named, and left alone.
	const file = path.join(directory, 'config.json');
	writeFileSync(file, JSON.stringify({orgs: {not: 'a list'}}));
	const notAList = await runCommand(orgsCommand, ['--json'], {env: testEnv(directory)});
	assert.equal(notAList.code, 1);
	const {error} = JSON.parse(notAList.stdout) as {error: {title: string; fix: string}};
	assert.equal(
		error.title,
		`sftoken cannot use its config ${file}: “orgs” is not a list, not what sftoken writes`,
	);
	assert.match(error.fix, /delete it/u);
	assert.equal(readFileSync(file, 'utf8'), JSON.stringify({orgs: {not: 'a list'}}));
});

test('a config that is not JSON: exit 1 with the fix, and the file left alone', async (t) => {
	const directory = temporaryDirectory(t);
	const file = path.join(directory, 'config.json');
	writeFileSync(file, '{"orgs": [,]');
	const result = await runCommand(orgsCommand, [], {env: testEnv(directory)});
	assert.equal(result.code, 1);
	assert.match(
		result.stderr,
		/^sftoken orgs: sftoken cannot read its config: .*config\.json.*\. .*delete it/u,
	);
	const json = await runCommand(orgsCommand, ['--json'], {env: testEnv(directory)});
	assert.equal((JSON.parse(json.stdout) as {error: {code: string}}).error.code, 'storage');
});

test('usage errors exit 2', async (t) => {
	const env = testEnv(temporaryDirectory(t));
	const result = await runCommand(orgsCommand, ['--org', 'x'], {env});
	assert.equal(result.code, 2);
	assert.match(result.stderr, /unknown option "org"/u);
});
