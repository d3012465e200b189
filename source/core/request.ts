/**
 * The request the user builds on the request screen, checked before anything is sent: method,
 * a path relative to the org's instance URL (a full URL only on that same host), `Key: Value`
 * header lines, and a JSON body for POST, PATCH and PUT with the line and column of a mistake.
 */
import {checkJson} from './json-lines.js';

export const requestMethods = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const;

export type RequestMethod = (typeof requestMethods)[number];

/** The method after `method` in the cycle GET → POST → PATCH → PUT → DELETE → GET. */
export function nextMethod(method: RequestMethod): RequestMethod {
	const index = requestMethods.indexOf(method);
	return requestMethods[(index + 1) % requestMethods.length] ?? 'GET';
}

/** Whether the method carries a body (POST, PATCH, PUT). */
export function methodHasBody(method: RequestMethod): boolean {
	return method === 'POST' || method === 'PATCH' || method === 'PUT';
}

export const dataPrefix = '/services/data/';
export const apexRestPrefix = '/services/apexrest/';

/**
 * The REST API root of a version, `/services/data/v66.0/`; the versions list without one.
 *
 * @example dataPath('66.0') // => '/services/data/v66.0/'
 */
export function dataPath(version: string | undefined): string {
	return version === undefined ? dataPrefix : `${dataPrefix}v${version}/`;
}

export type ApiKind = 'data' | 'apexrest' | 'other';

/** Which API a path calls: the versioned REST API, Apex REST (versionless), or another one. */
export function apiKindOf(path: string): ApiKind {
	const pathname = path.trim().replace(/^[a-z][\w+.-]*:\/\/[^/]*/iu, '');
	if (pathname.startsWith(apexRestPrefix) || pathname === apexRestPrefix.slice(0, -1)) {
		return 'apexrest';
	}

	return pathname.startsWith(dataPrefix) || pathname === dataPrefix.slice(0, -1) ? 'data' : 'other';
}

/**
 * The path after the "switch API" key: Apex REST (versionless) from anything else, and back to
 * the versioned REST API root from Apex REST.
 */
export function switchApi(path: string, version: string | undefined): string {
	return apiKindOf(path) === 'apexrest' ? dataPath(version) : apexRestPrefix;
}

export type Header = {readonly name: string; readonly value: string};

export type HeadersResult =
	| {readonly ok: true; readonly headers: readonly Header[]}
	| {readonly ok: false; readonly line: number; readonly message: string};

