// `sftoken check-token [--org A] [--token T] [--json]`: what is wrong with a token before it is
// used — stray characters (which, where), wrappers, placeholders, shape — and, with --org, whether
// the org accepts it now. Exit codes: 0 clean (and alive, when checked live), 1 not, 2 usage error.
import {openAuthContext} from '../auth/context.js';
import {problemJson, problemLine, type AuthProblem} from '../auth/problems.js';
import {printableLine} from '../core/json-lines.js';
import {checkTransport} from '../core/preflight.js';
import {maskToken} from '../core/token-mask.js';
import {inspectToken, sameOrg, summarizeInspection, type TokenInspection} from '../core/token.js';
import {terminalSafeJson} from '../core/terminal-json.js';
import type {HttpClient} from '../salesforce/http.js';
import {sendRestRequest} from '../salesforce/rest.js';
import type {SavedOrg} from '../store/orgs.js';
import {readAll, type Command} from './io.js';
import {parseArgs} from './parse-args.js';

const usage = 'sftoken check-token [--org A] [--token T] [--json]';

const helpText = `
  Check an access token: every character that does not belong (line breaks, spaces, zero-width
  characters…) with its position, text pasted around it (Bearer, quotes, a header line),
  placeholders, refresh tokens, the shape — and, with --org, whether that org accepts it now.

  Usage
    $ pbpaste | ${usage}
    $ ${usage.replace('[--token T]', '--token T')}

  The token is read from stdin unless --token is given. One line break at the very end of stdin
  is taken as the end of the line (echo adds one), not as part of the token.

  Options
    --org A       Also ask this saved org whether it accepts the token (userinfo; no API call counted)
    --token T     The token to check, instead of stdin
    --json        Print one JSON object: {ok, orgId, problems:[{kind, index, char}], fixed, live}
    --proxy URL   Send the live check through this proxy (else HTTPS_PROXY / HTTP_PROXY)
    --help        Show this help

  Exit codes
    0  the token is clean (and the org accepts it, with --org)    1  it is not    2  usage error
`;

export type LiveVerdict =
	| {
			readonly verdict: 'alive';
			readonly orgId: string;
			readonly username?: string;
			/** The token was checked as fixed (its stray characters removed). */
			readonly checkedFixed: boolean;
	  }
	| {readonly verdict: 'invalid-session'; readonly status: number; readonly checkedFixed: boolean}
	| {readonly verdict: 'other-org'; readonly tokenOrgId: string; readonly orgId: string}
	| {readonly verdict: 'not-checked'; readonly reason: string}
	| {readonly verdict: 'error'; readonly message: string};

type ProblemJson = {
	readonly kind: string;
	readonly index: number | null;
	readonly char: string | null;
	readonly detail?: string;
};

