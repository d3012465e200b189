import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

type Run = {code: number | null; stdout: string; stderr: string};

async function runCli(argv: readonly string[]): Promise<Run> {
	return new Promise((resolve) => {
		const child = execFile(
			process.execPath,
			['--import', 'tsx', 'cli.tsx', ...argv],
			{cwd: root, env: {...process.env, NO_COLOR: '1'}},
			(error, stdout, stderr) => {
				resolve({code: error ? (error.code as number) : 0, stdout, stderr});
			},
		);
		child.stdin?.end();
	});
}

test('--version prints the version alone', async () => {
	const run = await runCli(['--version']);
	assert.equal(run.code, 0);
	assert.match(run.stdout, /^\d+\.\d+\.\d+\n$/u);
});

test('--help lists every command and the interactive options', async () => {
	const run = await runCli(['--help']);
	assert.equal(run.code, 0);
	for (const word of [
		'domain',
		'login',
		'request',
		'history',
		'--demo',
		'--port',
		'--no-browser',
	]) {
		assert.ok(run.stdout.includes(word), word);
	}
});

test('--port outside 1–65535 is a usage error before anything starts', async () => {
	const run = await runCli(['--port', '70000']);
	assert.equal(run.code, 2);
	assert.match(run.stderr, /--port takes a port number from 1 to 65535/u);
});

test('an unknown command is a usage error', async () => {
	const run = await runCli(['frobnicate']);
	assert.equal(run.code, 2);
	assert.match(run.stderr + run.stdout, /frobnicate|Usage/u);
});

test('--records goes with --demo only, and within what the emulator seeds', async () => {
	for (const argv of [
		['--records', '10'],
		['--demo', '--records', '-1'],
		['--demo', '--records', '100001'],
	]) {
		const run = await runCli(argv);
		assert.equal(run.code, 2, argv.join(' '));
		assert.match(run.stderr, /--records goes with --demo and takes 0 to 100000/u);
	}
});
