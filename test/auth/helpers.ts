// Shared by the auth and headless tests: the emulator, a context on a temporary config directory
// with the secrets file forced (never the user's config or keychain), a quick device login, and
// headless commands run in-process with captured streams.
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {Readable} from 'node:stream';
import type {LoggedInOrg} from '../../source/auth/complete-login.js';
import {openAuthContext, type AuthContext} from '../../source/auth/context.js';
import {startDeviceLogin} from '../../source/auth/device-login.js';
import {
	startEmulator,
	type EmulatorOptions,
	type RunningEmulator,
} from '../../source/emulator/index.js';
import type {Command, CommandIo} from '../../source/headless/io.js';
import {createHttpClient} from '../../source/salesforce/http.js';

export async function withEmulator(
	options: EmulatorOptions,
	run: (emulator: RunningEmulator) => Promise<void>,
): Promise<void> {
	const emulator = await startEmulator({records: 5, ...options});
	try {
		await run(emulator);
	} finally {
		await emulator.close();
	}
}

export function temporaryDirectory(t: {after(fn: () => void): void}): string {
	const directory = mkdtempSync(path.join(tmpdir(), 'sftoken-auth-'));
	t.after(() => {
		rmSync(directory, {recursive: true, force: true});
	});
	return directory;
}

/** No retries, short timeouts: a fault shows at once instead of after backoff. */
export const testHttp = createHttpClient({timeoutMs: 5000, retryLimit: 0});

/** The env a headless command gets in tests: a temporary config directory, secrets in a file. */
export function testEnv(directory: string): Record<string, string> {
	return {SFTOKEN_CONFIG_DIR: directory, SFTOKEN_SECRETS: 'file'};
}

export async function fileContext(t: {
	after(fn: () => void): void;
}): Promise<{context: AuthContext; directory: string}> {
	const directory = temporaryDirectory(t);
	const opened = await openAuthContext({env: testEnv(directory), http: testHttp});
	assert.ok(opened.ok, JSON.stringify(opened));
	return {context: opened.value, directory};
}

/** Polls without waiting: the tests approve before the first poll. */
export async function noWait(): Promise<void> {
	return Promise.resolve();
}

/** A device login approved through the emulator's back door as soon as the code is shown. */
export async function loggedIn(
	context: AuthContext,
	emulator: RunningEmulator,
	orgIndex = 0,
	alias?: string,
): Promise<LoggedInOrg> {
	const result = await startDeviceLogin(
		context,
		{
			loginUrl: emulator.loginUrl,
			clientId: emulator.clientId,
			...(alias === undefined ? {} : {alias}),
		},
		{
			sleep: noWait,
			onCode(code) {
				emulator.approveDevice(code.userCode, orgIndex);
			},
		},
	);
	assert.ok(result.ok, JSON.stringify(result));
	return result.value;
}

/** What a headless command printed, and its exit code. */
export type Captured = {readonly code: number; readonly stdout: string; readonly stderr: string};

export type RunOptions = {
	readonly env: Record<string, string>;
	readonly stdin?: NodeJS.ReadableStream & {isTTY?: boolean};
	onStdout?(text: string, all: string): void;
	onStderr?(text: string, all: string): void;
};

/** Runs a headless command in-process; `onStdout`/`onStderr` see every write as it happens. */
export async function runCommand(
	command: Command,
	argv: readonly string[],
	options: RunOptions,
): Promise<Captured> {
	let stdout = '';
	let stderr = '';
	const io: CommandIo = {
		stdout: {
			write(text: string) {
				stdout += text;
				options.onStdout?.(text, stdout);
				return true;
			},
		},
		stderr: {
			write(text: string) {
				stderr += text;
				options.onStderr?.(text, stderr);
				return true;
			},
		},
		stdin: options.stdin ?? Readable.from([]),
		env: options.env,
	};
	const code = await command(argv, io);
	return {code, stdout, stderr};
}
