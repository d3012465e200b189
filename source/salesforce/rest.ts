// Requests the user builds on the request screen. Any HTTP status is a response here (the screen
// shows 4xx and 5xx); only the network, the send guard and a foreign host are Failures.
import {htmlTitle, looksLikeHtml, parseRestErrors} from './classify.js';
import type {RestError, Result} from './failure.js';
import {
	defaultHttpClient,
	refuseUrl,
	sendHttp,
	type HttpClient,
	type HttpMethod,
	type HttpResponse,
} from './http.js';

export type LimitInfo = {readonly used: number; readonly max: number};

export type RestResponse = HttpResponse & {
	/** From `Sforce-Limit-Info: api-usage=18/5000` (SALESFORCE.md §6.3). */
	readonly limitInfo?: LimitInfo;
};

export type RestRequestParams = {
	readonly instanceUrl: string;
	readonly accessToken: string;
	readonly method: HttpMethod;
	/** Relative to the instance URL (`/services/…`), or a full URL on the same host. */
	readonly path: string;
	readonly headers?: Readonly<Record<string, string>>;
	/** Sent for POST, PUT, PATCH and DELETE; GET and HEAD carry no body. */
	readonly body?: string;
	readonly signal?: AbortSignal;
	/** Default 64 MiB; a longer body is cut and `truncated` set. */
	readonly maxBodyBytes?: number;
	/** `load-more` when following `nextRecordsUrl`. */
	readonly step?: 'request' | 'load-more';
	readonly client?: HttpClient;
};

// The transport sets these itself; a user-typed Authorization must not replace the checked token.
const reservedHeaders = new Set(['authorization', 'host', 'content-length', 'transfer-encoding']);

/**
 * Resolves the request path against the instance URL. A full URL, or a path such as `//host/…`,
 * is accepted only when it stays on the instance's own scheme, host and port.
 */
export function resolveRestUrl(
	instanceUrl: string,
	path: string,
	step: 'request' | 'load-more' = 'request',
): Result<URL> {
	let base: URL;
	try {
		base = new URL(instanceUrl);
	} catch {
		return refuseUrl(step, 'invalid-url', '', 'The instance URL is not a valid URL.');
	}

	const trimmed = path.trim();
	const isAbsolute = /^[a-z][\w+.-]*:/iu.test(trimmed);
	let url: URL;
	try {
		url = new URL(isAbsolute || trimmed.startsWith('/') ? trimmed : `/${trimmed}`, base);
	} catch {
		return refuseUrl(step, 'invalid-url', '', 'The path is not a valid URL path.');
	}

	if (url.origin !== base.origin) {
		return refuseUrl(
			step,
			'other-host',
			url.host,
			`Refused: ${url.origin} is not this org’s host (${base.origin}); the token is only sent to the org itself.`,
		);
	}

	return {ok: true, value: url};
}

/**
 * Sends a REST request with the access token. GET and HEAD are retried on transient failures;
 * POST, PUT, PATCH and DELETE never are.
 */
export async function sendRestRequest(params: RestRequestParams): Promise<Result<RestResponse>> {
	const step = params.step ?? 'request';
	const url = resolveRestUrl(params.instanceUrl, params.path, step);
	if (!url.ok) return url;

	const headers: Record<string, string> = {accept: 'application/json'};
	for (const [name, value] of Object.entries(params.headers ?? {})) {
		if (!reservedHeaders.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
	}

	const hasBody = params.method !== 'GET' && params.method !== 'HEAD' && params.body !== undefined;
	if (hasBody && headers['content-type'] === undefined) {
		headers['content-type'] = 'application/json';
	}

	const sent = await sendHttp(
		{
			step,
			method: params.method,
			url: url.value,
			headers,
			accessToken: params.accessToken,
			...(hasBody && params.body !== undefined ? {body: params.body} : {}),
			secrets: [params.accessToken],
			...(params.signal === undefined ? {} : {signal: params.signal}),
			...(params.maxBodyBytes === undefined ? {} : {maxBodyBytes: params.maxBodyBytes}),
		},
		params.client ?? defaultHttpClient(),
	);
	if (!sent.ok) return sent;
	const limitInfo = parseLimitInfo(sent.value.headers['sforce-limit-info']);
	return {ok: true, value: limitInfo ? {...sent.value, limitInfo} : sent.value};
}

/** `api-usage=18/5000` (possibly among other entries) → `{used: 18, max: 5000}`. */
export function parseLimitInfo(header: string | undefined): LimitInfo | undefined {
	const match = header === undefined ? null : /api-usage=(\d+)\/(\d+)/u.exec(header);
	if (!match?.[1] || !match[2]) return undefined;
	return {used: Number(match[1]), max: Number(match[2])};
}

export type RestBody =
	| {kind: 'errors'; errors: readonly RestError[]}
	| {kind: 'html-page'; title?: string}
	| {kind: 'other'};

/**
 * What a REST response body is, for diagnosis: a Salesforce error array, an HTML page (wrong
 * host, proxy, outage), or anything else. Success bodies (2xx) are not parsed: they can be huge
 * and never hold an error array.
 */
export function classifyRestBody(
	status: number,
	contentType: string | undefined,
	body: string,
): RestBody {
	if (looksLikeHtml(contentType, body)) {
		const title = htmlTitle(body);
		return title === undefined ? {kind: 'html-page'} : {kind: 'html-page', title};
	}

	if ((status >= 200 && status < 300) || !body.trimStart().startsWith('[')) return {kind: 'other'};
	let json: unknown;
	try {
		json = JSON.parse(body);
	} catch {
		return {kind: 'other'};
	}

	const errors = parseRestErrors(json);
	return errors ? {kind: 'errors', errors} : {kind: 'other'};
}
