// Every headless command with --json, stdout piped as a script would: stdout carries exactly one
// JSON value (progress and prompts go to stderr), whatever the outcome.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {runPiped, type PipedRun} from './helpers/checks.js';
import {loginHeadless, startEmulatorProcess} from './helpers/emulator.js';

/** Parses stdout as one JSON value; fails the test when there is anything else on it. */
function onlyJson(run: PipedRun): Record<string, unknown> {
	const text = run.stdout.trim();
	assert.ok(text !== '', `nothing on stdout; stderr:\n${run.stderr}`);
	let value: unknown;
	assert.doesNotThrow(() => {
		value = JSON.parse(text);
	}, `stdout is not one JSON value:\n${run.stdout}`);
	assert.equal(typeof value, 'object');
	assert.ok(value !== null);
	return value as Record<string, unknown>;
}

function temporaryDirectory(t: {after: (fn: () => void) => void}): string {
	const directory = mkdtempSync(path.join(tmpdir(), 'sftoken-e2e-json-'));
	t.after(() => {
		rmSync(directory, {recursive: true, force: true});
	});
	return directory;
}

test('domain --json: one JSON value for a derived URL (exit 0) and for a refusal (exit 1)', async (t) => {
	const configDir = temporaryDirectory(t);
	const derived = await runPiped(
		['domain', 'https://acme--uat.sandbox.lightning.force.com/lightning/page/home', '--json'],
		{configDir},
	);
	assert.equal(derived.code, 0);
	assert.deepEqual(onlyJson(derived), {
		ok: true,
		loginUrl: 'https://acme--uat.sandbox.my.salesforce.com',
		kind: 'sandbox',
	});

	const refused = await runPiped(['domain', 'https://na123.salesforce.com/001', '--json'], {
		configDir,
	});
	assert.equal(refused.code, 1);
	assert.equal(onlyJson(refused)['ok'], false);

	const fromStdin = await runPiped(['domain', '-', '--json'], {
		configDir,
		input: 'https://acme.lightning.force.com/lightning/page/home\n',
	});
	assert.equal(fromStdin.code, 0);
	assert.equal(onlyJson(fromStdin)['loginUrl'], 'https://acme.my.salesforce.com');
});

test('emulator --json: its first line is one JSON value, and nothing follows it on stdout', async (t) => {
	const configDir = temporaryDirectory(t);
	const emulator = await startEmulatorProcess(configDir, ['--records', '5']);
	assert.match(emulator.info.loginUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
	assert.ok(emulator.info.orgs.length >= 1);
	const {code, stdout} = await emulator.stop();
	assert.equal(code, 0);
	assert.equal(stdout.split('\n').filter((line) => line !== '').length, 1, stdout);
});

test('login --device, orgs, token, request, history, check-token, logout with --json: one JSON value each', async (t) => {
	const configDir = temporaryDirectory(t);
	const emulator = await startEmulatorProcess(configDir, [
		'--records',
		'5',
		'--poll-interval',
		'1',
	]);
	t.after(async () => {
		await emulator.stop();
	});
	const org = emulator.info.orgs[0];
	assert.ok(org);

	// Nothing saved yet: still one JSON value, and the exit code says it failed.
	const noOrgs = await runPiped(['orgs', '--json'], {configDir});
	assert.equal(noOrgs.code, 0);
	assert.deepEqual(onlyJson(noOrgs)['orgs'], []);
	const noToken = await runPiped(['token', '--json'], {configDir});
	assert.equal(noToken.code, 1);
	assert.equal(onlyJson(noToken)['ok'], false);

	// The device login prints its code on stderr; it is approved the way a person would.
	const login = await loginHeadless(configDir, emulator);
	assert.equal(login.code, 0, login.stderr);
	const loggedIn = onlyJson({code: 0, stdout: login.stdout, stderr: login.stderr});
	assert.equal(loggedIn['ok'], true);

	const orgs = onlyJson(await runPiped(['orgs', '--json'], {configDir}));
	assert.equal((orgs['orgs'] as unknown[]).length, 1);

	const token = await runPiped(['token', '--json'], {configDir});
	assert.equal(token.code, 0, token.stderr);
	const tokenJson = onlyJson(token);
	assert.equal(typeof tokenJson['accessToken'], 'string');
	assert.equal(tokenJson['instanceUrl'], org.myDomainUrl);

	// A request, a bad one, and the history they leave: one JSON value each.
	const request = await runPiped(
		['request', '/services/data/v62.0/query?q=SELECT Id, Name FROM Account LIMIT 2', '--json'],
		{configDir},
	);
	assert.equal(request.code, 0, request.stderr);
	const requestJson = onlyJson(request);
	assert.equal(requestJson['status'], 200);
	assert.equal((requestJson['body'] as {totalSize?: unknown}).totalSize, 2);
	const notFound = await runPiped(['request', '/services/data/v62.0/sobjects/Nope', '--json'], {
		configDir,
	});
	assert.equal(notFound.code, 1);
	assert.equal(onlyJson(notFound)['status'], 404);

	// Both requests were recorded, the failed one too.
	const history = onlyJson(await runPiped(['history', '--json'], {configDir}));
	assert.equal(history['ok'], true);
	assert.equal((history['entries'] as unknown[]).length, 2);

	const accessToken = String(tokenJson['accessToken']);
	const checked = await runPiped(['check-token', '--json'], {configDir, input: `${accessToken}\n`});
	assert.equal(checked.code, 0, checked.stderr);
	assert.equal(onlyJson(checked)['ok'], true);
	const mangled = await runPiped(['check-token', '--json', '--org', org.username], {
		configDir,
		input: `Bearer ${accessToken.slice(0, 20)} ${accessToken.slice(20)}`,
	});
	assert.equal(mangled.code, 1);
	assert.equal(onlyJson(mangled)['ok'], false);

	const logout = await runPiped(['logout', '--json'], {configDir});
	assert.equal(logout.code, 0, logout.stderr);
	assert.equal(onlyJson(logout)['ok'], true);

	const afterLogout = await runPiped(['logout', '--json'], {configDir});
	assert.notEqual(afterLogout.code, 0);
	assert.equal(onlyJson(afterLogout)['ok'], false);
});

test('usage errors with --json still leave stdout free of anything but JSON', async (t) => {
	const configDir = temporaryDirectory(t);
	for (const args of [
		['domain', '--json'],
		['orgs', '--json', '--bogus'],
		['token', '--json', '--bogus'],
		['login', '--json'],
		['request', '--json'],
		['history', '--json', '--limit', 'x'],
		['check-token', '--json', '--bogus'],
	]) {
		const run = await runPiped(args, {configDir});
		assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
		if (run.stdout.trim() !== '') onlyJson(run);
	}
});
