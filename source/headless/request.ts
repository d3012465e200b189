// `sftoken request [METHOD] PATH [--org A] [--data JSON|@file] [--header K:V]… [--json]`: one REST
// request with a saved org's token (renewed once when its session has ended). The body goes to
// stdout — pretty and safe on a terminal, exactly as received when piped — and the status line
// and any diagnosis to stderr. Exit codes: 0 for 2xx, 1 otherwise, 2 usage error.
import {readFile} from 'node:fs/promises';
import {openAuthContext} from '../auth/context.js';
import {loginAgainCommand, problemJson, problemLine, type AuthProblem} from '../auth/problems.js';
import {getSession, withFreshToken, type Session} from '../auth/session.js';
import {responseSummary, statusParts} from '../components/response-view/status-text.js';
import {diagnose, responseOutcome, type Diagnosis} from '../core/diagnose.js';
import type {Failure} from '../core/failure.js';
import {formatBodyNow, printableLine, type SegmentStyle} from '../core/json-lines.js';
import {preflight} from '../core/preflight.js';
import {
	buildRequest,
	methodHasBody,
	requestMethods,
	type BuiltRequest,
	type RequestMethod,
} from '../core/request.js';
import {quoted, terminalSafeJson} from '../core/terminal-json.js';
import {sendRestRequest, type RestResponse} from '../salesforce/rest.js';
import {historyInputOf} from '../store/history-input.js';
import {openUserHistory} from '../store/history-open.js';
import {readAll, type Command, type CommandIo} from './io.js';
import {parseArgs} from './parse-args.js';

const usage =
	'sftoken request [METHOD] PATH [--org A] [--data JSON|@file] [--header K:V]… [--json]';

const helpText = `
  Send one REST request to a saved org with its access token (renewed once if the session ended).

  Usage
    $ ${usage}

  PATH is relative to the org's instance URL (/services/data/v66.0/…, /services/apexrest/…) or a
  full URL on the org's own host. METHOD is GET (POST with --data), POST, PATCH, PUT or DELETE.

  Options
    --org A           Alias, username or org id of a saved org (default: the one used last)
    --data JSON       The body; @file reads it from a file, @- from stdin (checked as JSON unless
                      a Content-Type header says otherwise)
    --header K:V      A request header; repeat it for more
    --json            Print one JSON object: {status, headers, timeMs, body} (body parsed when JSON)
    --proxy URL       Send through this proxy (else HTTPS_PROXY / HTTP_PROXY)
    --help            Show this help

  The body is printed pretty on a terminal and exactly as received when piped; the status line
  and, when the request fails, why and what to do go to stderr.

  Exit codes
    0  2xx       1  any other status, or the request failed       2  usage error

  Examples
    $ sftoken request /services/apexrest/Contacts
    $ sftoken request POST /services/data/v66.0/sobjects/Account --data '{"Name":"Acme"}'
    $ sftoken request "/services/data/v66.0/query?q=SELECT Id FROM Account" | jq .totalSize
`;

type Parsed = {
	readonly method: RequestMethod;
	readonly path: string;
	readonly body?: string;
	readonly headers: string;
};

function isMethod(text: string): text is RequestMethod {
	return (requestMethods as readonly string[]).includes(text);
}

async function readData(
	data: string,
	io: CommandIo,
): Promise<{ok: true; text: string} | {ok: false; problem: string}> {
	if (!data.startsWith('@')) return {ok: true, text: data};
	const file = data.slice(1);
	if (file === '-') return {ok: true, text: await readAll(io.stdin)};
	try {
		return {ok: true, text: await readFile(file, 'utf8')};
	} catch (error) {
		const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
		return {ok: false, problem: `cannot read --data file ${quoted(file)} (${code})`};
	}
}

const styleCodes: Partial<Record<SegmentStyle, readonly [string, string]>> = {
	key: ['\u001B[36m', '\u001B[39m'],
	string: ['\u001B[32m', '\u001B[39m'],
	number: ['\u001B[33m', '\u001B[39m'],
	literal: ['\u001B[35m', '\u001B[39m'],
	escape: ['\u001B[7m', '\u001B[27m'],
};

