import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {createInterface} from 'node:readline';
import {fileURLToPath} from 'node:url';
import {emulatorCommand} from '../../source/headless/emulator.js';
import type {CommandIo} from '../../source/headless/io.js';

const cli = fileURLToPath(new URL('../../cli.tsx', import.meta.url));

function captureIo(): {io: CommandIo; out: () => string; err: () => string} {
	let out = '';
	let err = '';
	return {
		io: {
			stdout: {write: (text: string) => (out += text)},
			stderr: {write: (text: string) => (err += text)},
			stdin: process.stdin,
			env: {},
		},
		out: () => out,
		err: () => err,
	};
}

test('usage errors exit 2 without starting anything', async () => {
	for (const argv of [
		['--orgs', '0'],
		['--port', '-1'],
		['--records', 'many'],
		['--bogus'],
		['extra'],
	]) {
		const {io, err} = captureIo();
		assert.equal(await emulatorCommand(argv, io), 2, argv.join(' '));
		assert.match(err(), /^sftoken emulator: /);
	}
});

test('--help prints the options and exits 0', async () => {
	const {io, out} = captureIo();
	assert.equal(await emulatorCommand(['--help'], io), 0);
	assert.match(out(), /--no-device-flow/);
	assert.match(out(), /--daily-api-limit N/);
});

test('sftoken emulator --json prints one JSON line, serves, and exits 0 on SIGTERM', async () => {
	const child = spawn(
		process.execPath,
		[
			'--import',
			'tsx',
			cli,
			'emulator',
			'--json',
			'--orgs',
			'3',
			'--records',
			'5',
			'--no-device-flow',
			'--poll-interval',
			'2',
		],
		{stdio: ['ignore', 'pipe', 'pipe']},
	);
	let stderr = '';
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const exited = once(child, 'exit');
	const lines = createInterface({input: child.stdout});
	const [line] = (await once(lines, 'line')) as [string];
	const started = JSON.parse(line) as {
		loginUrl: string;
		clientId: string;
		orgs: Array<{
			name: string;
			orgId: string;
			myDomainUrl: string;
			username: string;
			password: string;
			sandbox: boolean;
		}>;
	};
	assert.deepEqual(Object.keys(started), ['loginUrl', 'clientId', 'orgs']);
	assert.equal(started.orgs.length, 3);
	assert.deepEqual(Object.keys(started.orgs[0] ?? {}), [
		'name',
		'orgId',
		'myDomainUrl',
		'username',
		'password',
		'sandbox',
	]);
	assert.equal(started.orgs[2]?.name, 'Globex Corporation');

	const response = await fetch(`${started.loginUrl}/services/oauth2/token`, {
		method: 'POST',
		headers: {'Content-Type': 'application/x-www-form-urlencoded'},
		body: new URLSearchParams({response_type: 'device_code', client_id: started.clientId}),
	});
	assert.equal(response.status, 400);
	assert.equal(
		((await response.json()) as {error_description: string}).error_description,
		'device flow is not enabled for the app',
	);

	child.kill('SIGTERM');
	const [code] = (await exited) as [number | null];
	assert.equal(code, 0, stderr);
});

test('a port already in use exits 1 with the reason', async () => {
	const {createServer} = await import('node:net');
	const blocker = createServer();
	await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
	const {port} = blocker.address() as {port: number};
	try {
		const {io, err} = captureIo();
		assert.equal(await emulatorCommand(['--port', String(port)], io), 1);
		assert.match(err(), /could not start: .*EADDRINUSE/);
	} finally {
		blocker.close();
	}
});
