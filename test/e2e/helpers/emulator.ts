// What the person at the other device does in the end-to-end tests: approve a device code on the
// emulator's /setup/connect page, with plain HTML forms over HTTP (never the emulator's internals).
import assert from 'node:assert/strict';
import {spawn, type ChildProcessByStdio} from 'node:child_process';
import type {Readable} from 'node:stream';
import {Browser, page} from '../../emulator/helpers.js';
import {cleanEnv, cliPath, repoRoot} from './terminal.js';

export type OrgLogin = {readonly username: string; readonly password: string};

/**
 * Opens `{loginUrl}/setup/connect`, enters `userCode`, logs in as `user` and presses Allow, as a
 * person would in a browser. Resolves once the emulator confirmed the approval.
 */
export async function approveDeviceCode(
	loginUrl: string,
	userCode: string,
	user: OrgLogin,
): Promise<void> {
	const browser = new Browser();
	const connect = await page(await browser.get(`${loginUrl}/setup/connect`));
	const login = await page(await browser.submit(connect, {user_code: userCode}));
	assert.match(login.html, /name="pw"/, 'the connect page did not accept the code');
	const allow = await page(
		await browser.submit(login, {username: user.username, pw: user.password}),
	);
	assert.match(allow.html, /Allow Access\?/);
	const done = await page(await browser.submit(allow, {}, {name: 'decision', value: 'allow'}));
	assert.match(done.html, /connected/i);
}

/** The first line `sftoken emulator --json` prints once it listens. */
export type EmulatorInfo = {
	readonly loginUrl: string;
	readonly clientId: string;
	readonly orgs: ReadonlyArray<{
		readonly name: string;
		readonly orgId: string;
		readonly myDomainUrl: string;
		readonly username: string;
		readonly password: string;
		readonly sandbox: boolean;
	}>;
};

export type EmulatorProcess = {
	readonly info: EmulatorInfo;
	/** The whole of stdout so far, starting with the line `info` was read from. */
	readonly stdout: () => string;
	/** Sends SIGTERM and resolves to the exit code and all of stdout. */
	readonly stop: () => Promise<{code: number | null; stdout: string}>;
};

/**
 * Starts the built CLI's `sftoken emulator --json` with pipes, reads its first line and keeps it
 * running for the test.
 */
export async function startEmulatorProcess(
	configDir: string,
	args: readonly string[] = [],
): Promise<EmulatorProcess> {
	const child: ChildProcessByStdio<null, Readable, Readable> = spawn(
		process.execPath,
		[cliPath, 'emulator', '--json', ...args],
		{cwd: repoRoot, env: cleanEnv(configDir), stdio: ['ignore', 'pipe', 'pipe']},
	);
	let stdout = '';
	let firstLine: (line: string) => void = () => undefined;
	child.stdout.setEncoding('utf8');
	child.stdout.on('data', (chunk: string) => {
		stdout += chunk;
		const end = stdout.indexOf('\n');
		if (end !== -1) firstLine(stdout.slice(0, end));
	});
	const closed = new Promise<number | null>((resolve) => {
		child.on('close', (code) => {
			resolve(code);
		});
	});
	const first = await new Promise<string>((resolve, reject) => {
		firstLine = resolve;
		void closed.then((code) => {
			reject(new Error(`sftoken emulator exited (${code}) before printing its first line`));
		});
	});
	return {
		info: JSON.parse(first) as EmulatorInfo,
		stdout: () => stdout,
		async stop() {
			child.kill('SIGTERM');
			const code = await closed;
			return {code, stdout};
		},
	};
}
