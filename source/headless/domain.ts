// `sftoken domain <url> [--json]`: the org URL → My Domain login URL derivation for scripts.
// Exit codes: 0 derived, 1 refused (the input is not an org URL), 2 usage error.
import {parseArgs} from 'node:util';
import {deriveLoginUrl, type DomainResult} from '../core/domain.js';
import {quoted} from '../core/terminal-json.js';
import {readAll, type Command, type CommandIo} from './io.js';

const helpText = `
  Derive the org's My Domain login URL from any URL of the org: a Lightning page, Setup,
  a Visualforce page, a sandbox, a site…

  Usage
    $ sftoken domain <url> [--json]
    $ pbpaste | sftoken domain - [--json]

  Options
    --json    Print one JSON object: {"ok":true,"loginUrl":…,"kind":…} or
              {"ok":false,"reason":…,"message":…}
    --help    Show this help

  Exit codes
    0  the login URL was derived
    1  no login URL can be derived (the message says what to paste instead)
    2  usage error

  Examples
    $ sftoken domain 'https://acme--uat.sandbox.lightning.force.com/lightning/page/home'
    https://acme--uat.sandbox.my.salesforce.com  (sandbox)
`;

const knownFlags = new Set(['json', 'help']);

function usageError(io: CommandIo, problem: string): number {
	io.stderr.write(
		`sftoken domain: ${problem}\nUsage: sftoken domain <url> [--json]   (sftoken domain --help for more)\n`,
	);
	return 2;
}

function jsonLine(result: DomainResult): string {
	if (!result.ok) {
		return JSON.stringify({ok: false, reason: result.reason, message: result.message});
	}

	return JSON.stringify({
		ok: true,
		loginUrl: result.loginUrl,
		kind: result.kind,
		...(result.unsure ? {unsure: true} : {}),
		...(result.note === undefined ? {} : {note: result.note}),
	});
}

function writePlain(io: CommandIo, result: DomainResult): void {
	if (!result.ok) {
		io.stderr.write(`${result.message}\n`);
		return;
	}

	io.stdout.write(`${result.loginUrl}  (${result.kind})\n`);
	// Notes go to stderr so that `$(sftoken domain …)` captures the URL alone.
	if (result.note !== undefined) {
		io.stderr.write(`${result.unsure ? 'Unsure: ' : 'Note: '}${result.note}\n`);
	}
}

export const domainCommand: Command = async (argv, io) => {
	// node:util's parseArgs rather than meow: `domain` is the headless command scripts call in a
	// loop, and meow is ~250 KB of bundle (~20 ms a start). Not strict, so that an unknown option
	// is a usage error with this command's own message and exit code 2 instead of a throw.
	const {values, positionals, tokens} = parseArgs({
		args: [...argv],
		strict: false,
		allowPositionals: true,
		tokens: true,
		allowNegative: true,
		options: {json: {type: 'boolean'}, help: {type: 'boolean'}},
	});
	if (values['help'] === true) {
		io.stdout.write(helpText.replace(/^\n/, ''));
		return 0;
	}

	const unknown = tokens.find((token) => token.kind === 'option' && !knownFlags.has(token.name));
	if (unknown?.kind === 'option') {
		return usageError(io, `unknown option ${quoted(unknown.name)}`);
	}

	const valued = tokens.find((token) => token.kind === 'option' && token.value !== undefined);
	if (valued?.kind === 'option') return usageError(io, `--${valued.name} takes no value`);

	const [argument, ...extra] = positionals;
	if (argument === undefined) {
		return usageError(io, 'missing <url> (pass - to read it from stdin)');
	}

	if (extra.length > 0) {
		return usageError(io, 'expected one URL; quote it if it contains spaces');
	}

	// An empty argument is an input to refuse (empty-input), not a usage error.
	const input = argument === '-' ? await readAll(io.stdin) : argument;
	const result = deriveLoginUrl(input);
	if (values['json'] === true) {
		io.stdout.write(`${jsonLine(result)}\n`);
	} else {
		writePlain(io, result);
	}

	return result.ok ? 0 : 1;
};
