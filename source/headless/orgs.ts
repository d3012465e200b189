// `sftoken orgs [--json]`: the saved orgs, the default (last used) first. Never shows a token.
// Exit codes: 0 listed (also when there are none), 1 the config cannot be read, 2 usage error.
import {orgSummary} from '../auth/org-summary.js';
import {problemJson, problemLine, storageProblem} from '../auth/problems.js';
import {openConfigStore} from '../store/config-store.js';
import {orgStore, type SavedOrg} from '../store/orgs.js';
import type {Command, CommandIo} from './io.js';
import {parseArgs} from './parse-args.js';

const helpText = `
  List the orgs sftoken is logged into. The first one is the default for --org.

  Usage
    $ sftoken orgs [--json]

  Options
    --json    Print one JSON object: {"ok":true,"defaultAlias":…,"orgs":[…]}
    --help    Show this help
`;

function table(orgs: readonly SavedOrg[]): string {
	const rows = orgs.map((org, index) => [
		index === 0 ? '*' : ' ',
		org.alias,
		org.username,
		org.orgName ?? '',
		org.sandbox === undefined ? '' : org.sandbox ? 'sandbox' : 'production',
		org.orgId,
		org.instanceUrl,
	]);
	const header = [' ', 'ALIAS', 'USERNAME', 'ORG', 'KIND', 'ORG ID', 'INSTANCE'];
	const all = [header, ...rows];
	const widths = header.map((_, column) => Math.max(...all.map((row) => row[column]?.length ?? 0)));
	return all
		.map((row) =>
			row
				.map((cell, column) => cell.padEnd(widths[column] ?? 0))
				.join('  ')
				.trimEnd(),
		)
		.join('\n');
}

function listOrgs(argv: readonly string[], io: CommandIo): number {
	const parsed = parseArgs(argv, io, {
		name: 'orgs',
		help: helpText,
		usage: 'sftoken orgs [--json]',
		flags: {json: {type: 'boolean', default: false}},
	});
	if (!parsed.ok) return parsed.code;
	const {json} = parsed.flags;
	let orgs: SavedOrg[];
	try {
		orgs = orgStore(openConfigStore({env: io.env})).list();
	} catch (error) {
		const {problem} = storageProblem(error);
		if (json) io.stdout.write(`${JSON.stringify({ok: false, error: problemJson(problem)})}\n`);
		else io.stderr.write(`sftoken orgs: ${problemLine(problem)}\n`);
		return 1;
	}

	if (json) {
		io.stdout.write(
			`${JSON.stringify({ok: true, ...(orgs[0] === undefined ? {} : {defaultAlias: orgs[0].alias}), orgs: orgs.map((org) => orgSummary(org))})}\n`,
		);
	} else if (orgs.length === 0) {
		io.stdout.write(
			'No orgs yet. Log in with: sftoken login --device --domain <your org URL> --client-id <consumer key>\n',
		);
	} else {
		io.stdout.write(`${table(orgs)}\n`);
	}

	return 0;
}

/** Reads only the config, never the token storage: listing orgs needs no keychain. */
export const orgsCommand: Command = async (argv, io) => Promise.resolve(listOrgs(argv, io));
