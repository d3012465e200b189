// Ctrl+C in the middle of a headless command's network wait, in a real terminal (where Ctrl+C is a
// SIGINT to the command): exit 130, the cursor shown, nothing left half-drawn. The emulator runs
// as its own process so that it can be stopped (SIGSTOP): a request sent to it then waits for as
// long as the test needs, and /proc/net/tcp shows when it has arrived.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {assertTerminalRestored} from './helpers/checks.js';
import {loginHeadless, requestWaitingOn, startEmulatorProcess} from './helpers/emulator.js';
import {keys, startTerminal, type Exit} from './helpers/terminal.js';

/**
 * The status a shell reports (`$?`): 128 + the signal for a command ended by one. A command may
 * exit 130 itself or, after cleaning up, end itself with the SIGINT again (as Unix tools do).
 */
function shellStatus(exit: Exit): number {
	return exit.signal === undefined ? exit.exitCode : 128 + exit.signal;
}

function temporaryDirectory(t: {after: (fn: () => void) => void}): string {
	const directory = mkdtempSync(path.join(tmpdir(), 'sftoken-e2e-sigint-'));
	t.after(() => {
		rmSync(directory, {recursive: true, force: true});
	});
	return directory;
}

test('Ctrl+C while sftoken request waits for the org exits 130', async (t) => {
	const configDir = temporaryDirectory(t);
	const emulator = await startEmulatorProcess(configDir, [
		'--records',
		'5',
		'--poll-interval',
		'1',
	]);
	t.after(async () => {
		process.kill(emulator.pid, 'SIGCONT');
		await emulator.stop();
	});
	assert.equal((await loginHeadless(configDir, emulator)).code, 0);
	const org = emulator.info.orgs[0];
	assert.ok(org);

	process.kill(emulator.pid, 'SIGSTOP');
	const terminal = startTerminal({configDir, args: ['request', '/services/data/v62.0/limits']});
	t.after(async () => terminal.dispose());
	const port = Number(new URL(org.myDomainUrl).port);
	await terminal.waitForCondition(() => requestWaitingOn(port), 'the request to reach the org');
	terminal.write(keys.ctrlC);
	assert.equal(shellStatus(await terminal.waitForExit()), 130);
	assertTerminalRestored(terminal.raw);
});

test('Ctrl+C while sftoken login --device waits for approval exits 130', async (t) => {
	const configDir = temporaryDirectory(t);
	const emulator = await startEmulatorProcess(configDir, ['--records', '5']);
	t.after(async () => emulator.stop());
	const terminal = startTerminal({
		configDir,
		args: [
			'login',
			'--device',
			'--domain',
			emulator.info.loginUrl,
			'--client-id',
			emulator.info.clientId,
		],
	});
	t.after(async () => terminal.dispose());
	await terminal.waitForText('Waiting for approval');
	terminal.write(keys.ctrlC);
	assert.equal(shellStatus(await terminal.waitForExit()), 130);
	assert.match(terminal.text(), /Cancelled/);
	assertTerminalRestored(terminal.raw);
});