/** Every problem as {kind, index, char}: a character for each stray one, null for the others. */
export function problemsJson(inspection: TokenInspection): ProblemJson[] {
	const out: ProblemJson[] = [];
	for (const problem of inspection.problems) {
		switch (problem.kind) {
			case 'stray-characters': {
				for (const stray of problem.characters) {
					out.push({kind: stray.kind, index: stray.index, char: stray.char});
				}

				break;
			}

			case 'wrapper': {
				out.push({kind: 'wrapper', index: null, char: null, detail: problem.description});
				break;
			}

			case 'percent-encoded':
			case 'placeholder': {
				out.push({kind: problem.kind, index: null, char: null, detail: problem.text});
				break;
			}

			case 'bad-shape': {
				out.push({kind: problem.kind, index: null, char: null, detail: problem.detail});
				break;
			}

			case 'refresh-token':
			case 'empty': {
				out.push({kind: problem.kind, index: null, char: null});
				break;
			}
		}
	}

	return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Asks the org whether it accepts the token (userinfo). A token whose org id names another org is
 * not sent at all: the answer is already known, and a token goes only to its own org.
 */
export async function checkLive(
	inspection: TokenInspection,
	org: SavedOrg,
	client?: HttpClient,
): Promise<LiveVerdict> {
	if (!inspection.fixable) {
		return {
			verdict: 'not-checked',
			reason: 'the token cannot be used as it is, so it was not sent',
		};
	}

	const tokenOrgId = inspection.orgId15;
	if (tokenOrgId !== undefined && !sameOrg(tokenOrgId, org.orgId)) {
		return {verdict: 'other-org', tokenOrgId, orgId: org.orgId};
	}

	const insecure = checkTransport(org.instanceUrl);
	if (insecure) return {verdict: 'not-checked', reason: insecure.message};
	const checkedFixed = !inspection.clean;
	const result = await sendRestRequest({
		instanceUrl: org.instanceUrl,
		accessToken: inspection.fixed,
		method: 'GET',
		path: '/services/oauth2/userinfo',
		...(client === undefined ? {} : {client}),
	});
	if (!result.ok)
		return {
			verdict: 'error',
			message: result.failure.kind === 'network' ? result.failure.message : result.failure.kind,
		};
	const {status, body} = result.value;
	if (status === 401 || status === 403) return {verdict: 'invalid-session', status, checkedFixed};
	if (status !== 200) return {verdict: 'error', message: `userinfo answered ${status}`};
	let json: unknown;
	try {
		json = JSON.parse(body);
	} catch {
		return {verdict: 'error', message: 'userinfo did not answer JSON'};
	}

	const orgId = isRecord(json) ? json['organization_id'] : undefined;
	const username = isRecord(json) ? json['preferred_username'] : undefined;
	if (typeof orgId !== 'string') return {verdict: 'error', message: 'userinfo named no org'};
	if (!sameOrg(orgId, org.orgId))
		return {verdict: 'other-org', tokenOrgId: orgId, orgId: org.orgId};
	return {
		verdict: 'alive',
		orgId,
		...(typeof username === 'string' ? {username} : {}),
		checkedFixed,
	};
}

function liveLine(live: LiveVerdict, org: SavedOrg): string {
	const name = printableLine(org.orgName ?? org.alias);
	const fixedNote =
		'checkedFixed' in live && live.checkedFixed
			? ' (checked with the stray characters removed)'
			: '';
	switch (live.verdict) {
		case 'alive': {
			return `✓ ${name} accepts it${live.username === undefined ? '' : `: ${printableLine(live.username)}`}${fixedNote}`;
		}

		case 'invalid-session': {
			return `✗ ${name} refuses it (HTTP ${live.status}): the session expired or was ended${fixedNote}. Log in again, or get a new token.`;
		}

		case 'other-org': {
			return `✗ The token is for org ${live.tokenOrgId}, not ${name} (${live.orgId}): it was not sent.`;
		}

		case 'not-checked': {
			return `– Not checked with ${name}: ${live.reason}`;
		}

		case 'error': {
			return `✗ Could not check with ${name}: ${printableLine(live.message)}`;
		}
	}
}

/** Strips the one line break that ends what was piped in (echo adds it). */
function fromStdin(text: string): string {
	return text.endsWith('\n') && !text.endsWith('\r\n') ? text.slice(0, -1) : text;
}

export const checkTokenCommand: Command = async (argv, io) => {
	const parsed = parseArgs(argv, io, {
		name: 'check-token',
		help: helpText,
		usage,
		flags: {
			org: {type: 'string'},
			token: {type: 'string'},
			json: {type: 'boolean', default: false},
		},
	});
	if (!parsed.ok) return parsed.code;
	const {flags, usageError} = parsed;
	if (flags.org === '') return usageError('--org needs an alias');
	if (flags.token === undefined && io.stdin.isTTY === true) {
		return usageError('pipe the token in (pbpaste | sftoken check-token) or pass --token');
	}

	const token = flags.token ?? fromStdin(await readAll(io.stdin));
	const inspection = inspectToken(token);
	const {json} = flags;
	const fail = (issue: AuthProblem): number => {
		if (json) io.stdout.write(`${terminalSafeJson({ok: false, error: problemJson(issue)})}\n`);
		else io.stderr.write(`sftoken check-token: ${printableLine(problemLine(issue))}\n`);
		return 1;
	};

	let live: LiveVerdict | undefined;
	let org: SavedOrg | undefined;
	if (flags.org !== undefined) {
		const opened = await openAuthContext({env: io.env});
		if (!opened.ok) return fail(opened.problem);
		org = opened.value.orgs.get(flags.org);
		if (org === undefined) {
			return fail({
				code: 'unknown-org',
				title: `No org named “${flags.org}”`,
				cause: `“${flags.org}” is not the alias, username or org id of a saved org.`,
				fix: 'List the saved orgs with sftoken orgs, then pass one of their aliases to --org.',
			});
		}

		live = await checkLive(inspection, org, opened.value.http);
	}

	const ok = inspection.clean && (live === undefined || live.verdict === 'alive');
	const lines = [
		`${inspection.clean ? '✓' : '✗'} ${summarizeInspection(inspection, inspection.fixable && !inspection.clean ? {fixHint: 'the fixed token is printed with --json (fixed)'} : {})}`,
	];
	if (inspection.removed.length > 0) lines.push(`  To remove: ${inspection.removed.join(', ')}`);
	if (inspection.fixable && !inspection.clean) {
		lines.push(`  Fixed:     ${maskToken(inspection.fixed)}`);
	}

	if (live !== undefined && org !== undefined) lines.push(liveLine(live, org));
	if (json) {
		io.stdout.write(
			`${terminalSafeJson({
				ok,
				orgId: inspection.orgId15 ?? null,
				problems: problemsJson(inspection),
				fixed: inspection.fixed,
				live: live ?? null,
				// What is wrong, in words, as every failing --json answer of sftoken says it.
				...(ok ? {} : {message: lines.filter((line) => !line.startsWith('  ')).join(' ')}),
			})}
`,
		);
		return ok ? 0 : 1;
	}

	// Like every command: the answer on stdout when all is well, the problem on stderr.
	(ok ? io.stdout : io.stderr).write(`${lines.map((line) => printableLine(line)).join('\n')}\n`);
	return ok ? 0 : 1;
};
