import {execFile} from 'node:child_process';
import {Readable} from 'node:stream';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {domainCommand} from '../../source/headless/domain.js';
import type {CommandIo} from '../../source/headless/io.js';

type Captured = {readonly code: number; readonly stdout: string; readonly stderr: string};

async function run(argv: readonly string[], stdin: readonly string[] = []): Promise<Captured> {
	let stdout = '';
	let stderr = '';
	const io: CommandIo = {
		stdout: {write: (text: string) => (stdout += text)},
		stderr: {write: (text: string) => (stderr += text)},
		stdin: Readable.from(stdin),
		env: {},
	};
	const code = await domainCommand(argv, io);
	return {code, stdout, stderr};
}

const sandboxUrl = 'https://acme--uat.sandbox.lightning.force.com/lightning/page/home';

test('--json prints one JSON object for a derived URL, exit 0', async () => {
	const {code, stdout, stderr} = await run([sandboxUrl, '--json']);
	assert.equal(code, 0);
	assert.equal(
		stdout,
		'{"ok":true,"loginUrl":"https://acme--uat.sandbox.my.salesforce.com","kind":"sandbox"}\n',
	);
	assert.equal(stderr, '');
});

test('--json adds unsure and note for an unsure mapping', async () => {
	const {code, stdout} = await run(['--json', 'https://acme.cloudforce.com/home/home.jsp']);
	assert.equal(code, 0);
	const parsed = JSON.parse(stdout) as Record<string, unknown>;
	assert.equal(parsed['loginUrl'], 'https://acme.my.salesforce.com');
	assert.equal(parsed['unsure'], true);
	assert.match(String(parsed['note']), /cloudforce\.com/);
});

test('--json prints the refusal with reason and message, exit 1', async () => {
	const {code, stdout, stderr} = await run(['https://na123.salesforce.com/001', '--json']);
	assert.equal(code, 1);
	assert.equal(stderr, '');
	assert.ok(stdout.endsWith('}\n'));
	assert.equal(stdout.split('\n').length, 2, 'exactly one line');
	const parsed = JSON.parse(stdout) as Record<string, unknown>;
	assert.deepEqual(Object.keys(parsed), ['ok', 'reason', 'message']);
	assert.equal(parsed['ok'], false);
	assert.equal(parsed['reason'], 'instance-url');
	assert.match(String(parsed['message']), /avatar menu/);
});

test('plain output: one readable line for a derived URL', async () => {
	const {code, stdout, stderr} = await run([sandboxUrl]);
	assert.equal(code, 0);
	assert.equal(stdout, 'https://acme--uat.sandbox.my.salesforce.com  (sandbox)\n');
	assert.equal(stderr, '');
});

test('plain output: notes go to stderr so stdout stays the URL line', async () => {
	const {code, stdout, stderr} = await run(['https://name-dev-ed.lightning.force.com']);
	assert.equal(code, 0);
	assert.equal(stdout, 'https://name-dev-ed.my.salesforce.com  (developer)\n');
	assert.match(stderr, /^Unsure: Developer Edition orgs may have moved/);
});

test('plain output: a refusal prints the message on stderr, exit 1', async () => {
	const {code, stdout, stderr} = await run(['https://login.salesforce.com']);
	assert.equal(code, 1);
	assert.equal(stdout, '');
	assert.match(stderr, /choose Production or Sandbox instead of My Domain/);
	assert.ok(stderr.endsWith('.\n'));
});

test('an empty argument is refused as empty-input, not a usage error', async () => {
	const {code, stdout} = await run(['', '--json']);
	assert.equal(code, 1);
	assert.equal((JSON.parse(stdout) as {reason: string}).reason, 'empty-input');
});

test('an argument with line breaks is one input: trimmed at the ends, refused inside', async () => {
	const trimmed = await run([`${sandboxUrl}\n`, '--json']);
	assert.equal(trimmed.code, 0);
	const twoLines = await run([`${sandboxUrl}\nhttps://evil.com`, '--json']);
	assert.equal(twoLines.code, 1);
	assert.equal((JSON.parse(twoLines.stdout) as {reason: string}).reason, 'invalid-characters');
	const spaced = await run(['https://acme.lightning.force.com /x']);
	assert.equal(spaced.code, 1);
	assert.match(spaced.stderr, /space or line break/);
});

test('"-" reads the URL from stdin', async () => {
	const {code, stdout} = await run(
		['-', '--json'],
		['https://acme--uat.sandbox.', 'lightning.force.com/\n'],
	);
	assert.equal(code, 0);
	assert.equal(
		stdout,
		'{"ok":true,"loginUrl":"https://acme--uat.sandbox.my.salesforce.com","kind":"sandbox"}\n',
	);
	const empty = await run(['-']);
	assert.equal(empty.code, 1);
	assert.match(empty.stderr, /Paste any URL/);
});

test('usage errors exit 2 with a message on stderr', async () => {
	for (const argv of [[], ['--json'], ['a', 'b'], ['x', '--bogus']]) {
		const {code, stdout, stderr} = await run(argv);
		assert.equal(code, 2, JSON.stringify(argv));
		assert.equal(stdout, '');
		assert.match(stderr, /^sftoken domain: .+\nUsage: sftoken domain <url> \[--json\]/);
	}
});

test('--help prints the command help on stdout, exit 0', async () => {
	const {code, stdout} = await run(['--help']);
	assert.equal(code, 0);
	assert.match(stdout, /\$ sftoken domain <url> \[--json\]/);
	assert.match(stdout, /Exit codes/);
});

const execFileAsync = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

async function cli(argv: readonly string[]): Promise<Captured> {
	try {
		const {stdout, stderr} = await execFileAsync(
			process.execPath,
			['--import', 'tsx', 'cli.tsx', 'domain', ...argv],
			{cwd: repoRoot, env: {...process.env, NO_COLOR: '1'}},
		);
		return {code: 0, stdout, stderr};
	} catch (error) {
		const failed = error as {code?: unknown; stdout?: string; stderr?: string};
		if (typeof failed.code !== 'number') throw error;
		return {code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? ''};
	}
}

test('the real CLI prints exactly one JSON line and exits 0 / 1', async () => {
	const derived = await cli([sandboxUrl, '--json']);
	assert.equal(derived.code, 0, derived.stderr);
	assert.equal(
		derived.stdout,
		'{"ok":true,"loginUrl":"https://acme--uat.sandbox.my.salesforce.com","kind":"sandbox"}\n',
	);

	const refused = await cli(['https://acme.my.salesforce.com.evil.com', '--json']);
	assert.equal(refused.code, 1);
	assert.equal(refused.stdout.split('\n').length, 2);
	assert.equal((JSON.parse(refused.stdout) as {reason: string}).reason, 'lookalike-host');
});
