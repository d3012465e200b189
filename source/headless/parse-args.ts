// The one argument parser of the headless commands: meow for the flags, with what meow would do
// by itself (print help and exit, throw on a repeated flag) turned into the commands' contract
// instead, so that every command also runs in-process (tests) and every mistake is a usage error
// with exit code 2: `sftoken <name>: <problem>` then the usage line. User text in a message is
// quoted with every control character escaped (quoted()), never echoed raw.
import meow, {type AnyFlags, type Result} from 'meow';
import {quoted} from '../core/terminal-json.js';
import {packageInfo} from '../package-info.js';
import type {CommandIo} from './io.js';

export type ArgsSpec<F extends AnyFlags> = {
	/** The command, as in `sftoken <name>`. */
	readonly name: string;
	/** The text `--help` prints (meow trims and indents it). `--help` is added to `flags`. */
	readonly help: string;
	/** What follows `Usage: ` in a usage error. */
	readonly usage: string;
	/** meow flags, camelCase keys (`clientId` is `--client-id`). */
	readonly flags: F;
	/** How many positional arguments the command takes; more is a usage error. Default 0. */
	readonly maxInput?: number;
};

export type ParsedArgs<F extends AnyFlags> =
	| {
			readonly ok: true;
			readonly flags: Result<F>['flags'];
			readonly input: readonly string[];
			/** Writes a usage error of this command and returns its exit code, 2. */
			readonly usageError: (problem: string) => number;
	  }
	/** Nothing more to do: help was printed (0) or a usage error (2). */
	| {readonly ok: false; readonly code: number};

function kebab(name: string): string {
	return name.replaceAll(/[A-Z]/gu, (char) => `-${char.toLowerCase()}`);
}

/** Writes `sftoken <name>: <problem>` and the usage line to stderr; returns 2. */
export function writeUsageError(
	io: CommandIo,
	spec: {readonly name: string; readonly usage: string},
	problem: string,
): number {
	io.stderr.write(`sftoken ${spec.name}: ${problem}\nUsage: ${spec.usage}\n`);
	return 2;
}

/**
 * Parses a command's argv. `--help` prints the help (exit 0). A usage error (exit 2) for: an
 * unknown option, a string or number flag given twice (meow throws) or negated (`--no-org` would
 * make it `false`), more positional arguments than `maxInput`. What is left to check (values,
 * combinations) the command checks with `usageError`.
 */
export function parseArgs<const F extends AnyFlags>(
	argv: readonly string[],
	io: CommandIo,
	spec: ArgsSpec<F>,
): ParsedArgs<F> {
	const usageError = (problem: string) => writeUsageError(io, spec, problem);
	const flags = {...spec.flags, help: {type: 'boolean', default: false}} as const;
	let cli: Result<typeof flags>;
	try {
		// meow's own help, version and unknown-flag handling call process.exit: off, handled here.
		cli = meow(spec.help, {
			importMeta: import.meta,
			argv: [...argv],
			pkg: packageInfo,
			description: false,
			autoHelp: false,
			autoVersion: false,
			allowUnknownFlags: true,
			flags,
		});
	} catch (error) {
		const repeated =
			error instanceof Error
				? /^The flag --(\S+) can only be set once\.$/u.exec(error.message)
				: null;
		if (repeated === null) throw error;
		return {ok: false, code: usageError(`--${kebab(repeated[1] ?? '')} can be given only once`)};
	}

	if (cli.flags.help === true) {
		io.stdout.write(cli.help.replace(/^\n/u, ''));
		return {ok: false, code: 0};
	}

	// meow's keys are camelCase; an unknown flag keeps the name it was given.
	const unknown = Object.keys(cli.unnormalizedFlags).find((flag) => !Object.hasOwn(flags, flag));
	if (unknown !== undefined) {
		return {ok: false, code: usageError(`unknown option ${quoted(unknown)}`)};
	}

	for (const [key, flag] of Object.entries(spec.flags)) {
		// A repeatable flag collects `--no-x` as a `false` among its values.
		const given: unknown = cli.unnormalizedFlags[key];
		const values: unknown[] = Array.isArray(given) ? given : [given];
		if (flag.type !== 'boolean' && values.some((value) => typeof value === 'boolean')) {
			const name = kebab(key);
			return {
				ok: false,
				code: usageError(`--no-${name} is not an option: --${name} takes a value`),
			};
		}
	}

	const extra = cli.input[spec.maxInput ?? 0];
	if (extra !== undefined) {
		return {ok: false, code: usageError(`unexpected argument ${quoted(extra)}`)};
	}

	return {ok: true, flags: cli.flags, input: cli.input, usageError};
}
