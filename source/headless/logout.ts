// `sftoken logout [--org A] [--json]`: revoke the org's tokens at Salesforce and forget them here.
// Exit codes: 0 logged out (also when revoking failed: the org is forgotten, a warning says so),
// 1 failed, 2 usage error.
import meow from 'meow';
import {openAuthContext} from '../auth/context.js';
import {logout} from '../auth/logout.js';
import {orgLabel, orgSummary} from '../auth/org-summary.js';
import {problemJson, problemLine} from '../auth/problems.js';
import {packageInfo} from '../package-info.js';
import type {Command} from './io.js';

const helpText = `
  Log out of a saved org: revoke its tokens at Salesforce and forget them and the org here.

  Usage
    $ sftoken logout [--org A] [--json]

  Options
    --org A   Alias, username or org id of a saved org (default: the one used last)
    --json    Print one JSON object: {"ok":true,"alias":…,"revoked":true|false,"warning"?:…}
    --help    Show this help
`;

const knownFlags = new Set(['org', 'json', 'help']);

export const logoutCommand: Command = async (argv, io) => {
	const cli = meow(helpText, {
		importMeta: import.meta,
		argv,
		pkg: packageInfo,
		description: false,
		autoHelp: false,
		autoVersion: false,
		allowUnknownFlags: true,
		flags: {
			org: {type: 'string'},
			json: {type: 'boolean', default: false},
			help: {type: 'boolean', default: false},
		},
	});
	if (cli.flags.help) {
		io.stdout.write(cli.help.replace(/^\n/u, ''));
		return 0;
	}

	const unknown = Object.keys(cli.unnormalizedFlags).find((flag) => !knownFlags.has(flag));
	if (unknown !== undefined || cli.input.length > 0 || cli.flags.org === '') {
		const what =
			unknown === undefined
				? cli.flags.org === ''
					? '--org needs an alias'
					: `unexpected argument ${JSON.stringify(cli.input[0])}`
				: `unknown option ${JSON.stringify(unknown)}`;
		io.stderr.write(`sftoken logout: ${what}\nUsage: sftoken logout [--org A] [--json]\n`);
		return 2;
	}

	const {json} = cli.flags;
	const opened = await openAuthContext({env: io.env});
	const result = opened.ok ? await logout(opened.value, cli.flags.org) : opened;
	if (!result.ok) {
		if (json)
			io.stdout.write(`${JSON.stringify({ok: false, error: problemJson(result.problem)})}\n`);
		else io.stderr.write(`sftoken logout: ${problemLine(result.problem)}\n`);
		return 1;
	}

	const {org, revoked, warning} = result.value;
	if (json) {
		io.stdout.write(
			`${JSON.stringify({ok: true, ...orgSummary(org), revoked, ...(warning === undefined ? {} : {warning})})}\n`,
		);
		return 0;
	}

	io.stdout.write(
		`Logged out of “${org.alias}” (${org.username}, ${orgLabel(org)})${revoked ? ': tokens revoked and forgotten.' : '.'}\n`,
	);
	if (warning !== undefined) io.stderr.write(`${warning}\n`);
	return 0;
};
