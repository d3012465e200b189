// `sftoken export --curl|--postman FILE [ID…]`: requests from history as a curl script or a Postman
// collection, with no token in them. FILE `-` writes to stdout. Without IDs, every entry kept
// (or those of --org).
// Exit codes: 0 written, 1 nothing to export (unknown ID, empty history) or not written, 2 usage.
import type {HistoryEntry} from '../core/history-entry.js';
import {shellQuote} from '../core/export-curl.js';
import {printable} from '../core/history-format.js';
import {exportText, writeExport, type ExportFormat} from '../store/history-export.js';
import {openUserHistory} from '../store/history-open.js';
import {matchesOrg} from './history.js';
import type {Command, CommandIo} from './io.js';
import {parseArgs} from './parse-args.js';

const helpText = `
  Export requests from history, without any token in them.

  Usage
    $ sftoken export --curl FILE [ID…]       a shell script of curl commands (FILE - for stdout)
    $ sftoken export --postman FILE [ID…]    a Postman Collection v2.1 file

  Options
    --curl      Each request as a curl command reading the token from $SF_ACCESS_TOKEN:
                  export SF_ACCESS_TOKEN="$(sftoken token)"
    --postman   Bearer auth set once on the collection from {{access_token}} (left empty: paste
                a token in Postman), every request on {{instance_url}} and inheriting that auth
    --org A     Without IDs: only the requests to this org (alias, username or org id)
    --help      Show this help

  IDs are those of sftoken history (a unique beginning is enough); without any, every request
  kept is exported, oldest first. FILE is replaced if it exists.
`;

function failed(io: CommandIo, problem: string): number {
	io.stderr.write(`sftoken export: ${printable(problem)}\n`);
	return 1;
}

export const exportCommand: Command = async (argv, io) => {
	const parsed = parseArgs(argv, io, {
		name: 'export',
		help: helpText,
		usage: 'sftoken export --curl|--postman FILE [ID…]',
		flags: {
			curl: {type: 'boolean', default: false},
			postman: {type: 'boolean', default: false},
			org: {type: 'string'},
		},
		maxInput: Number.POSITIVE_INFINITY,
	});
	if (!parsed.ok) return parsed.code;
	const {flags, usageError} = parsed;
	if (flags.curl === flags.postman) return usageError('pass one of --curl or --postman');
	const format: ExportFormat = flags.curl ? 'curl' : 'postman';
	const [file, ...ids] = parsed.input;
	if (file === undefined || file === '') return usageError('missing FILE (- for stdout)');
	const {org} = flags;
	if (org === '') return usageError('--org needs an alias, username or org id');
	if (org !== undefined && ids.length > 0) return usageError('pass IDs or --org, not both');

	const history = openUserHistory({env: io.env});
	let chosen: HistoryEntry[];
	if (ids.length === 0) {
		const all = await history.list();
		chosen = org === undefined ? [...all] : all.filter((entry) => matchesOrg(entry, org));
	} else {
		chosen = [];
		const missing: string[] = [];
		for (const id of ids) {
			const found = await history.get(id);
			if (found === undefined) missing.push(id);
			else chosen.push(found);
		}

		if (missing.length > 0) {
			return failed(
				io,
				`no entry in history with ID ${missing.join(', ')} (or more than one starts so); see sftoken history`,
			);
		}

		// In the order given: `exportText` takes newest first and writes oldest first.
		chosen.reverse();
	}

	const notice = history.takeNotice();
	if (notice !== undefined) io.stderr.write(`sftoken export: ${printable(notice)}\n`);
	if (chosen.length === 0) {
		return failed(
			io,
			org === undefined
				? 'history is empty: nothing to export'
				: `no requests to ${org} in history`,
		);
	}

	if (file === '-') {
		io.stdout.write(await exportText(format, chosen));
		return 0;
	}

	const written = await writeExport(format, chosen, file, {cwd: process.cwd(), overwrite: true});
	if (!written.ok) return failed(io, written.message);
	const what = written.count === 1 ? '1 request' : `${written.count} requests`;
	const next =
		format === 'curl'
			? `Run it with: SF_ACCESS_TOKEN="$(sftoken token)" sh ${shellQuote(written.path)}`
			: 'Import it in Postman, then set the access_token variable (sftoken token).';
	io.stderr.write(`Wrote ${what} to ${printable(written.path)}\n${printable(next)}\n`);
	return 0;
};