function colours(io: CommandIo): boolean {
	const {env} = io;
	if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
	if (env['FORCE_COLOR'] === '0') return false;
	return io.stdout.isTTY === true;
}

/** The body for a terminal: pretty JSON (or text), every control character drawn as a glyph. */
export function terminalBody(
	body: string,
	contentType: string | undefined,
	colour: boolean,
): string {
	const lines = formatBodyNow(body, contentType === undefined ? {} : {contentType});
	const out: string[] = [];
	for (let index = 0; index < lines.lineCount; index++) {
		const segments = lines.line(index, {from: 0, width: Number.MAX_SAFE_INTEGER});
		out.push(
			segments
				.map((segment) => {
					const codes = colour ? styleCodes[segment.style] : undefined;
					return codes ? `${codes[0]}${segment.text}${codes[1]}` : segment.text;
				})
				.join(''),
		);
	}

	return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

function diagnosisText(diagnosis: Diagnosis): string {
	const lines = [`✗ ${diagnosis.title}`];
	if (diagnosis.marked) lines.push(`  ${diagnosis.marked.query}`, `  ${diagnosis.marked.caret}`);
	for (const cause of diagnosis.causes.slice(0, 3)) {
		lines.push(`  • ${cause.cause}`, `    → ${cause.fix}`);
	}

	return `${lines.map((line) => printableLine(line)).join('\n')}\n`;
}

function diagnosisJson(diagnosis: Diagnosis): Record<string, unknown> {
	return {
		title: diagnosis.title,
		causes: diagnosis.causes.map((cause) => ({
			kind: cause.kind,
			cause: cause.cause,
			fix: cause.fix,
		})),
		...(diagnosis.marked ? {soql: diagnosis.marked.query, caret: diagnosis.marked.caret} : {}),
	};
}

function jsonBody(response: RestResponse): unknown {
	const type = response.headers['content-type'] ?? '';
	if (/\bjson\b/iu.test(type) || /^\s*[[{]/u.test(response.body)) {
		try {
			return JSON.parse(response.body) as unknown;
		} catch {
			return response.body;
		}
	}

	return response.body;
}

type Outcome =
	| {readonly kind: 'response'; readonly response: RestResponse}
	| {readonly kind: 'failure'; readonly failure: Failure};

function diagnoseOutcome(
	request: BuiltRequest,
	outcome: Outcome,
	session: Session,
): Diagnosis | undefined {
	const {org} = session;
	return diagnose({
		request: {method: request.method, path: request.path},
		outcome:
			outcome.kind === 'response'
				? responseOutcome(outcome.response)
				: {kind: 'failure', failure: outcome.failure},
		token: session.accessToken,
		target: {orgId: org.orgId, label: org.orgName ?? org.alias},
		// The session was already renewed once if it could be: what is left is a new login.
		canRefresh: false,
		surface: {kind: 'command', login: loginAgainCommand(org)},
	});
}

export const requestCommand: Command = async (argv, io) => {
	const parsed = parseArgs(argv, io, {
		name: 'request',
		help: helpText,
		usage,
		maxInput: 2,
		flags: {
			org: {type: 'string'},
			data: {type: 'string'},
			header: {type: 'string', isMultiple: true},
			json: {type: 'boolean', default: false},
		},
	});
	if (!parsed.ok) return parsed.code;
	const {flags, input, usageError} = parsed;
	const [first, second] = input;
	if (first === undefined) return usageError('missing PATH, such as /services/data/');
	if (flags.org === '') return usageError('--org needs an alias');
	let method: RequestMethod;
	let path: string;
	if (second === undefined) {
		method = flags.data === undefined ? 'GET' : 'POST';
		path = first;
	} else {
		const upper = first.toUpperCase();
		if (!isMethod(upper)) {
			return usageError(`unknown method ${quoted(first)}: use GET, POST, PATCH, PUT or DELETE`);
		}

		method = upper;
		path = second;
	}

	let body: string | undefined;
	if (flags.data !== undefined) {
		if (!methodHasBody(method)) return usageError(`--data needs POST, PATCH or PUT, not ${method}`);
		const data = await readData(flags.data, io);
		if (!data.ok) return usageError(data.problem);
		body = data.text;
	}

	const headerLines: string[] = [];
	for (const header of flags.header ?? []) {
		if (!header.includes(':')) return usageError(`--header ${quoted(header)} is not Key: Value`);
		headerLines.push(header);
	}

	const request: Parsed = {
		method,
		path,
		headers: headerLines.join('\n'),
		...(body === undefined ? {} : {body}),
	};
	const {json} = flags;
	const fail = (issue: AuthProblem): number => {
		if (json) io.stdout.write(`${terminalSafeJson({ok: false, error: problemJson(issue)})}\n`);
		else io.stderr.write(`sftoken request: ${printableLine(problemLine(issue))}\n`);
		return 1;
	};

	const opened = await openAuthContext({env: io.env});
	if (!opened.ok) return fail(opened.problem);
	const context = opened.value;
	const session = await getSession(context, flags.org);
	if (!session.ok) return fail(session.problem);
	const {org} = session.value;
	const built = buildRequest({...request, body: request.body ?? ''}, org.instanceUrl);
	if (!built.ok) return usageError(built.problem.message);
	const checked = preflight({
		token: session.value.accessToken,
		target: {orgId: org.orgId, instanceUrl: org.instanceUrl, label: org.orgName ?? org.alias},
		path,
	});
	if (checked.verdict !== 'go') {
		const message = checked.issues
			.filter((issue) => issue.severity !== 'note')
			.map((issue) => issue.message)
			.join(' ');
		return fail({
			code: 'bad-input',
			title: 'Not sent',
			cause: message,
			fix: 'Correct the path or log in again.',
		});
	}

	const sent = await withFreshToken(context, session.value, async (current) =>
		sendRestRequest({
			instanceUrl: current.org.instanceUrl,
			accessToken: current.accessToken,
			method: built.request.method,
			path: built.request.path,
			headers: built.request.headers,
			...(built.request.body === undefined ? {} : {body: built.request.body}),
			...(context.http === undefined ? {} : {client: context.http}),
		}),
	);
	if (!sent.ok) return fail(sent.problem);
	const {value: result, session: used} = sent.value;
	// Every request sent is kept in history, without its token; history never fails the command.
	const history = openUserHistory({env: io.env});
	await history.append(
		historyInputOf({org: used.org, request: built.request, result, token: used.accessToken}),
	);
	const notice = history.takeNotice();
	if (notice !== undefined) io.stderr.write(`sftoken request: ${printableLine(notice)}\n`);
	const outcome: Outcome = result.ok
		? {kind: 'response', response: result.value}
		: {kind: 'failure', failure: result.failure};
	const diagnosis = diagnoseOutcome(built.request, outcome, used);
	if (outcome.kind === 'failure') {
		if (json) {
			io.stdout.write(
				`${terminalSafeJson({ok: false, error: diagnosis ? diagnosisJson(diagnosis) : {title: 'The request failed'}})}\n`,
			);
		} else if (diagnosis) {
			io.stderr.write(diagnosisText(diagnosis));
		}

		return 1;
	}

	const {response} = outcome;
	const success = response.status >= 200 && response.status < 300;
	if (json) {
		io.stdout.write(
			`${terminalSafeJson({
				status: response.status,
				headers: response.headers,
				timeMs: Math.round(response.timeMs),
				body: jsonBody(response),
				...(diagnosis ? {diagnosis: diagnosisJson(diagnosis)} : {}),
			})}\n`,
		);
	} else {
		const {head, rest} = statusParts(responseSummary(response));
		io.stderr.write(`${head} · ${rest}\n`);
		io.stdout.write(
			io.stdout.isTTY === true
				? terminalBody(response.body, response.headers['content-type'], colours(io))
				: response.body,
		);
		if (diagnosis) io.stderr.write(diagnosisText(diagnosis));
	}

	return success ? 0 : 1;
};
