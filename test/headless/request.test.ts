import {test} from 'node:test';
import assert from 'node:assert/strict';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {requestCommand} from '../../source/headless/request.js';
import type {CommandIo} from '../../source/headless/io.js';
import {Readable} from 'node:stream';
import {fileContext, loggedIn, runCommand, testEnv, withEmulator} from '../auth/helpers.js';

// Nothing a terminal acts on, but line breaks (and the SGR colour codes checked separately).
const unsafe = /[\u0000-\u0009\u000B-\u001A\u001C-\u001F\u007F-\u009F\u202E]/u;

/** Runs the command with stdout as a terminal, as `sftoken request …` typed in a shell. */
async function runOnTerminal(argv: readonly string[], env: Record<string, string>) {
	let stdout = '';
	let stderr = '';
	const io: CommandIo = {
		stdout: {
			isTTY: true,
			write(text: string) {
				stdout += text;
				return true;
			},
		},
		stderr: {
			isTTY: true,
			write(text: string) {
				stderr += text;
				return true;
			},
		},
		stdin: Readable.from([]),
		env,
	};
	const code = await requestCommand(argv, io);
	return {code, stdout, stderr};
}

test('GET piped: the body exactly as received on stdout, the status line on stderr, exit 0', async (t) => {
	const {context, directory} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		await loggedIn(context, emulator);
		const result = await runCommand(requestCommand, ['/services/apexrest/Contacts?limit=2'], {
			env: testEnv(directory),
		});
		assert.equal(result.code, 0, result.stderr);
		const body = JSON.parse(result.stdout) as unknown[];
		assert.equal(body.length, 2);
		assert.doesNotMatch(result.stdout, /\n {2}/u, 'compact, as the server sent it');
		assert.match(
			result.stderr,
			/^200 OK · \d+ ms · [\d.]+ (?:B|KB) · API \d+\/15000 today .*· application\/json\n$/u,
		);
	});
});

test('--json: one object {status, headers, timeMs, body}, the body parsed', async (t) => {
	const {context, directory} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		await loggedIn(context, emulator);
		const result = await runCommand(requestCommand, ['GET', '/services/data/', '--json'], {
			env: testEnv(directory),
		});
		assert.equal(result.code, 0, result.stderr);
		assert.equal(result.stderr, '');
		assert.equal(result.stdout.trimEnd().split('\n').length, 1);
		const json = JSON.parse(result.stdout) as Record<string, unknown>;
		assert.deepEqual(Object.keys(json), ['status', 'headers', 'timeMs', 'body']);
		assert.equal(json['status'], 200);
		assert.ok(Array.isArray(json['body']));
		assert.equal(typeof json['timeMs'], 'number');
		assert.match(String((json['headers'] as Record<string, unknown>)['content-type']), /json/u);
	});
});

test('on a terminal: pretty JSON in colour, and no raw control character from the body', async (t) => {
	const {context, directory} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		await loggedIn(context, emulator);
		const env = testEnv(directory);
		// A contact whose name holds a raw C1 CSI and a bidi override (JSON lets both through).
		const created = await runCommand(
			requestCommand,
			['/services/apexrest/Contacts', '--data', '{"lastName": "Evil\u009B2J\u202Ename"}'],
			{env},
		);
		assert.equal(created.code, 0, created.stderr);
		const id = JSON.parse(created.stdout) as string;
		const piped = await runCommand(requestCommand, [`/services/apexrest/Contacts/${id}`], {env});
		assert.match(piped.stdout, /\u009B2J\u202E/u, 'piped: exactly what came');
		const shown = await runOnTerminal([`/services/apexrest/Contacts/${id}`], env);
		assert.equal(shown.code, 0, shown.stderr);
		const plain = shown.stdout.replaceAll(/\u001B\[\d+m/gu, '');
		assert.match(plain, /^ {2}"LastName": "Evil\\u009B2J\\u202Ename"$/mu);
		assert.match(shown.stdout, /\u001B\[36m"LastName"\u001B\[39m/u);
		assert.doesNotMatch(plain, unsafe);
		assert.doesNotMatch(shown.stdout.replaceAll(/\u001B\[\d+m/gu, ''), /\u001B/u);
		const noColour = await runOnTerminal([`/services/apexrest/Contacts/${id}`], {
			...env,
			NO_COLOR: '1',
		});
		assert.doesNotMatch(noColour.stdout, /\u001B/u);
	});
});

test('a failure: exit 1, the body still printed, and why on stderr with the fix as a command', async (t) => {
	const {context, directory} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		await loggedIn(context, emulator, 0, 'acme');
		const result = await runCommand(requestCommand, ['/services/apexrest/Nope', '--org', 'acme'], {
			env: testEnv(directory),
		});
		assert.equal(result.code, 1);
		assert.match(result.stdout, /NOT_FOUND/u);
		assert.match(result.stderr, /^404 Not Found/u);
		assert.match(
			result.stderr,
			/✗ Salesforce answered 404 NOT_FOUND\n {2}• No @RestResource class maps \/services\/apexrest\/Nope/u,
		);
		const json = await runCommand(requestCommand, ['/services/apexrest/Nope', '--json'], {
			env: testEnv(directory),
		});
		assert.equal(json.code, 1);
		const parsed = JSON.parse(json.stdout) as {
			status: number;
			diagnosis: {causes: Array<{kind: string}>};
		};
		assert.equal(parsed.status, 404);
		assert.equal(parsed.diagnosis.causes[0]?.kind, 'no-rest-resource');
	});
});

