// `sftoken token [--org A] [--json]`: a working access token for scripts, refreshed when its session
// has ended: curl -H "Authorization: Bearer $(sftoken token)" …
// stdout holds the token and nothing else. Exit codes: 0 token printed, 1 failed, 2 usage error.
import meow from 'meow';
import {openAuthContext} from '../auth/context.js';
import {problemJson, problemLine, type AuthProblem} from '../auth/problems.js';
import {ensureValidToken, getSession} from '../auth/session.js';
import {packageInfo} from '../package-info.js';
import type {Command} from './io.js';

const helpText = `
  Print a valid access token of a saved org, refreshing it when its session has ended.

  Usage
    $ sftoken token [--org A] [--json]
    $ curl -H "Authorization: Bearer $(sftoken token)" "$(sftoken token --json | jq -r .instanceUrl)/services/data/"

  Options
    --org A     Alias, username or org id of a saved org (default: the one used last)
    --json      Print one JSON object: accessToken, instanceUrl, orgId, username, apiVersion…
    --help      Show this help

  Exit codes
    0  token printed       1  no valid token (the message says how to get one)       2  usage error
`;

const knownFlags = new Set(['org', 'json', 'help']);

export const tokenCommand: Command = async (argv, io) => {
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
	const problemText =
		unknown === undefined
			? cli.input.length > 0
				? `unexpected argument ${JSON.stringify(cli.input[0])}`
				: cli.flags.org === ''
					? '--org needs an alias'
					: undefined
			: `unknown option ${JSON.stringify(unknown)}`;
	if (problemText !== undefined) {
		io.stderr.write(`sftoken token: ${problemText}\nUsage: sftoken token [--org A] [--json]\n`);
		return 2;
	}

	const {json} = cli.flags;
	const fail = (issue: AuthProblem): number => {
		if (json) io.stdout.write(`${JSON.stringify({ok: false, error: problemJson(issue)})}\n`);
		else io.stderr.write(`sftoken token: ${problemLine(issue)}\n`);
		return 1;
	};

	const opened = await openAuthContext({env: io.env});
	if (!opened.ok) return fail(opened.problem);
	const session = await getSession(opened.value, cli.flags.org);
	if (!session.ok) return fail(session.problem);
	const valid = await ensureValidToken(opened.value, session.value);
	if (!valid.ok) return fail(valid.problem);
	const {org, accessToken, refreshed} = valid.value;
	if (!json) {
		io.stdout.write(`${accessToken}\n`);
		return 0;
	}

	io.stdout.write(
		`${JSON.stringify({
			ok: true,
			accessToken,
			instanceUrl: org.instanceUrl,
			orgId: org.orgId,
			username: org.username,
			...(org.apiVersion === undefined ? {} : {apiVersion: org.apiVersion}),
			alias: org.alias,
			refreshed,
		})}\n`,
	);
	return 0;
};
