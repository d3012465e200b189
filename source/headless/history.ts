// `sftoken history [--json] [--limit N] [--org A]`: the requests sent, newest first, without tokens.
// Plain: one line per entry. --json: one object {"ok":true,"entries":[…]} (the entries as stored,
// newest first), so that a notice or an error can travel in the same shape.
// Exit codes: 0 listed (also when empty), 2 usage error.
import type {HistoryEntry} from '../core/history-entry.js';
import {formatDuration, printable, statusOf} from '../core/history-format.js';
import {terminalSafeJson} from '../core/terminal-json.js';
import {openUserHistory} from '../store/history-open.js';
import type {Command} from './io.js';
import {parseArgs} from './parse-args.js';

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

export const historyCommand: Command = async (argv, io) => {
	const parsed = parseArgs(argv, io, {
		name: 'history',
		help: helpText,
		usage: 'sftoken history [--json] [--limit N] [--org A]',
		flags: {
			json: {type: 'boolean', default: false},
			limit: {type: 'string'},
			org: {type: 'string'},
		},
	});
	if (!parsed.ok) return parsed.code;
	const {flags, usageError} = parsed;
	const limitText = flags.limit;
	const limit = limitText === undefined ? undefined : Number(limitText);
	if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
		return usageError('--limit needs a whole number of entries, 1 or more');
	}

	if (flags.org === '') return usageError('--org needs an alias, username or org id');
	const history = openUserHistory({env: io.env});
	let entries = await history.list();
	const {org} = flags;
	if (org !== undefined) entries = entries.filter((entry) => matchesOrg(entry, org));
	if (limit !== undefined) entries = entries.slice(0, limit);
	const notice = history.takeNotice();
	if (flags.json) {
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
