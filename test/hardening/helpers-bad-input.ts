// Shared by the bad-input tests: arbitrary argv for a headless command, the outcome of running
// one in-process (a rejection is caught and kept, not thrown), and the checks every outcome must
// pass whatever the input: exit 0, 1 or 2; a failure explained; no raw control character written;
// one JSON value under --json.
import assert from 'node:assert/strict';
import net from 'node:net';
import fc from 'fast-check';
import type {Command} from '../../source/headless/io.js';
import {runCommand, type Captured, type RunOptions} from '../auth/helpers.js';

/** Any C0 or C1 control character, DEL included, except the newline. */
export const rawControl = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/u;

/** Values a flag may receive: text, binary, numbers written every way, escapes, a huge string. */
export const flagValue: fc.Arbitrary<string> = fc.oneof(
	fc.string({maxLength: 16}),
	fc.string({unit: 'binary', maxLength: 16}),
	fc.integer().map(String),
	fc.constantFrom(
		'',
		'0',
		'-1',
		'1.5',
		'1e309',
		'NaN',
		'Infinity',
		'0x10',
		'99999999999999999999',
		'65536',
		'true',
		'false',
		'null',
		'\u001B[2J',
		'\u001B]52;c;aGk=\u0007',
		'\u009B31m',
		'\u0000',
		'a\r\nb',
		'x'.repeat(100_000),
	),
);

export type ArgvOptions = {
	/** The command's own flags, kebab-case without dashes. */
	readonly flags: readonly string[];
	/** Values for this command's flags; `flagValue` unless a command needs a narrower set. */
	readonly values?: fc.Arbitrary<string>;
};

/**
 * Arbitrary argv for one command: its flags bare, negated and with `=value`, unknown long and
 * short flags, `--`, `-`, empty strings and loose values (which meow takes as flag values or
 * positionals depending on where they land), duplicates included.
 */
export function argvFor({flags, values = flagValue}: ArgvOptions): fc.Arbitrary<string[]> {
	const known = fc.constantFrom(...flags);
	const element = fc.oneof(
		{weight: 4, arbitrary: known.map((flag) => `--${flag}`)},
		{weight: 2, arbitrary: fc.tuple(known, values).map(([flag, value]) => `--${flag}=${value}`)},
		{weight: 1, arbitrary: known.map((flag) => `--no-${flag}`)},
		{weight: 1, arbitrary: fc.string({minLength: 1, maxLength: 10}).map((name) => `--${name}`)},
		{weight: 1, arbitrary: fc.string({minLength: 1, maxLength: 3}).map((name) => `-${name}`)},
		{weight: 1, arbitrary: fc.constantFrom('--', '-', '', '--=', '---', '--json')},
		{weight: 4, arbitrary: values},
	);
	return fc.array(element, {maxLength: 8});
}

export type Outcome = Captured & {readonly threw?: unknown};

/** Runs a command in-process; a rejection or a throw becomes `threw` instead of failing here. */
export async function settle(
	command: Command,
	argv: readonly string[],
	options: RunOptions,
): Promise<Outcome> {
	let stdout = '';
	let stderr = '';
	try {
		return await runCommand(command, argv, {
			...options,
			onStdout(text, all) {
				stdout = all;
				options.onStdout?.(text, all);
			},
			onStderr(text, all) {
				stderr = all;
				options.onStderr?.(text, all);
			},
		});
	} catch (error) {
		return {code: Number.NaN, stdout, stderr, threw: error};
	}
}

/** Whether meow sees `--json` as set: the last json token before `--` is a bare `--json`. */
export function wantsJson(argv: readonly string[]): boolean {
	const end = argv.indexOf('--');
	const before = end === -1 ? argv : argv.slice(0, end);
	const last = before.findLast((argument) => /^--(?:no-)?json(?:=|$)/u.test(argument));
	return last === '--json' || last === '--json=true';
}

function asksForHelp(argv: readonly string[]): boolean {
	return argv.some((argument) => /^--help(?:=|$)/u.test(argument));
}

function failureText(value: unknown): string {
	if (typeof value !== 'object' || value === null) return '';
	const {ok, message, error} = value as Record<string, unknown>;
	if (ok !== false) return '';
	if (typeof message === 'string') return message;
	if (typeof error === 'object' && error !== null) {
		const {title, fix} = error as Record<string, unknown>;
		return `${typeof title === 'string' ? title : ''} ${typeof fix === 'string' ? fix : ''}`.trim();
	}

	return '';
}

/**
 * The contract every run must keep, whatever argv was. A failure is explained on stderr, or, under
 * --json, in the `{"ok":false,…}` object on stdout (the commands' documented shape: progress and
 * notices go to stderr, the result to stdout).
 */
export function assertContract(argv: readonly string[], outcome: Outcome): void {
	const label = JSON.stringify(argv).slice(0, 300);
	assert.equal(outcome.threw, undefined, `${label} threw ${String(outcome.threw)}`);
	assert.ok([0, 1, 2].includes(outcome.code), `${label} exited ${outcome.code}`);
	assert.doesNotMatch(outcome.stderr, rawControl, `${label}: raw control character on stderr`);
	assert.doesNotMatch(outcome.stdout, rawControl, `${label}: raw control character on stdout`);
	let json: unknown;
	if (outcome.stdout.trim() !== '') {
		try {
			json = JSON.parse(outcome.stdout);
		} catch {
			assert.ok(
				!wantsJson(argv) || (asksForHelp(argv) && outcome.code === 0),
				`${label}: --json printed something that is not one JSON value: ${outcome.stdout.slice(0, 200)}`,
			);
		}
	}

	if (outcome.code !== 0) {
		assert.ok(
			outcome.stderr.trim() !== '' || failureText(json) !== '',
			`${label} exited ${outcome.code} without saying why`,
		);
	}
}

/** A loopback port nothing listens on (bound, then released): a proxy there refuses at once. */
export async function closedLoopbackPort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as net.AddressInfo;
	await new Promise<void>((resolve) => {
		server.close(() => {
			resolve();
		});
	});
	return port;
}
