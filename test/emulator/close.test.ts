import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';

test('close() leaves no open handles: a process that used the emulator exits on its own', async () => {
	const child = spawn(
		process.execPath,
		['--import', 'tsx', fileURLToPath(new URL('fixtures/close-child.ts', import.meta.url))],
		{
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	// The deadline only keeps a regression from hanging the suite; it is far above any real run.
	const deadline = setTimeout(() => child.kill('SIGKILL'), 30_000);
	const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
	clearTimeout(deadline);
	assert.equal(code, 0, `child did not exit cleanly (code ${code}):\n${stderr}`);
	assert.equal(stdout, 'closed\n');
});
