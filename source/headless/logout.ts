// `sftoken logout [--org A] [--json]`: revoke the org's tokens at Salesforce and forget them here.
// Exit codes: 0 logged out (also when revoking failed: the org is forgotten, a warning says so),
// 1 failed, 2 usage error.
import {openAuthContext} from '../auth/context.js';
import {logout} from '../auth/logout.js';
import {orgLabel, orgSummary} from '../auth/org-summary.js';
import {problemJson, problemLine} from '../auth/problems.js';
import type {Command} from './io.js';
import {parseArgs} from './parse-args.js';

const helpText = `
  Log out of a saved org: revoke its tokens at Salesforce and forget them and the org here.

  Usage
    $ sftoken logout [--org A] [--json]

  Options
    --org A   Alias, username or org id of a saved org (default: the one used last)
    --json    Print one JSON object: {"ok":true,"alias":…,"revoked":true|false,"warning"?:…}
    --help    Show this help
`;

export const logoutCommand: Command = async (argv, io) => {
	const parsed = parseArgs(argv, io, {
		name: 'logout',
		help: helpText,
		usage: 'sftoken logout [--org A] [--json]',
		flags: {org: {type: 'string'}, json: {type: 'boolean', default: false}},
	});
	if (!parsed.ok) return parsed.code;
	if (parsed.flags.org === '') return parsed.usageError('--org needs an alias');
	const {json, org: name} = parsed.flags;
	const opened = await openAuthContext({env: io.env});
	const result = opened.ok ? await logout(opened.value, name) : opened;
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
