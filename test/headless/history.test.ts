import assert from 'node:assert/strict';
import {test} from 'node:test';
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {historyCommand} from '../../source/headless/history.js';
import {requestCommand} from '../../source/headless/request.js';
import {openHistoryStore} from '../../source/store/history.js';
import {input, prodOrg} from '../helpers/history-entries.js';
import {
	fileContext,
	loggedIn,
	runCommand,
	temporaryDirectory,
	testEnv,
	withEmulator,
} from '../auth/helpers.js';

async function seeded(t: {after(fn: () => void): void}) {
	const directory = temporaryDirectory(t);
	let next = 0;
	const history = openHistoryStore({directory, newId: () => `id${next++}`});
	await history.append(
		input({
			method: 'GET',
			path: '/services/data/v66.0/limits',
			time: Date.UTC(2025, 0, 2, 3, 4, 5),
		}),
	);
	await history.append(
		input({
			method: 'POST',
			path: '/services/apexrest/Contacts',
			status: 400,
			org: prodOrg,
			durationMs: 1500,
			time: Date.UTC(2025, 0, 2, 3, 5, 0),
		}),
	);
	await history.append(
		input({
			method: 'DELETE',
			path: '/x\u001B]0;pwned\u0007',
			status: undefined,
			error: 'reset',
			time: Date.UTC(2025, 0, 2, 3, 6, 0),
		}),
	);
	return directory;
}

test('plain: one line per entry, newest first, control characters made visible', async (t) => {
	const directory = await seeded(t);
	const {code, stdout, stderr} = await runCommand(historyCommand, [], {env: testEnv(directory)});
	assert.equal(code, 0, stderr);
	assert.equal(
		stdout,
		[
			'id2  2025-01-02T03:06:00Z  DELETE  ERR   120 ms  acme-uat  /x⟨U+001B⟩]0;pwned⟨U+0007⟩',
			'id1  2025-01-02T03:05:00Z  POST    400    1.5 s  acme  /services/apexrest/Contacts',
			'id0  2025-01-02T03:04:05Z  GET     200   120 ms  acme-uat  /services/data/v66.0/limits',
			'',
		].join('\n'),
	);
});

test('--json: one object with the entries; --limit and --org narrow it', async (t) => {
	const directory = await seeded(t);
	const all = await runCommand(historyCommand, ['--json'], {env: testEnv(directory)});
	const parsed = JSON.parse(all.stdout) as {
		ok: boolean;
		entries: Array<{id: string; org: {alias: string}}>;
	};
	assert.equal(parsed.ok, true);
	assert.deepEqual(
		parsed.entries.map((entry) => entry.id),
		['id2', 'id1', 'id0'],
	);
	assert.ok(!all.stdout.includes('\u001B'), 'escape sequences escaped in JSON');
	const limited = await runCommand(historyCommand, ['--json', '--limit', '1'], {
		env: testEnv(directory),
	});
	assert.deepEqual(
		(JSON.parse(limited.stdout) as typeof parsed).entries.map((entry) => entry.id),
		['id2'],
	);
	for (const name of ['acme', 'ada@acme.com', prodOrg.orgId, prodOrg.orgId.slice(0, 15)]) {
		const byOrg = await runCommand(historyCommand, ['--json', '--org', name], {
			env: testEnv(directory),
		});
		assert.deepEqual(
			(JSON.parse(byOrg.stdout) as typeof parsed).entries.map((entry) => entry.id),
			['id1'],
			name,
		);
	}
});

test('empty history: says so on stderr, exit 0; usage errors exit 2', async (t) => {
	const directory = temporaryDirectory(t);
	const empty = await runCommand(historyCommand, [], {env: testEnv(directory)});
	assert.deepEqual(
		[empty.code, empty.stdout, empty.stderr],
		[0, '', 'No requests in history yet.\n'],
	);
	const json = await runCommand(historyCommand, ['--json'], {env: testEnv(directory)});
	assert.deepEqual(JSON.parse(json.stdout), {ok: true, entries: []});
	for (const argv of [['--limit', '0'], ['--limit', 'x'], ['--nope'], ['extra'], ['--org', '']]) {
		const result = await runCommand(historyCommand, argv, {env: testEnv(directory)});
		assert.equal(result.code, 2, argv.join(' '));
		assert.match(result.stderr, /Usage: sftoken history/u);
	}

	const help = await runCommand(historyCommand, ['--help'], {env: testEnv(directory)});
	assert.match(help.stdout, /--limit N/u);
});

test('a damaged history file: the notice once on stderr (plain) or in the JSON', async (t) => {
	const directory = temporaryDirectory(t);
	writeFileSync(path.join(directory, 'history.jsonl'), 'garbage\nmore garbage\n');
	const result = await runCommand(historyCommand, ['--json'], {env: testEnv(directory)});
	const parsed = JSON.parse(result.stdout) as {notice?: string};
	assert.match(parsed.notice ?? '', /damaged/u);
	const again = await runCommand(historyCommand, [], {env: testEnv(directory)});
	assert.equal(again.stderr, 'No requests in history yet.\n');
});

test('sftoken request keeps every request in history, without the token, even one sent in a header', async (t) => {
	const {context, directory} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const {accessToken} = await loggedIn(context, emulator);
		const env = testEnv(directory);
		const get = await runCommand(requestCommand, ['/services/apexrest/Contacts?limit=1'], {env});
		assert.equal(get.code, 0, get.stderr);
		const post = await runCommand(
			requestCommand,
			[
				'POST',
				'/services/data/v66.0/sobjects/Account',
				'--data',
				'{"Name":"History"}',
				'--header',
				`X-Echo: ${accessToken}`,
			],
			{env},
		);
		assert.equal(post.code, 0, post.stderr);
		const listed = await runCommand(historyCommand, ['--json'], {env});
		const {entries} = JSON.parse(listed.stdout) as {
			entries: Array<{
				method: string;
				path: string;
				status: number;
				requestHeaders: Record<string, string>;
				requestBody?: string;
			}>;
		};
		assert.deepEqual(
			entries.map((entry) => [entry.method, entry.path, entry.status]),
			[
				['POST', '/services/data/v66.0/sobjects/Account', 201],
				['GET', '/services/apexrest/Contacts?limit=1', 200],
			],
		);
		assert.equal(entries[0]?.requestBody, '{"Name":"History"}');
		assert.equal(entries[0]?.requestHeaders['X-Echo'], '[REDACTED access token]');
		const log = readFileSync(path.join(directory, 'history.jsonl'));
		for (const form of [
			accessToken,
			encodeURIComponent(accessToken),
			Buffer.from(accessToken).toString('base64'),
		]) {
			assert.equal(log.includes(form), false);
		}
	});
});
