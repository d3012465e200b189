// NO_COLOR (no-color.org) and FORCE_COLOR=0 turn every colour off, in the app and in headless
// output alike; styles that are not colours (bold, dim, inverse) may stay.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {runPiped} from './helpers/checks.js';
import {colourCodes, keys, startTerminal} from './helpers/terminal.js';

const settings = [{NO_COLOR: '1'}, {FORCE_COLOR: '0'}] as const;

test('the colour check sees the colours the app draws by default', async (t) => {
	// Without this, a broken check would pass the two tests below for the wrong reason.
	const terminal = startTerminal({args: ['--demo']});
	t.after(async () => terminal.dispose());
	await terminal.waitForText('Where do you log in?');
	terminal.write(keys.ctrlC);
	await terminal.waitForExit();
	assert.notDeepEqual(colourCodes(terminal.raw), []);
});

for (const env of settings) {
	const name = Object.entries(env)
		.map(([key, value]) => `${key}=${value}`)
		.join(' ');

	test(`${name}: the interactive app draws no colour`, async (t) => {
		const terminal = startTerminal({args: ['--demo'], env});
		t.after(async () => terminal.dispose());
		await terminal.waitForText('Where do you log in?');
		// The list, then the sign-in screen with its own highlights and hints.
		terminal.write(keys.enter);
		await terminal.waitForText('How do you want to sign in?');
		terminal.write(keys.ctrlC);
		assert.equal((await terminal.waitForExit()).exitCode, 130);
		assert.deepEqual(colourCodes(terminal.raw), []);
	});

	test(`${name}: headless output has no colour either`, async (t) => {
		const configDir = mkdtempSync(path.join(tmpdir(), 'sftoken-e2e-colour-'));
		t.after(() => {
			rmSync(configDir, {recursive: true, force: true});
		});
		for (const args of [
			['--help'],
			['domain', 'https://acme.lightning.force.com/'],
			['domain', 'https://na123.salesforce.com/001'],
			['orgs'],
			['token'],
		]) {
			const run = await runPiped(args, {configDir, env});
			assert.deepEqual(colourCodes(run.stdout + run.stderr), [], args.join(' '));
		}
	});
}