// RFC 9110 token characters.
const headerName = /^[!#$%&'*+.^_`|~\dA-Za-z-]+$/u;
const setFromToken = new Set(['authorization']);
const setByTransport = new Set([
	'host',
	'content-length',
	'transfer-encoding',
	'connection',
	'keep-alive',
	'upgrade',
]);

/**
 * Reads `Key: Value` lines (blank lines skipped). Authorization comes from the token field and
 * the connection headers from the transport, so those are refused rather than silently dropped.
 *
 * @example
 * parseHeaderLines('Sforce-Query-Options: batchSize=200')
 * // => {ok: true, headers: [{name: 'Sforce-Query-Options', value: 'batchSize=200'}]}
 */
export function parseHeaderLines(text: string): HeadersResult {
	const headers: Header[] = [];
	const lines = text.split(/\r?\n/u);
	for (const [index, line] of lines.entries()) {
		const number = index + 1;
		if (line.trim() === '') continue;
		const colon = line.indexOf(':');
		if (colon === -1) {
			return {ok: false, line: number, message: `line ${number}: expected Key: Value`};
		}

		const name = line.slice(0, colon).trim();
		const value = line.slice(colon + 1).trim();
		if (!headerName.test(name)) {
			return {
				ok: false,
				line: number,
				message:
					name === ''
						? `line ${number}: the header name before ':' is missing`
						: `line ${number}: a header name holds only letters, digits and - _ . (no spaces)`,
			};
		}

		const lower = name.toLowerCase();
		if (setFromToken.has(lower)) {
			return {
				ok: false,
				line: number,
				message: `line ${number}: Authorization comes from the token field; remove this line`,
			};
		}

		if (setByTransport.has(lower)) {
			return {
				ok: false,
				line: number,
				message: `line ${number}: ${name} is set by sftoken itself; remove this line`,
			};
		}

		// HTTP carries header values as Latin-1 without control characters (a tab is allowed).
		if (/[\u0000-\u0008\u000A-\u001F\u007F]/u.test(value) || /[^\u0000-\u00FF]/u.test(value)) {
			return {
				ok: false,
				line: number,
				message: `line ${number}: the value holds a character a header cannot carry`,
			};
		}

		headers.push({name, value});
	}

	return {ok: true, headers};
}

export type PathResult =
	| {
			readonly ok: true;
			/** Path and query, relative to the instance URL. */
			readonly path: string;
			/** The input was a full URL (on the org's host). */
			readonly pastedUrl: boolean;
	  }
	| {
			readonly ok: false;
			readonly reason: 'empty' | 'other-host' | 'invalid';
			readonly message: string;
	  };

/**
 * Resolves what the user typed in the path field against the instance URL. A full URL (or
 * `//host/…`) is accepted only on the instance's own scheme, host and port, since the token goes
 * with the request; anything that would resolve elsewhere (`/\evil.example`) is refused too.
 *
 * @example
 * resolvePath('https://acme.my.salesforce.com', 'https://acme.my.salesforce.com/services/data/')
 * // => {ok: true, path: '/services/data/', pastedUrl: true}
 */
export function resolvePath(instanceUrl: string, input: string): PathResult {
	const trimmed = input.trim();
	if (trimmed === '') {
		return {ok: false, reason: 'empty', message: 'Type a path, such as /services/data/'};
	}

	let base: URL;
	try {
		base = new URL(instanceUrl);
	} catch {
		return {ok: false, reason: 'invalid', message: 'The org has no valid instance URL'};
	}

	const pastedUrl = /^[a-z][\w+.-]*:/iu.test(trimmed) || trimmed.startsWith('//');
	let url: URL;
	try {
		url = new URL(pastedUrl || trimmed.startsWith('/') ? trimmed : `/${trimmed}`, base);
	} catch {
		return {ok: false, reason: 'invalid', message: 'Not a valid path or URL'};
	}

	if (url.origin !== base.origin) {
		return {
			ok: false,
			reason: 'other-host',
			message: `Not sent: ${url.origin} is not this org's host (${base.origin}), and the token only goes to the org itself. Type a path such as /services/data/, or a URL on ${base.host}.`,
		};
	}

	return {ok: true, path: `${url.pathname}${url.search}`, pastedUrl};
}

export type RequestDraft = {
	readonly method: RequestMethod;
	readonly path: string;
	/** `Key: Value` lines. */
	readonly headers: string;
	readonly body: string;
};

export type BuiltRequest = {
	readonly method: RequestMethod;
	/** Relative to the instance URL. */
	readonly path: string;
	readonly headers: Readonly<Record<string, string>>;
	/** Only for POST, PATCH and PUT with a body typed. */
	readonly body?: string;
};

export type DraftProblem = {
	readonly field: 'path' | 'headers' | 'body';
	readonly message: string;
	/** 1-based, in the field's own text. */
	readonly line?: number;
	readonly column?: number;
};

export type BuildResult =
	| {readonly ok: true; readonly request: BuiltRequest}
	| {readonly ok: false; readonly problem: DraftProblem};

/**
 * Checks a draft and turns it into the request to send. The body is checked as JSON unless a
 * Content-Type header says it is something else.
 */
export function buildRequest(draft: RequestDraft, instanceUrl: string): BuildResult {
	const path = resolvePath(instanceUrl, draft.path);
	if (!path.ok) return {ok: false, problem: {field: 'path', message: path.message}};
	const parsed = parseHeaderLines(draft.headers);
	if (!parsed.ok) {
		return {ok: false, problem: {field: 'headers', message: parsed.message, line: parsed.line}};
	}

	const headers: Record<string, string> = {};
	for (const header of parsed.headers) headers[header.name] = header.value;
	if (!methodHasBody(draft.method) || draft.body.trim() === '') {
		return {ok: true, request: {method: draft.method, path: path.path, headers}};
	}

	const contentType = parsed.headers.find(
		(header) => header.name.toLowerCase() === 'content-type',
	)?.value;
	if (contentType === undefined || /\bjson\b/iu.test(contentType)) {
		const json = checkJson(draft.body);
		if (!json.ok) {
			return {
				ok: false,
				problem: {
					field: 'body',
					message: `Body is not valid JSON at line ${json.line}, column ${json.column}: ${json.message}`,
					line: json.line,
					column: json.column,
				},
			};
		}
	}

	return {ok: true, request: {method: draft.method, path: path.path, headers, body: draft.body}};
}
