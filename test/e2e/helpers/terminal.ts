// Drives the BUILT app (dist/cli.js) in a real pseudo-terminal and reads what a person would see
// through a headless xterm of the same size. Everything waits for the screen to change on each
// output event; the deadlines only keep a broken test from hanging the suite.
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {stripVTControlCharacters} from 'node:util';
import {spawn, type IPty} from '@lydell/node-pty';
import xterm from '@xterm/headless';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
export const cliPath = path.join(repoRoot, 'dist', 'cli.js');

// These tests run the bundle, as users do; `npm test` builds it first.
if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run npm run build first`);

/** Key bytes as a terminal sends them (no application cursor mode: Ink never asks for it). */
export const keys = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	shiftTab: '\u001B[Z',
	backspace: '\u007F',
	ctrlC: '\u0003',
	ctrlR: '\u0012',
} as const;

/** What a bracketed paste of `text` looks like on the wire. */
export function bracketedPaste(text: string): string {
	return `\u001B[200~${text}\u001B[201~`;
}

export type TerminalOptions = {
	/** Arguments after `node dist/cli.js`. */
	readonly args?: readonly string[];
	/** Run another program instead of the app (e.g. `bash -c '…; stty -a'`). */
	readonly command?: {readonly file: string; readonly args: readonly string[]};
	readonly cols?: number;
	readonly rows?: number;
	/** Added to (or, when undefined, removed from) the clean environment. */
	readonly env?: Readonly<Record<string, string | undefined>>;
	/** An existing config directory to use (left in place); by default a new one, removed after. */
	readonly configDir?: string;
	/** How long any single wait may take before the test fails; generous for a busy 2-core box. */
	readonly deadlineMs?: number;
};

export type Exit = {readonly exitCode: number; readonly signal: number | undefined};

/**
 * The environment the app sees: the user's PATH and HOME, a fresh config directory, file-based
 * secrets (no keychain prompt), a known TERM — and no CI variables, which would make Ink draw only
 * the final frame (DESIGN.md, Known traps).
 */
export function cleanEnv(
	configDir: string,
	extra: Readonly<Record<string, string | undefined>> = {},
): Record<string, string> {
	const env: Record<string, string | undefined> = {
		PATH: process.env['PATH'],
		HOME: process.env['HOME'],
		LANG: 'C.UTF-8',
		TERM: 'xterm-256color',
		SFTOKEN_CONFIG_DIR: configDir,
		SFTOKEN_SECRETS: 'file',
		XDG_CONFIG_HOME: path.join(configDir, 'xdg'),
		NODE_NO_WARNINGS: '1',
		...extra,
	};
	const result: Record<string, string> = {};
	for (const [name, value] of Object.entries(env)) {
		if (value !== undefined && name !== 'CI' && !name.startsWith('CI_')) result[name] = value;
	}

	return result;
}

export class AppTerminal {
	/** Every byte the program wrote, as received. */
	raw = '';
	readonly configDir: string;
	private readonly ownsConfigDir: boolean;
	readonly exited: Promise<Exit>;
	private readonly pty: IPty;
	private readonly screen: xterm.Terminal;
	private readonly deadlineMs: number;
	private readonly waiters = new Set<() => void>();
	private exit: Exit | undefined;
	/** Set once the exit is known AND all output before it has been parsed. */
	private settled = false;
	/** Writes to the xterm are parsed asynchronously; this settles when all of them are. */
	private parsed: Promise<void> = Promise.resolve();

	constructor(options: TerminalOptions = {}) {
		const cols = options.cols ?? 100;
		const rows = options.rows ?? 30;
		this.deadlineMs = options.deadlineMs ?? 20_000;
		this.ownsConfigDir = options.configDir === undefined;
		this.configDir = options.configDir ?? mkdtempSync(path.join(tmpdir(), 'sftoken-e2e-'));
		this.screen = new xterm.Terminal({cols, rows, scrollback: 1000, allowProposedApi: true});
		const file = options.command?.file ?? process.execPath;
		const args = options.command?.args ?? [cliPath, ...(options.args ?? [])];
		this.pty = spawn(file, [...args], {
			name: 'xterm-256color',
			cols,
			rows,
			cwd: repoRoot,
			env: cleanEnv(this.configDir, options.env),
		});
		this.pty.onData((data) => {
			this.raw += data;
			this.parsed = new Promise((resolve) => {
				this.screen.write(data, resolve);
			});
			void this.parsed.then(() => {
				this.notify();
			});
		});
		this.exited = new Promise((resolve) => {
			this.pty.onExit(({exitCode, signal}) => {
				this.exit = {exitCode, signal: signal === 0 ? undefined : signal};
				// The last output may still be in the xterm's parser.
				void this.parsed.then(() => {
					this.settled = true;
					resolve(this.exit!);
					this.notify();
				});
			});
		});
	}

	/** The process id of the program (of the shell, when `command` runs one). */
	get pid(): number {
		return this.pty.pid;
	}

	get cols(): number {
		return this.screen.cols;
	}

	get rows(): number {
		return this.screen.rows;
	}

	/** The visible rows, right-trimmed. */
	lines(): string[] {
		const buffer = this.screen.buffer.active;
		const lines: string[] = [];
		for (let y = 0; y < this.screen.rows; y++) {
			lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
		}

		return lines;
	}

	/** The visible screen as one string (rows joined by line breaks, trailing blank rows dropped). */
	text(): string {
		return this.lines().join('\n').trimEnd();
	}

	/**
	 * Visible rows that the terminal wrapped because something was written past the right edge
	 * (xterm marks the continuation row as wrapped). Ink must never do that: it cannot erase
	 * what it did not count.
	 */
	wrappedRows(): number[] {
		const buffer = this.screen.buffer.active;
		const wrapped: number[] = [];
		for (let y = 0; y < this.screen.rows; y++) {
			if (buffer.getLine(buffer.viewportY + y)?.isWrapped) wrapped.push(y);
		}

		return wrapped;
	}

	/** The synchronized updates (CSI ?2026h … CSI ?2026l) in the output after `since`. */
	framesSince(since = 0): string[] {
		const frames: string[] = [];
		let start = this.raw.indexOf(`${csi}?2026h`, since);
		while (start !== -1) {
			const end = this.raw.indexOf(`${csi}?2026l`, start);
			frames.push(this.raw.slice(start, end === -1 ? undefined : end));
			if (end === -1) break;
			start = this.raw.indexOf(`${csi}?2026h`, end);
		}

		return frames;
	}

	/**
	 * The last frame the program drew, replayed alone into a fresh terminal of the current size:
	 * its rows, and which of them the terminal had to wrap because the frame was wider than the
	 * terminal. Replaying keeps out what the real screen also holds — rows of earlier frames that
	 * the terminal itself re-wrapped when it got narrower (xterm reflows, like most terminals).
	 * Ink draws each frame as one synchronized update (CSI ?2026h … CSI ?2026l).
	 */
	async lastFrame(): Promise<ReplayedFrame> {
		// A synchronized update can draw nothing (Ink re-renders an unchanged frame after a
		// resize as cursor moves only): the last frame is the last one with text in it.
		const frame = this.framesSince().findLast(
			(candidate) => stripVTControlCharacters(candidate).trim() !== '',
		);
		if (frame === undefined) throw new Error('no synchronized frame in the output yet');
		return replayFrame(frame, this.cols);
	}

	/**
	 * Resizes, then waits until the program has drawn for the new size and `check` holds: the
	 * first frame after a resize is Ink redrawing the old layout at once, the next ones come from
	 * the app's re-render (or, when nothing changed, there is no next one: then after a quiet
	 * moment). Resolves to the position in `raw` where the resize happened.
	 */
	async resizeAndSettle(
		cols: number,
		rows: number,
		check: (text: string) => boolean,
		description: string,
	): Promise<number> {
		const mark = this.raw.length;
		this.resize(cols, rows);
		let lastCount = -1;
		let quietSince = Date.now();
		await this.waitUntil(
			() => {
				const count = this.framesSince(mark).length;
				if (count !== lastCount) {
					lastCount = count;
					quietSince = Date.now();
				}

				const settled = count >= 2 || (count === 1 && Date.now() - quietSince >= 200);
				return settled && check(this.text()) ? true : undefined;
			},
			description,
			50,
		);
		return mark;
	}

	/** The cursor as the program left it, and whether it asked the terminal to hide it. */
	cursorHidden(): boolean {
		return isCursorHidden(this.raw);
	}

	/** Waits until `check` holds for the visible screen; re-checked on every output event. */
	async waitForScreen(
		check: (lines: readonly string[], text: string) => boolean,
		description = 'the expected screen',
	): Promise<string> {
		return this.waitUntil(() => {
			const text = this.text();
			return check(this.lines(), text) ? text : undefined;
		}, description);
	}

	/** Waits until the screen shows `text` (a string or a pattern) and returns the screen. */
	async waitForText(text: string | RegExp): Promise<string> {
		return this.waitForScreen(
			(_lines, screen) => (typeof text === 'string' ? screen.includes(text) : text.test(screen)),
			`the screen to show ${String(text)}`,
		);
	}

	/** Waits until the screen no longer shows `text`. */
	async waitForNoText(text: string): Promise<string> {
		return this.waitForScreen(
			(_lines, screen) => !screen.includes(text),
			`the screen to stop showing ${JSON.stringify(text)}`,
		);
	}

	/**
	 * Waits until `check` holds for something outside the terminal (a server's state): checked on
	 * every output event and every 20 ms.
	 */
	async waitForCondition(check: () => boolean, description: string): Promise<void> {
		await this.waitUntil(() => (check() ? true : undefined), description, 20);
	}

	/** Waits until the raw output (escape sequences included) satisfies `check`. */
	async waitForRaw(check: (raw: string) => boolean, description: string): Promise<void> {
		await this.waitUntil(() => (check(this.raw) ? true : undefined), description);
	}

	write(bytes: string): void {
		this.pty.write(bytes);
	}

	resize(cols: number, rows: number): void {
		this.pty.resize(cols, rows);
		this.screen.resize(cols, rows);
	}

	async waitForExit(): Promise<Exit> {
		return this.waitUntil(() => (this.settled ? this.exit : undefined), 'the program to exit');
	}

	/** Ends the program if a failed test left it running, and removes the config directory. */
	async dispose(): Promise<void> {
		if (this.exit === undefined) {
			this.pty.kill('SIGKILL');
			await this.exited;
		}

		this.screen.dispose();
		if (this.ownsConfigDir) rmSync(this.configDir, {recursive: true, force: true});
	}

	private notify(): void {
		for (const waiter of this.waiters) waiter();
	}

	private async waitUntil<T>(
		check: () => T | undefined,
		description: string,
		/** Also re-check every so many ms, for conditions that depend on time passing. */
		pollMs?: number,
	): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			const waiter = () => {
				const value = check();
				if (value !== undefined) {
					finish();
					resolve(value);
				} else if (this.settled) {
					finish();
					reject(this.failure(`${description}, but the program exited (${this.exitText()})`));
				}
			};

			const timer = setTimeout(() => {
				finish();
				reject(this.failure(`Timed out after ${this.deadlineMs} ms waiting for ${description}`));
			}, this.deadlineMs);
			const poll = pollMs === undefined ? undefined : setInterval(waiter, pollMs);
			const finish = () => {
				clearTimeout(timer);
				clearInterval(poll);
				this.waiters.delete(waiter);
			};

			this.waiters.add(waiter);
			waiter();
		});
	}

	private exitText(): string {
		return `exit code ${this.exit?.exitCode}, signal ${this.exit?.signal ?? 'none'}`;
	}

	private failure(message: string): Error {
		return new Error(`${message}\n--- screen (${this.cols}×${this.rows}) ---\n${this.text()}\n---`);
	}
}

export type ReplayedFrame = {
	/** The frame's rows as the terminal shows them. */
	readonly lines: string[];
	/** Rows the terminal had to wrap: something was drawn past the right edge before them. */
	readonly wrapped: number[];
};

/** Replays one frame into a fresh terminal `cols` wide (and tall enough for any frame). */
export async function replayFrame(frame: string, cols: number): Promise<ReplayedFrame> {
	const replay = new xterm.Terminal({cols, rows: 500, scrollback: 0, allowProposedApi: true});
	try {
		await new Promise<void>((resolve) => {
			replay.write(frame, resolve);
		});
		const buffer = replay.buffer.active;
		const lines: string[] = [];
		const wrapped: number[] = [];
		const height = buffer.cursorY + (buffer.cursorX > 0 ? 1 : 0);
		for (let y = 0; y < height; y++) {
			const line = buffer.getLine(y);
			lines.push(line?.translateToString(true) ?? '');
			if (line?.isWrapped) wrapped.push(y);
		}

		return {lines, wrapped};
	} finally {
		replay.dispose();
	}
}

/** Starts the program in a pseudo-terminal. Call `dispose()` when done (t.after). */
export function startTerminal(options: TerminalOptions = {}): AppTerminal {
	return new AppTerminal(options);
}

const csi = '\u001B[';

/** Whether the last cursor show/hide request in `raw` hides it. */
export function isCursorHidden(raw: string): boolean {
	return raw.lastIndexOf(`${csi}?25l`) > raw.lastIndexOf(`${csi}?25h`);
}

/** Whether a private mode (2004 bracketed paste, 1049 alternate screen) was left switched on. */
export function isModeLeftOn(raw: string, mode: number): boolean {
	return raw.lastIndexOf(`${csi}?${mode}h`) > raw.lastIndexOf(`${csi}?${mode}l`);
}

/** SGR colour sequences (16-colour, bright, 256-colour and true-colour, fore- or background). */
export function colourCodes(raw: string): string[] {
	const found: string[] = [];

	for (const match of raw.matchAll(/\u001B\[([\d;]*)m/g)) {
		const parameters = (match[1] ?? '').split(';');
		for (let index = 0; index < parameters.length; index++) {
			const parameter = Number(parameters[index]);
			const colour =
				(parameter >= 30 && parameter <= 37) ||
				(parameter >= 40 && parameter <= 47) ||
				(parameter >= 90 && parameter <= 97) ||
				(parameter >= 100 && parameter <= 107) ||
				parameter === 38 ||
				parameter === 48;
			if (colour) {
				found.push(match[0]);
				break;
			}
		}
	}

	return found;
}
