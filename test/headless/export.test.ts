import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {promisify} from 'node:util';
import postman, {type CollectionDefinition} from 'postman-collection';
import {curlCommand} from '../../source/core/export-curl.js';
import {exportCommand} from '../../source/headless/export.js';
import {sendRestRequest} from '../../source/salesforce/rest.js';
import {historyInputOf} from '../../source/store/history-input.js';
import {openHistoryStore} from '../../source/store/history.js';
import {input, prodOrg} from '../helpers/history-entries.js';
import {
	fileContext,
	loggedIn,
	runCommand,
	temporaryDirectory,
	testEnv,
	testHttp,
	withEmulator,
} from '../auth/helpers.js';

const run = promisify(execFile);

async function seeded(t: {after(fn: () => void): void}) {
	const directory = temporaryDirectory(t);
	let next = 0;
	const history = openHistoryStore({directory, newId: () => `id${next++}`});
	await history.append(input({method: 'GET', path: '/services/data/v66.0/limits'}));
	await history.append(
		input({
			method: 'POST',
			path: '/services/apexrest/Contacts',
			requestBody: '{"a":1}',
			org: prodOrg,
		}),
	);
	return directory;
}

test('--curl - writes the script to stdout, IDs (or their beginnings) in the order given', async (t) => {
	const directory = await seeded(t);
	const result = await runCommand(exportCommand, ['--curl', '-', 'id1', 'id0'], {
		env: testEnv(directory),
	});
	assert.equal(result.code, 0, result.stderr);
	const commands = result.stdout.match(/^curl .*$/gmu) ?? [];
	assert.deepEqual(commands, [
		"curl -sS -X POST 'https://acme.my.salesforce.com/services/apexrest/Contacts' \\",
		"curl -sS 'https://acme--uat.sandbox.my.salesforce.com/services/data/v66.0/limits' \\",
	]);
	assert.match(result.stdout, /sftoken token --org ALIAS/u, 'two orgs: one token each');
});

test('--postman FILE writes a collection importable with Postman’s library; messages on stderr', async (t) => {
	const directory = await seeded(t);
	const file = path.join(directory, 'out.postman_collection.json');
	const result = await runCommand(exportCommand, ['--postman', file], {env: testEnv(directory)});
	assert.equal(result.code, 0, result.stderr);
	assert.equal(result.stdout, '');
	assert.match(result.stderr, /^Wrote 2 requests to .*out\.postman_collection\.json\n/u);
	const collection = new postman.Collection(
		JSON.parse(readFileSync(file, 'utf8')) as CollectionDefinition,
	);
	const urls: string[] = [];
	collection.forEachItem((item) => urls.push(item.request.url.toString()));
	assert.deepEqual(urls, [
		'{{instance_url}}/services/data/v66.0/limits',
		'{{acme_instance_url}}/services/apexrest/Contacts',
	]);
});

test('errors: unknown ID and empty history exit 1; usage exits 2', async (t) => {
	const directory = await seeded(t);
	const env = testEnv(directory);
	const unknown = await runCommand(exportCommand, ['--curl', '-', 'nope'], {env});
	assert.equal(unknown.code, 1);
	assert.match(unknown.stderr, /no entry in history with ID nope/u);
	const empty = await runCommand(exportCommand, ['--curl', '-'], {
		env: testEnv(temporaryDirectory(t)),
	});
	assert.deepEqual(
		[empty.code, empty.stderr],
		[1, 'sftoken export: history is empty: nothing to export\n'],
	);
	const byOrg = await runCommand(exportCommand, ['--curl', '-', '--org', 'acme'], {env});
	assert.equal(byOrg.stdout.match(/^curl /gmu)?.length, 1);
	for (const argv of [
		[],
		['--curl'],
		['--curl', '--postman', 'f'],
		['-'],
		['--curl', '-', '--org', 'acme', 'id0'],
		['--bad', '-'],
	]) {
		const result = await runCommand(exportCommand, argv, {env});
		assert.equal(result.code, 2, argv.join(' '));
		assert.match(result.stderr, /Usage: sftoken export/u);
	}
});

test('the exported curl commands run against the emulator with SF_ACCESS_TOKEN set', async (t) => {
	await withEmulator({}, async (emulator) => {
		const {context, directory} = await fileContext(t);
		const login = await loggedIn(context, emulator);
		const {org, accessToken} = login;
		const history = openHistoryStore({directory});
		const requests = [
			{method: 'GET', path: '/services/data/v66.0/limits', headers: {}},
			{
				method: 'POST',
				path: '/services/data/v66.0/sobjects/Account',
				headers: {'Sforce-Auto-Assign': 'FALSE'},
				body: '{"Name":"Exported O\'Brien"}',
			},
		] as const;
		for (const request of requests) {
			const started = Date.now();
			const result = await sendRestRequest({
				instanceUrl: org.instanceUrl,
				accessToken,
				method: request.method,
				path: request.path,
				headers: request.headers,
				...('body' in request ? {body: request.body} : {}),
				client: testHttp,
			});
			assert.ok(result.ok);
			await history.append(
				historyInputOf({
					org,
					request,
					result,
					token: accessToken,
					durationMs: Date.now() - started,
				}),
			);
		}

		const entries = await history.list();
		assert.deepEqual(
			entries.map((entry) => entry.status),
			[201, 200],
		);

		const script = path.join(directory, 'requests.sh');
		const exported = await runCommand(exportCommand, ['--curl', script], {env: testEnv(directory)});
		assert.equal(exported.code, 0, exported.stderr);
		assert.equal(statSync(script).mode & 0o100, 0o100, 'executable');
		const text = readFileSync(script, 'utf8');
		assert.ok(!text.includes(accessToken));
		assert.ok(text.includes(org.instanceUrl));

		const env = {PATH: process.env['PATH'] ?? '', SF_ACCESS_TOKEN: accessToken, NO_PROXY: '*'};
		const {stdout} = await run('sh', [script], {env});
		assert.match(stdout, /"DailyApiRequests"/u);
		assert.match(stdout, /"success":\s*true/u);

		// Each command alone, as a user pastes it: 200 for the GET, 201 for the POST.
		for (const [index, expected] of [
			[1, '200'],
			[0, '201'],
		] as const) {
			const entry = entries[index];
			assert.ok(entry);
			const command = curlCommand(
				{
					method: entry.method,
					path: entry.path,
					headers: entry.requestHeaders,
					...(entry.requestBody === undefined ? {} : {body: entry.requestBody}),
				},
				entry.org.instanceUrl,
			);
			const status = await run('sh', ['-c', `${command} -o /dev/null -w '%{http_code}'`], {env});
			assert.equal(status.stdout, expected);
		}

		// Without the token the same command is refused: the token really comes from the variable.
		const entry = entries[1];
		assert.ok(entry);
		const refused = await run(
			'sh',
			[
				'-c',
				`${curlCommand({method: 'GET', path: entry.path, headers: {}}, entry.org.instanceUrl)} -o /dev/null -w '%{http_code}'`,
			],
			{
				env: {...env, SF_ACCESS_TOKEN: 'nope'},
			},
		);
		assert.equal(refused.stdout, '401');

		// Nothing but the token storage (SFTOKEN_SECRETS=file here) holds the token.
		const files = readdirSync(directory).filter((name) => name !== 'secrets.json');
		assert.ok(files.includes('history.jsonl') && files.includes('requests.sh'), files.join());
		for (const name of files) {
			assert.ok(!readFileSync(path.join(directory, name)).includes(accessToken), name);
		}
	});
});
