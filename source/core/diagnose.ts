/**
 * Why a request failed, in Salesforce's terms: a pure mapping from what came back (a response or
 * a network Failure), the token that was sent and the org it went to, to a title and causes
 * ranked by evidence, each with one line of cause and one of fix. `INVALID_SESSION_ID` is the
 * case that matters most: the same answer for a mangled token, another org's token and an
 * expired session, told apart here by looking at the token itself.
 */
import type {Failure} from './failure.js';
import {
	describeSalesforceErrors,
	markedSoql,
	printableLine,
	readSalesforceErrors,
	type MarkedSoql,
	type SalesforceError,
} from './json-lines.js';
import {parseLimitInfo, type LimitInfo} from './limit-info.js';
import {explainOAuthFailure, setupPaths} from './oauth-errors.js';
import type {KnownOrg} from './preflight.js';
import {apiKindOf} from './request.js';
import {inspectToken, sameOrg, summarizeInspection, type TokenInspection} from './token.js';

/** What a key on the request screen does about a cause. */
export type DiagnosisAction = 'fix-token' | 'refresh' | 'login-again';

export type CauseKind =
	| 'stray-characters'
	| 'other-org'
	| 'bad-token'
	| 'expired'
	| 'not-rest-session'
	| 'limit-exceeded'
	| 'api-disabled'
	| 'no-rest-resource'
	| 'not-found'
	| 'bad-query'
	| 'html-page'
	| 'apex-error'
	| 'server-error'
	| 'salesforce-error'
	| 'network';

export type Cause = {
	readonly kind: CauseKind;
	readonly cause: string;
	readonly fix: string;
	readonly action?: DiagnosisAction;
	readonly setupPath?: string;
};

export type Diagnosis = {
	readonly title: string;
	/** Most likely first. */
	readonly causes: readonly Cause[];
	/** The query and caret line of a SOQL error. */
	readonly marked?: MarkedSoql;
};

export type DiagnoseInput = {
	readonly request: {readonly method: string; readonly path: string};
	readonly outcome:
		| {
				readonly kind: 'response';
				readonly status: number;
				readonly contentType?: string;
				readonly body: string;
				readonly limitInfo?: LimitInfo;
		  }
		| {readonly kind: 'failure'; readonly failure: Failure};
	/** The token as it was sent (as the token field held it). */
	readonly token: string;
	readonly target: {readonly orgId: string; readonly label?: string};
	readonly knownOrgs?: readonly KnownOrg[];
	/** A refresh token is stored for this org, so `r` can get a new access token. */
	readonly canRefresh: boolean;
	/**
	 * Where the fixes are offered: the request screen's keys (f, r, l, Ctrl+N; the default), or
	 * a command line, whose fixes name commands instead.
	 */
	readonly surface?: Surface;
};

export type Surface =
	| {readonly kind: 'screen'}
	/** `login` is the command that logs into the target org again. */
	| {readonly kind: 'command'; readonly login: string};

/** The fix texts of a surface: a key to press, or a command to run. */
function fixes(surface: Surface = {kind: 'screen'}) {
	const screen = surface.kind === 'screen';
	const login = screen ? '' : surface.login;
	return {
		removeStrays: screen
			? 'Press f to remove them and send again.'
			: 'Remove them and send again (sftoken check-token prints the token fixed).',
		refresh: screen
			? 'Press r to get a new access token with the refresh token and send again.'
			: 'Get a new access token with the refresh token (sftoken token does) and send again.',
		loginNoRefresh: screen
			? 'Press l to log in again: there is no refresh token to renew it with.'
			: `Log in again (${login}): there is no refresh token to renew it with.`,
		loginOrg: (label: string) =>
			screen
				? `Press l to log in to ${label} again; the login prompt is forced, so a browser session cannot pick the other org.`
				: `Log in to ${label} again (${login}); the login prompt is forced, so a browser session cannot pick the other org.`,
		badToken: screen
			? 'Paste the access token itself (00D…!…), or log in again with l.'
			: `Use the access token itself (00D…!…), or log in again (${login}).`,
		restSession: screen
			? 'Press l to log in through OAuth with the api scope, and use that token.'
			: `Log in through OAuth with the api scope (${login}), and use that token.`,
		otherMethod: (method: string) =>
			screen
				? `This resource does not accept ${method}; press Ctrl+N to pick another method.`
				: `This resource does not accept ${method}; use another method.`,
	};
}

