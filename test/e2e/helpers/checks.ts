// Assertions shared by the end-to-end tests: a terminal left the way the user had it, and a frame
// that fits the terminal.
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {
	cleanEnv,
	cliPath,
	isCursorHidden,
	isModeLeftOn,
	replayFrame,
	repoRoot,
	type AppTerminal,
	type TerminalOptions,
} from './terminal.js';

/**
 * After the app exited, what it wrote must leave the terminal usable: the cursor shown again,
 * bracketed paste off and the alternate screen left if it turned them on.
 */
export function assertTerminalRestored(raw: string): void {
	assert.equal(
		isCursorHidden(raw),
		false,
		'the cursor was left hidden (no \\e[?25h after \\e[?25l)',
	);
	assert.equal(isModeLeftOn(raw, 2004), false, 'bracketed paste mode was left on');
	assert.equal(isModeLeftOn(raw, 1049), false, 'the alternate screen was not left');
}

/**
 * The last frame fits the terminal: no row wider than the terminal (it would wrap, and Ink could
 * not erase what it did not count) and no more rows than the terminal has (the top would scroll
 * away). Returns the frame's rows.
 */
export async function assertFrameFits(terminal: AppTerminal): Promise<string[]> {
	const frame = await terminal.lastFrame();
	const shown = frame.lines.join('\n');
	assert.deepEqual(
		frame.wrapped,
		[],
		`rows drawn past the right edge at ${terminal.cols} columns:\n${shown}`,
	);
	assert.ok(
		frame.lines.length <= terminal.rows,
		`a frame of ${frame.lines.length} rows in a terminal of ${terminal.rows}:\n${shown}`,
	);
	return frame.lines;
}

/**
 * Every frame drawn since `since` (a position in the raw output) fits the terminal as it is now —
 * including the one Ink draws the moment the terminal shrinks, before the app has re-rendered.
 */
export async function assertEveryFrameFits(terminal: AppTerminal, since: number): Promise<void> {
	const frames = terminal.framesSince(since);
	assert.ok(frames.length > 0, 'no frame was drawn');
	for (const [index, frame] of frames.entries()) {
		const replayed = await replayFrame(frame, terminal.cols);
		assert.deepEqual(
			replayed.wrapped,
			[],
			`frame ${index + 1} of ${frames.length} drew past the right edge at ${terminal.cols} columns:\n${replayed.lines.join('\n')}`,
		);
	}
}

export const sttyMarker = '<<stty after the app>>';

/**
 * Runs the app as a child of a shell in the pseudo-terminal, and `stty -a` after it: the only
 * honest way to see whether the app handed the terminal back in cooked mode (`icanon echo`),
 * since the termios flags belong to the terminal, not to the process that changed them.
 */
export function appThenStty(args: readonly string[] = []): TerminalOptions['command'] {
	const quoted = [process.execPath, cliPath, ...args].map((part) => `'${part}'`).join(' ');
	return {
		file: '/bin/sh',
		args: ['-c', `${quoted}; echo "exit=$?"; echo '${sttyMarker}'; stty -a`],
	};
}

/** The local flags `stty -a` printed after the marker: true when icanon and echo are on. */
export function cookedModeAfterApp(screen: string): {icanon: boolean; echo: boolean} {
	const after = screen.slice(screen.indexOf(sttyMarker));
	const flags = new Set(after.split(/\s+/));
	return {icanon: flags.has('icanon'), echo: flags.has('echo')};
}

const execFileAsync = promisify(execFile);

export type PipedRun = {
	readonly code: number;
	readonly stdout: string;
	readonly stderr: string;
};

/**
 * Runs the built CLI with pipes for stdin, stdout and stderr (not a terminal), with the same clean
 * environment as the pseudo-terminal tests.
 */
export async function runPiped(
	args: readonly string[],
	options: {
		readonly configDir: string;
		readonly env?: Readonly<Record<string, string | undefined>>;
		readonly input?: string;
		readonly timeoutMs?: number;
	},
): Promise<PipedRun> {
	const child = execFileAsync(process.execPath, [cliPath, ...args], {
		cwd: repoRoot,
		env: cleanEnv(options.configDir, options.env),
		timeout: options.timeoutMs ?? 20_000,
		maxBuffer: 64 * 1024 * 1024,
	});
	child.child.stdin?.end(options.input ?? '');
	try {
		const {stdout, stderr} = await child;
		return {code: 0, stdout, stderr};
	} catch (error) {
		const failed = error as {code?: unknown; stdout?: string; stderr?: string; killed?: boolean};
		if (typeof failed.code !== 'number') throw error;
		return {code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? ''};
	}
}
