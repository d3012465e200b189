// What the person at the other device does in the end-to-end tests: approve a device code on the
// emulator's /setup/connect page, with plain HTML forms over HTTP (never the emulator's internals).
import assert from 'node:assert/strict';
import {spawn, type ChildProcessByStdio} from 'node:child_process';
import {readFileSync} from 'node:fs';
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
	readonly pid: number;
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
		pid: child.pid!,
		stdout: () => stdout,
		async stop() {
			child.kill('SIGTERM');
			const code = await closed;
			return {code, stdout};
		},
	};
}

/**
 * `sftoken login --device --json` against the emulator process, approved over HTTP as a person
 * would: resolves to the command's exit code, stdout and stderr.
 */
export async function loginHeadless(
	configDir: string,
	emulator: EmulatorProcess,
): Promise<{code: number | null; stdout: string; stderr: string}> {
	const org = emulator.info.orgs[0];
	assert.ok(org, 'the emulator has no org');
	const login = spawn(
		process.execPath,
		[
			cliPath,
			'login',
			'--device',
			'--domain',
			emulator.info.loginUrl,
			'--client-id',
			emulator.info.clientId,
			'--json',
		],
		{cwd: repoRoot, env: cleanEnv(configDir), stdio: ['ignore', 'pipe', 'pipe']},
	);
	let stdout = '';
	let stderr = '';
	login.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		stdout += chunk;
	});
	const closed = new Promise<number | null>((resolve) => {
		login.on('close', resolve);
	});
	const userCode = await new Promise<string>((resolve, reject) => {
		login.stderr.setEncoding('utf8').on('data', (chunk: string) => {
			stderr += chunk;
			const code = /Code: ([A-Z\d]{8})/.exec(stderr)?.[1];
			if (code !== undefined) resolve(code);
		});
		void closed.then(() => {
			reject(new Error(`login exited before showing a code:\n${stderr}`));
		});
	});
	await approveDeviceCode(emulator.info.loginUrl, userCode, org);
	return {code: await closed, stdout, stderr};
}

/**
 * Whether a TCP connection to 127.0.0.1:`port` holds bytes its server has not read (Linux
 * /proc/net/tcp): with the server stopped (SIGSTOP), proof that a request was sent and waits.
 */
export function requestWaitingOn(port: number): boolean {
	const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
	return readFileSync('/proc/net/tcp', 'utf8')
		.split('\n')
		.slice(1)
		.some((line) => {
			const [, local, , state, queues] = line.trim().split(/\s+/);
			const received = Number.parseInt(queues?.split(':')[1] ?? '0', 16);
			return local === `0100007F:${hexPort}` && state === '01' && received > 0;
		});
}