function orgName(orgId: string, label: string | undefined): string {
	return label === undefined ? `org ${orgId}` : `${label} (${orgId})`;
}

function hasDamage(inspection: TokenInspection): boolean {
	return inspection.problems.some(
		(problem) =>
			problem.kind === 'stray-characters' ||
			problem.kind === 'wrapper' ||
			problem.kind === 'percent-encoded',
	);
}

function strayCause(inspection: TokenInspection, surface: Surface | undefined): Cause {
	return {
		kind: 'stray-characters',
		cause: `The token was damaged by copy-paste: ${summarizeInspection(inspection)}.`,
		fix: fixes(surface).removeStrays,
		action: 'fix-token',
	};
}

function expiredCause(canRefresh: boolean, surface: Surface | undefined): Cause {
	const text = fixes(surface);
	return canRefresh
		? {
				kind: 'expired',
				cause: 'The session expired or was ended (logout, revoked, or the org’s session timeout).',
				fix: text.refresh,
				action: 'refresh',
			}
		: {
				kind: 'expired',
				cause: 'The session expired or was ended (logout, revoked, or the org’s session timeout).',
				fix: text.loginNoRefresh,
				action: 'login-again',
			};
}

/** 401 INVALID_SESSION_ID: the causes, ranked by what the token itself shows. */
function invalidSession(input: DiagnoseInput, message: string | undefined): Diagnosis {
	const inspection = inspectToken(input.token);
	const text = fixes(input.surface);
	const causes: Cause[] = [];
	if (hasDamage(inspection)) causes.push(strayCause(inspection, input.surface));
	const tokenOrgId = inspection.orgId15;
	if (tokenOrgId !== undefined && !sameOrg(tokenOrgId, input.target.orgId)) {
		const tokenOrg = input.knownOrgs?.find((org) => sameOrg(org.orgId, tokenOrgId))?.label;
		causes.push({
			kind: 'other-org',
			cause: `The token is for ${orgName(tokenOrgId, tokenOrg)}, not ${orgName(input.target.orgId, input.target.label)}.`,
			fix: text.loginOrg(input.target.label ?? 'this org'),
			action: 'login-again',
		});
	}

	const unusable = inspection.problems.find(
		(problem) =>
			problem.kind === 'bad-shape' ||
			problem.kind === 'placeholder' ||
			problem.kind === 'refresh-token' ||
			problem.kind === 'empty',
	);
	if (unusable) {
		causes.push({
			kind: 'bad-token',
			cause: `${summarizeInspection(inspection)}.`,
			fix: text.badToken,
			action: 'login-again',
		});
	}

	if (message !== undefined && /not valid for use with the REST API/iu.test(message)) {
		causes.push({
			kind: 'not-rest-session',
			cause:
				'The session cannot call the REST API (a session from the Salesforce UI, or one that needs high assurance).',
			fix: text.restSession,
			action: 'login-again',
		});
	}

	causes.push(expiredCause(input.canRefresh, input.surface));
	return {title: 'Salesforce refused the token (401 INVALID_SESSION_ID)', causes};
}

function said(error: SalesforceError): string {
	return describeSalesforceErrors([error])[0] ?? error.errorCode;
}

function usage(limitInfo: LimitInfo | undefined): string {
	const api = limitInfo?.apiUsage;
	return api === undefined ? '' : ` (API usage ${api.used}/${api.max})`;
}

