// The interactive app needs a terminal on both ends. Without one it must not draw or wait for keys:
// it names the headless commands and exits 2.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {runPiped} from './helpers/checks.js';
import {cliPath, startTerminal} from './helpers/terminal.js';

const hint = /needs a terminal on both stdin and stdout[\s\S]*sftoken domain <org URL> --json/;

function configDirFor(t: {after: (fn: () => void) => void}): string {
	const directory = mkdtempSync(path.join(tmpdir(), 'sftoken-e2e-pipe-'));
	t.after(() => {
		rmSync(directory, {recursive: true, force: true});
	});
	return directory;
}

test('with pipes on every end, sftoken and sftoken --demo print the hint and exit 2', async (t) => {
	const configDir = configDirFor(t);
	for (const args of [[], ['--demo']]) {
		const run = await runPiped(args, {configDir});
		assert.equal(run.code, 2, args.join(' '));
		assert.match(run.stderr, hint);
		assert.equal(run.stdout, '');
	}
});

test('sftoken | cat: stdout is a pipe, stdin a terminal: the hint on stderr, exit 2', async (t) => {
	// bash with pipefail, so the exit code is sftoken's and not cat's.
	const terminal = startTerminal({
		command: {
			file: 'bash',
			args: ['-c', `set -o pipefail; '${process.execPath}' '${cliPath}' | cat; echo "exit=$?"`],
		},
	});
	t.after(async () => terminal.dispose());
	const screen = await terminal.waitForText(/exit=\d+/);
	assert.match(screen, /exit=2/);
	assert.match(screen.replaceAll('\n', ' '), /needs a terminal on both stdin and stdout/);
	assert.doesNotMatch(screen, /Where do you log in\?/);
	assert.equal((await terminal.waitForExit()).exitCode, 0);
});

test('sftoken < /dev/null: stdin is not a terminal: the hint, exit 2, nothing drawn', async (t) => {
	const terminal = startTerminal({
		command: {
			file: 'sh',
			args: ['-c', `'${process.execPath}' '${cliPath}' < /dev/null; echo "exit=$?"`],
		},
	});
	t.after(async () => terminal.dispose());
	const screen = await terminal.waitForText(/exit=\d+/);
	assert.match(screen, /exit=2/);
	assert.match(screen.replaceAll('\n', ' '), /needs a terminal on both stdin and stdout/);
	assert.doesNotMatch(screen, /Where do you log in\?/);
	// Nothing was drawn: the cursor was never hidden, raw mode never asked for.
	assert.doesNotMatch(terminal.raw, /\u001B\[\?25l/);
});
