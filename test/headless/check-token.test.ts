import {test} from 'node:test';
import assert from 'node:assert/strict';
import {Readable} from 'node:stream';
import {checkTokenCommand} from '../../source/headless/check-token.js';
import {loginWithDevice} from '../salesforce/login.js';
import {fileContext, loggedIn, runCommand, testEnv, withEmulator} from '../auth/helpers.js';

const token = `00D5g000004XyZa!${'AR8AQJXg5oV.kP3_rT9wQzLm'.repeat(4)}`;

function stdin(text: string) {
	return Readable.from([text]);
}

test('a clean token from stdin (echo adds the line break): exit 0, the verdict, nothing secret', async (t) => {
	const {directory} = await fileContext(t);
	const result = await runCommand(checkTokenCommand, [], {
		env: testEnv(directory),
		stdin: stdin(`${token}\n`),
	});
	assert.equal(result.code, 0, result.stderr);
	assert.equal(result.stdout, '✓ Looks like a valid access token for org 00D5g000004XyZa\n');
	assert.doesNotMatch(result.stdout, /AR8AQ/u);
});

test('a second line break and a space: named with their positions, exit 1; --json lists each', async (t) => {
	const {directory} = await fileContext(t);
	const env = testEnv(directory);
	const human = await runCommand(checkTokenCommand, [], {env, stdin: stdin(` ${token}\n\n`)});
	assert.equal(human.code, 1);
	// Not clean: the report goes to stderr, as every sftoken failure does.
	assert.equal(human.stdout, '');
	assert.match(human.stderr, /^✗ 2 stray characters: space at 1, line break at 114/u);
	assert.match(human.stderr, /To remove: space at 1, line break at 114/u);
	assert.match(human.stderr, /Fixed: {5}00D5g000004XyZa!…/u);
	const json = await runCommand(checkTokenCommand, ['--json'], {
		env,
		stdin: stdin(` ${token}\n\n`),
	});
	assert.equal(json.code, 1);
	assert.equal(json.stdout.trimEnd().split('\n').length, 1);
	assert.deepEqual(JSON.parse(json.stdout), {
		ok: false,
		orgId: '00D5g000004XyZa',
		problems: [
			{kind: 'space', index: 0, char: ' '},
			{kind: 'line-feed', index: 113, char: '\n'},
		],
		fixed: token,
		live: null,
		message:
			'✗ 2 stray characters: space at 1, line break at 114 — the fixed token is printed with --json (fixed)',
	});
});

test('--token: a Bearer prefix and a placeholder', async (t) => {
	const {directory} = await fileContext(t);
	const env = testEnv(directory);
	const bearer = await runCommand(checkTokenCommand, ['--token', `Bearer ${token}`, '--json'], {
		env,
	});
	assert.equal(bearer.code, 1);
	const parsed = JSON.parse(bearer.stdout) as {
		problems: Array<{kind: string; detail?: string}>;
		fixed: string;
	};
	assert.deepEqual(
		parsed.problems.map((problem) => problem.kind),
		['wrapper'],
	);
	assert.equal(parsed.fixed, token);
	const placeholder = await runCommand(checkTokenCommand, ['--token', '[REDACTED]'], {env});
	assert.equal(placeholder.code, 1);
	assert.match(placeholder.stderr, /placeholder/u);
	assert.doesNotMatch(placeholder.stderr, /Fixed:/u);
});

test('control characters in what was pasted never reach the terminal raw', async (t) => {
	const {directory} = await fileContext(t);
	const result = await runCommand(checkTokenCommand, ['--token', `${token}\u001B[2J\u009B`], {
		env: testEnv(directory),
	});
	assert.equal(result.code, 1);
	assert.match(result.stderr, /stray/u);
	assert.doesNotMatch(result.stderr, /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/u);
	const json = await runCommand(checkTokenCommand, ['--token', `${token}\u009B`, '--json'], {
		env: testEnv(directory),
	});
	assert.doesNotMatch(json.stdout, /\u009B/u);
	assert.equal(
		(JSON.parse(json.stdout) as {problems: Array<{char: string}>}).problems[0]?.char,
		'\u009B',
	);
});

test('--org: alive, ended, another org’s (not sent), and a damaged token checked as fixed', async (t) => {
	const {context, directory} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const login = await loggedIn(context, emulator, 0, 'acme');
		const env = testEnv(directory);
		const alive = await runCommand(checkTokenCommand, ['--org', 'acme', '--json'], {
			env,
			stdin: stdin(login.accessToken),
		});
		assert.equal(alive.code, 0, alive.stdout);
		const aliveJson = JSON.parse(alive.stdout) as {
			ok: boolean;
			live: {verdict: string; username: string};
		};
		assert.deepEqual(
			[aliveJson.ok, aliveJson.live.verdict, aliveJson.live.username],
			[true, 'alive', emulator.orgs[0]?.username],
		);

		const damaged = await runCommand(checkTokenCommand, ['--org', 'acme'], {
			env,
			stdin: stdin(`${login.accessToken}\r\n`),
		});
		assert.equal(damaged.code, 1);
		assert.match(damaged.stderr, /line break \(CRLF\) at 113/u);
		assert.match(
			damaged.stderr,
			/✓ Acme Corporation accepts it: admin@acme\.demo \(checked with the stray characters removed\)/u,
		);

		const other = (await loginWithDevice(emulator, 1)).accessToken;
		const wrong = await runCommand(checkTokenCommand, ['--org', 'acme', '--token', other], {env});
		assert.equal(wrong.code, 1);
		assert.match(
			wrong.stderr,
			new RegExp(
				`✗ The token is for org ${emulator.orgs[1]?.orgId15}, not Acme Corporation \\(${emulator.orgs[0]?.orgId}\\): it was not sent\\.`,
				'u',
			),
		);

		emulator.expireSessions(0);
		const ended = await runCommand(checkTokenCommand, ['--org', 'acme', '--json'], {
			env,
			stdin: stdin(login.accessToken),
		});
		assert.equal(ended.code, 1);
		assert.deepEqual((JSON.parse(ended.stdout) as {live: unknown}).live, {
			verdict: 'invalid-session',
			status: 403,
			checkedFixed: false,
		});
		const endedText = await runCommand(
			checkTokenCommand,
			['--org', 'acme', '--token', login.accessToken],
			{env},
		);
		assert.match(
			endedText.stderr,
			/✗ Acme Corporation refuses it \(HTTP 403\): the session expired or was ended/u,
		);
	});
});

test('usage: a terminal on stdin without --token, an unknown org', async (t) => {
	const {directory} = await fileContext(t);
	const env = testEnv(directory);
	const tty = Object.assign(Readable.from([]), {isTTY: true});
	const noInput = await runCommand(checkTokenCommand, [], {env, stdin: tty});
	assert.equal(noInput.code, 2);
	assert.match(noInput.stderr, /pipe the token in/u);
	const unknown = await runCommand(checkTokenCommand, ['--org', 'nope', '--token', token], {env});
	assert.equal(unknown.code, 1);
	assert.match(unknown.stderr, /No org named “nope”/u);
});