function fromErrorArray(
	input: DiagnoseInput,
	status: number,
	errors: readonly SalesforceError[],
	limitInfo: LimitInfo | undefined,
): Diagnosis {
	const first = errors[0];
	const code = first?.errorCode ?? '';
	const {path} = input.request;
	const title = `Salesforce answered ${status} ${code}`;
	if (code === 'INVALID_SESSION_ID' || status === 401) {
		return invalidSession(input, first?.lines.join(' '));
	}

	switch (code) {
		case 'REQUEST_LIMIT_EXCEEDED': {
			return {
				title,
				causes: [
					{
						kind: 'limit-exceeded',
						cause: `The org has used all its API requests of the last 24 hours${usage(limitInfo)}.`,
						fix: 'Wait until usage drops (a rolling 24 hours), or ask an admin to raise the limit; Setup → Company Information shows usage.',
					},
				],
			};
		}

		case 'API_DISABLED_FOR_ORG':
		case 'API_DISABLED_FOR_USER': {
			return {
				title,
				causes: [
					{
						kind: 'api-disabled',
						cause:
							code === 'API_DISABLED_FOR_ORG'
								? 'The org’s edition does not include the API, or it is turned off for the org.'
								: 'The user’s profile does not allow API access.',
						fix: 'An admin grants “API Enabled” to the user (Professional Edition needs the API add-on).',
						setupPath: setupPaths.apiEnabled,
					},
				],
			};
		}

		case 'NOT_FOUND': {
			return {title, causes: [notFound(path)]};
		}

		case 'MALFORMED_QUERY':
		case 'INVALID_FIELD':
		case 'INVALID_TYPE':
		case 'INVALID_QUERY_FILTER_OPERATOR': {
			const marked = first ? markedSoql(first) : undefined;
			const reason = marked?.reason ?? (first ? first.lines.join(' ') : '');
			return {
				title: `The SOQL query is not valid (${code})`,
				causes: [
					{
						kind: 'bad-query',
						cause: marked
							? `At row ${marked.row}, column ${marked.column}: ${reason}`
							: reason || 'Salesforce could not read the query.',
						fix:
							code === 'INVALID_FIELD' || code === 'INVALID_TYPE'
								? 'Check the API names (custom ones end in __c): GET …/sobjects/<Object>/describe lists the fields.'
								: 'Fix the query where the ^ points; spaces in q= are fine, the path field encodes them.',
					},
				],
				...(marked ? {marked} : {}),
			};
		}

		case 'APEX_ERROR': {
			return {
				title,
				causes: [
					{
						kind: 'apex-error',
						cause: `The Apex class threw an exception: ${first?.lines[0] ?? ''}`,
						fix: `Read the stack line (${first?.lines.find((line) => line.startsWith('Class.')) ?? 'in the message'}) and the debug log of the request.`,
					},
				],
			};
		}

		default: {
			return {
				title,
				causes: [
					status >= 500
						? serverError(status)
						: {
								kind: 'salesforce-error',
								cause: errors.map((error) => said(error)).join(' · '),
								fix: fixForCode(code, input.request.method, input.surface),
							},
				],
			};
		}
	}
}

function fixForCode(code: string, method: string, surface: Surface | undefined): string {
	switch (code) {
		case 'METHOD_NOT_ALLOWED': {
			return fixes(surface).otherMethod(method);
		}

		case 'JSON_PARSER_ERROR': {
			return 'The body is JSON, but not in the shape this resource expects: check field names and types.';
		}

		case 'REQUIRED_FIELD_MISSING':
		case 'INVALID_FIELD_FOR_INSERT_UPDATE':
		case 'FIELD_CUSTOM_VALIDATION_EXCEPTION':
		case 'STRING_TOO_LONG': {
			return 'Correct the fields named in brackets and send again.';
		}

		default: {
			return 'The message above is Salesforce’s own; correct the request and send again.';
		}
	}
}

function notFound(path: string): Cause {
	const pathname = printableLine(path.split('?')[0] ?? path);
	if (apiKindOf(path) === 'apexrest') {
		return {
			kind: 'no-rest-resource',
			cause: `No @RestResource class maps ${pathname} (urlMapping is case-sensitive).`,
			fix: 'Check the class’s urlMapping and its case, add the namespace for a managed package (/services/apexrest/<ns>/…), and that the class is deployed.',
		};
	}

	return {
		kind: 'not-found',
		cause: `Nothing exists at ${pathname}: a misspelt object or resource, a record id that does not exist (ids are case-sensitive), or an API version older than the resource.`,
		fix:
			apiKindOf(path) === 'data'
				? 'GET /services/data/vNN.0/ lists the resources, …/sobjects/ the objects; check the spelling against them.'
				: 'REST paths start with /services/data/vNN.0/ or /services/apexrest/.',
	};
}

function serverError(status: number): Cause {
	return {
		kind: 'server-error',
		cause: `Salesforce failed with ${status} (an outage, maintenance, or a bug on its side).`,
		fix: 'Try again in a few minutes; status.salesforce.com shows maintenance and incidents.',
	};
}

const htmlPattern = /^\s*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/iu;

function htmlTitle(body: string): string | undefined {
	const match = /<title[^>]*>([^<]*)<\/title>/iu.exec(body.slice(0, 64 * 1024));
	const title =
		match?.[1] === undefined ? '' : printableLine(match[1]).replaceAll(/\s+/gu, ' ').trim();
	return title === '' ? undefined : title.slice(0, 120);
}

