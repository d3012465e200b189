// `sftoken token [--org A] [--json]`: a working access token for scripts, refreshed when its session
// has ended: curl -H "Authorization: Bearer $(sftoken token)" …
// stdout holds the token and nothing else. Exit codes: 0 token printed, 1 failed, 2 usage error.
import {openAuthContext} from '../auth/context.js';
import {problemJson, problemLine, type AuthProblem} from '../auth/problems.js';
import {ensureValidToken, getSession} from '../auth/session.js';
import type {Command} from './io.js';
import {parseArgs} from './parse-args.js';

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

export const tokenCommand: Command = async (argv, io) => {
	const parsed = parseArgs(argv, io, {
		name: 'token',
		help: helpText,
		usage: 'sftoken token [--org A] [--json]',
		flags: {org: {type: 'string'}, json: {type: 'boolean', default: false}},
	});
	if (!parsed.ok) return parsed.code;
	if (parsed.flags.org === '') return parsed.usageError('--org needs an alias');
	const {json, org: name} = parsed.flags;
	const fail = (issue: AuthProblem): number => {
		if (json) io.stdout.write(`${JSON.stringify({ok: false, error: problemJson(issue)})}\n`);
		else io.stderr.write(`sftoken token: ${problemLine(issue)}\n`);
		return 1;
	};

	const opened = await openAuthContext({env: io.env});
	if (!opened.ok) return fail(opened.problem);
	const session = await getSession(opened.value, name);
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
