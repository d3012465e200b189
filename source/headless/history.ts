// `sftoken history [--json] [--limit N] [--org A]`: the requests sent, newest first, without tokens.
// Plain: one line per entry. --json: one object {"ok":true,"entries":[…]} (the entries as stored,
// newest first), so that a notice or an error can travel in the same shape.
// Exit codes: 0 listed (also when empty), 2 usage error.
import meow from 'meow';
import type {HistoryEntry} from '../core/history-entry.js';
import {formatDuration, printable, statusOf} from '../core/history-format.js';
import {packageInfo} from '../package-info.js';
import {openUserHistory} from '../store/history-open.js';
import type {Command, CommandIo} from './io.js';

const helpText = `
  List the requests sftoken sent, newest first. Tokens are never kept in history.

  Usage
    $ sftoken history [--json] [--limit N] [--org A]

  Options
    --limit N   Show at most N entries (default: all that are kept)
    --org A     Only requests to this org: alias, username or org id
    --json      Print one JSON object: {"ok":true,"entries":[{id,time,org,method,path,status,…}]}
    --help      Show this help

  Plain output: ID, time (UTC), method, status (ERR: no response), time taken, org, path.
  Export entries by ID with: sftoken export --curl FILE ID…
`;

const knownFlags = new Set(['json', 'limit', 'org', 'help']);
const usage = 'Usage: sftoken history [--json] [--limit N] [--org A]';

/** Whether an entry went to the org named by alias, username or org id (15 or 18 characters). */
export function matchesOrg(entry: HistoryEntry, name: string): boolean {
	const {org} = entry;
	if (org.alias === name || org.username === name) return true;
	return (
		(name.length === 15 || name.length === 18) &&
		org.orgId.slice(0, 15).toLowerCase() === name.slice(0, 15).toLowerCase()
	);
}

function line(entry: HistoryEntry): string {
	const time = new Date(entry.time).toISOString().replace(/\.\d+Z$/u, 'Z');
	return [
		entry.id,
		time,
		entry.method.padEnd(6),
		statusOf(entry).text.padEnd(3),
		formatDuration(entry.durationMs).padStart(7),
		printable(entry.org.alias),
		printable(entry.path),
	].join('  ');
}

/**
 * JSON that is safe on a terminal too: JSON.stringify leaves C1 controls and the line separators
 * raw, so they are escaped as well (still the same JSON value).
 */
export function terminalSafeJson(value: unknown): string {
	return JSON.stringify(value).replaceAll(
		/[\u007F-\u009F\u2028\u2029]/gu,
		(char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
	);
}

function usageError(io: CommandIo, problem: string): number {
	io.stderr.write(`sftoken history: ${problem}\n${usage}\n`);
	return 2;
}

export const historyCommand: Command = async (argv, io) => {
	const cli = meow(helpText, {
		importMeta: import.meta,
		argv,
		pkg: packageInfo,
		description: false,
		autoHelp: false,
		autoVersion: false,
		allowUnknownFlags: true,
		flags: {
			json: {type: 'boolean', default: false},
			limit: {type: 'string'},
			org: {type: 'string'},
			help: {type: 'boolean', default: false},
		},
	});
	if (cli.flags.help) {
		io.stdout.write(cli.help.replace(/^\n/u, ''));
		return 0;
	}

	const unknown = Object.keys(cli.unnormalizedFlags).find((flag) => !knownFlags.has(flag));
	if (unknown !== undefined) return usageError(io, `unknown option ${JSON.stringify(unknown)}`);
	if (cli.input.length > 0) {
		return usageError(io, `unexpected argument ${JSON.stringify(cli.input[0])}`);
	}

	const limitText = cli.flags.limit;
	const limit = limitText === undefined ? undefined : Number(limitText);
	if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
		return usageError(io, '--limit needs a whole number of entries, 1 or more');
	}

	if (cli.flags.org === '') return usageError(io, '--org needs an alias, username or org id');
	const history = openUserHistory({env: io.env});
	let entries = await history.list();
	const {org} = cli.flags;
	if (org !== undefined) entries = entries.filter((entry) => matchesOrg(entry, org));
	if (limit !== undefined) entries = entries.slice(0, limit);
	const notice = history.takeNotice();
	if (cli.flags.json) {
		io.stdout.write(`${terminalSafeJson({ok: true, entries, ...(notice ? {notice} : {})})}\n`);
		return 0;
	}

	if (notice !== undefined) io.stderr.write(`sftoken history: ${printable(notice)}\n`);
	if (entries.length === 0) {
		io.stderr.write(
			org === undefined
				? 'No requests in history yet.\n'
				: `No requests to ${printable(org)} in history.\n`,
		);
		return 0;
	}

	io.stdout.write(`${entries.map((entry) => line(entry)).join('\n')}\n`);
	return 0;
};