function htmlPage(status: number, body: string, path: string): Diagnosis {
	const title = htmlTitle(body);
	const named = title === undefined ? 'A web page' : `A web page (“${title}”)`;
	return {
		title: `${named} came back instead of JSON (${status})`,
		causes: [
			status >= 500
				? serverError(status)
				: {
						kind: 'html-page',
						cause:
							apiKindOf(path) === 'other'
								? 'The path is not an API path (a Lightning, Setup or Visualforce address?), so a page answered.'
								: 'A proxy, a captive Wi-Fi portal or a login page answered instead of the API.',
						fix: 'Use an API path such as /services/data/vNN.0/ or /services/apexrest/…; if a proxy or portal answered, sign in to it first.',
					},
		],
	};
}

function fromFailure(input: DiagnoseInput, failure: Failure): Diagnosis {
	const inspection = inspectToken(input.token);
	// Node refuses to put a line break (or another control character) in a header, so a damaged
	// token fails before it leaves the machine: that is the same cause as a 401 for it.
	if (failure.kind === 'network' && failure.code === 'other' && hasDamage(inspection)) {
		return {
			title: 'Not sent: the token holds characters HTTP cannot carry',
			causes: [strayCause(inspection, input.surface)],
		};
	}

	if ((failure.kind === 'rest' || failure.kind === 'http') && failure.status === 401) {
		return invalidSession(input, undefined);
	}

	const explained = explainOAuthFailure(failure);
	return {
		title: explained.title,
		causes: [
			{
				kind: 'network',
				cause: explained.cause,
				fix: explained.fix,
				...(explained.setupPath === undefined ? {} : {setupPath: explained.setupPath}),
			},
		],
	};
}

/**
 * What diagnose needs of an answer: its status and body, the content type and the API usage its
 * headers report (lower-case names, as the transport gives them).
 *
 * @example responseOutcome({status: 200, body: '{}', headers: {'content-type': 'application/json'}})
 * // => {kind: 'response', status: 200, body: '{}', contentType: 'application/json'}
 */
export function responseOutcome(response: {
	readonly status: number;
	readonly body: string;
	readonly headers: Readonly<Record<string, string>>;
}): Extract<DiagnoseInput['outcome'], {kind: 'response'}> {
	const contentType = response.headers['content-type'];
	const limitInfo = parseLimitInfo(response.headers['sforce-limit-info']);
	return {
		kind: 'response',
		status: response.status,
		body: response.body,
		...(contentType === undefined ? {} : {contentType}),
		...(limitInfo === undefined ? {} : {limitInfo}),
	};
}

/**
 * Explains a failed request, or returns undefined when there is nothing to explain (2xx, 3xx
 * that are not pages, 304).
 *
 * @example
 * diagnose({request: {method: 'GET', path: '/services/apexrest/Contacts'},
 *   outcome: {kind: 'response', status: 401, body: '[{"errorCode":"INVALID_SESSION_ID",…}]'},
 *   token: `${token}\n`, target: {orgId}, canRefresh: true}).causes.map((cause) => cause.kind)
 * // => ['stray-characters', 'expired']
 */
export function diagnose(input: DiagnoseInput): Diagnosis | undefined {
	const {outcome} = input;
	if (outcome.kind === 'failure') return fromFailure(input, outcome.failure);
	const {status, body, contentType} = outcome;
	const isHtml =
		(contentType?.toLowerCase().includes('text/html') ?? false) ||
		htmlPattern.test(body.slice(0, 512));
	// A page from an API path is never right; from another path only when it is an error.
	const {path} = input.request;
	if (isHtml && (status < 200 || status >= 300 || apiKindOf(path) !== 'other')) {
		return htmlPage(status, body, path);
	}

	if (status < 400) return undefined;
	const errors = readSalesforceErrors(body);
	if (errors) return fromErrorArray(input, status, errors, outcome.limitInfo);
	if (status === 401) return invalidSession(input, undefined);
	if (status === 404) return {title: `Salesforce answered ${status}`, causes: [notFound(path)]};
	if (status >= 500) return {title: `Salesforce answered ${status}`, causes: [serverError(status)]};
	return {
		title: `Salesforce answered ${status}`,
		causes: [
			{
				kind: 'salesforce-error',
				cause: body.trim() === '' ? 'The answer has no body.' : printableLine(body.slice(0, 200)),
				fix: 'Check the method, path, headers and body, and send again.',
			},
		],
	};
}