test('an ended session is renewed once with the refresh token, and the request goes through', async (t) => {
	const {context, directory} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		await loggedIn(context, emulator);
		emulator.expireSessions();
		const result = await runCommand(requestCommand, ['/services/apexrest/Contacts?limit=1'], {
			env: testEnv(directory),
		});
		assert.equal(result.code, 0, result.stderr);
	});
});

test('--data: JSON checked with line and column before sending; @file and @- read the body', async (t) => {
	const {context, directory} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		await loggedIn(context, emulator);
		const env = testEnv(directory);
		const bad = await runCommand(
			requestCommand,
			['POST', '/services/apexrest/Contacts', '--data', '{\n"lastName": "Ng"\n"x": 1}'],
			{env},
		);
		assert.equal(bad.code, 2);
		assert.match(
			bad.stderr,
			/^sftoken request: Body is not valid JSON at line 3, column 1: Expected ',' or '\}'/u,
		);
		const file = path.join(directory, 'body.json');
		writeFileSync(file, '{"lastName": "From File"}');
		const fromFile = await runCommand(
			requestCommand,
			['post', '/services/apexrest/Contacts', '--data', `@${file}`],
			{env},
		);
		assert.equal(fromFile.code, 0, fromFile.stderr);
		assert.match(fromFile.stdout, /^"003/u);
		const fromStdin = await runCommand(
			requestCommand,
			['/services/apexrest/Contacts', '--data', '@-'],
			{
				env,
				stdin: Readable.from(['{"lastName": "From Stdin"}']),
			},
		);
		assert.equal(fromStdin.code, 0, fromStdin.stderr);
		const missing = await runCommand(requestCommand, ['/x', '--data', '@/nonexistent/file'], {env});
		assert.equal(missing.code, 2);
		assert.match(missing.stderr, /cannot read --data file "\/nonexistent\/file" \(ENOENT\)/u);
	});
});

test('--header lines go with the request; a header that is not Key: Value is a usage error', async (t) => {
	const {context, directory} = await fileContext(t);
	await withEmulator({records: 450}, async (emulator) => {
		await loggedIn(context, emulator);
		const env = testEnv(directory);
		const result = await runCommand(
			requestCommand,
			[
				'/services/data/v66.0/query?q=SELECT Id FROM Account',
				'--header',
				'Sforce-Query-Options: batchSize=200',
				'--json',
			],
			{env},
		);
		assert.equal(result.code, 0, result.stderr);
		const body = (JSON.parse(result.stdout) as {body: {records: unknown[]; done: boolean}}).body;
		assert.equal(body.records.length, 200);
		assert.equal(body.done, false);
		const bad = await runCommand(requestCommand, ['/x', '--header', 'nocolon'], {env});
		assert.equal(bad.code, 2);
	});
});

test('usage errors: no path, an unknown method, a body on GET, a URL of another host', async (t) => {
	const {context, directory} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		await loggedIn(context, emulator);
		const env = testEnv(directory);
		const cases: Array<[string[], RegExp]> = [
			[[], /missing PATH/u],
			[['FETCH', '/x'], /unknown method "FETCH"/u],
			[['GET', '/x', '--data', '{}'], /--data needs POST, PATCH or PUT, not GET/u],
			[['https://evil.example/services/data/'], /not this org's host/u],
			[['a', 'b', 'c'], /unexpected argument "c"/u],
		];
		for (const [argv, message] of cases) {
			const result = await runCommand(requestCommand, argv, {env});
			assert.equal(result.code, 2, argv.join(' '));
			assert.match(result.stderr, message, argv.join(' '));
			assert.equal(result.stdout, '');
		}
	});
});

test('no saved org: exit 1 with how to log in; --json gives one error object', async (t) => {
	const {directory} = await fileContext(t);
	const result = await runCommand(requestCommand, ['/services/data/', '--json'], {
		env: testEnv(directory),
	});
	assert.equal(result.code, 1);
	const json = JSON.parse(result.stdout) as {ok: boolean; error: {code: string}};
	assert.deepEqual([json.ok, json.error.code], [false, 'no-orgs']);
});
