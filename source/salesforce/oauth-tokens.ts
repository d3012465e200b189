// The token endpoint's success shape (SALESFORCE.md §5), the refresh grant (§4.1) and revoke (§4.2).
import {
	endpoint,
	failureFromResponse,
	isRecord,
	looksLikeHtml,
	readJson,
	unexpectedJson,
} from './classify.js';
import type {Result, Step} from './failure.js';
import {defaultHttpClient, sendHttp, type HttpClient} from './http.js';

export type TokenResponse = {
	readonly accessToken: string;
	/** Only when the `refresh_token` scope was granted (after a refresh: the one to keep). */
	readonly refreshToken?: string;
	readonly instanceUrl: string;
	/** The identity URL `https://<login host>/id/<orgId>/<userId>`. */
	readonly idUrl: string;
	/** 18-character org id, from the identity URL. */
	readonly orgId: string;
	/** 18-character user id, from the identity URL. */
	readonly userId: string;
	/** Milliseconds since the epoch (Salesforce sends a string of milliseconds). */
	readonly issuedAt: number;
	readonly scope: readonly string[];
	readonly tokenType: string;
	readonly signature?: string;
	readonly idToken?: string;
};

/** Per-call options of every network function. */
export type CallOptions = {
	readonly signal?: AbortSignal;
	/** The got client to use (timeouts, proxy); the shared default otherwise. */
	readonly client?: HttpClient;
};

const identityPath = /\/id\/(00D\w{12,15})\/(005\w{12,15})\/?$/u;

/**
 * Reads a token endpoint success body. Needs `access_token`, `instance_url` and an `id` URL ending
 * in `/id/<orgId>/<userId>`; `issued_at` falls back to `receivedAt` when missing or malformed.
 */
export function parseTokenResponse(
	json: unknown,
	receivedAt: number = Date.now(),
): {ok: true; value: TokenResponse} | {ok: false; problem: string} {
	if (!isRecord(json)) return {ok: false, problem: 'the token answer is not a JSON object'};
	const text = (name: string): string | undefined => {
		const value = json[name];
		return typeof value === 'string' && value !== '' ? value : undefined;
	};

	const accessToken = text('access_token');
	const instanceUrl = text('instance_url');
	const idUrl = text('id');
	const missing = [
		accessToken ? undefined : 'access_token',
		instanceUrl ? undefined : 'instance_url',
		idUrl ? undefined : 'id',
	].filter((name) => name !== undefined);
	if (!accessToken || !instanceUrl || !idUrl) {
		return {ok: false, problem: `the token answer lacks ${missing.join(', ')}`};
	}

	const ids = identityPath.exec(idUrl);
	if (!ids?.[1] || !ids[2]) {
		return {ok: false, problem: 'the token answer’s id is not a …/id/<orgId>/<userId> URL'};
	}

	const issuedAt = Number(text('issued_at'));
	const refreshToken = text('refresh_token');
	const signature = text('signature');
	const idToken = text('id_token');
	return {
		ok: true,
		value: {
			accessToken,
			...(refreshToken === undefined ? {} : {refreshToken}),
			instanceUrl: instanceUrl.replace(/\/+$/u, ''),
			idUrl,
			orgId: ids[1],
			userId: ids[2],
			issuedAt: Number.isFinite(issuedAt) && issuedAt > 0 ? issuedAt : receivedAt,
			scope: (text('scope') ?? '').split(' ').filter(Boolean),
			tokenType: text('token_type') ?? 'Bearer',
			...(signature === undefined ? {} : {signature}),
			...(idToken === undefined ? {} : {idToken}),
		},
	};
}

/**
 * POSTs a grant to `{loginUrl}/services/oauth2/token` and reads a token answer. Only device
 * polling passes `idempotent`: exchanges and refreshes are never repeated behind the user's back.
 */
export async function requestToken(
	loginUrl: string,
	form: Record<string, string | undefined>,
	step: Step,
	secrets: readonly string[],
	options: CallOptions & {idempotent?: boolean} = {},
): Promise<Result<TokenResponse>> {
	const sent = await sendHttp(
		{
			step,
			method: 'POST',
			url: endpoint(loginUrl, '/services/oauth2/token'),
			headers: {accept: 'application/json'},
			form,
			secrets,
			idempotent: options.idempotent ?? false,
			...(options.signal === undefined ? {} : {signal: options.signal}),
		},
		options.client ?? defaultHttpClient(),
	);
	if (!sent.ok) return sent;
	const json = readJson(sent.value, step, secrets);
	if (!json.ok) return json;
	const token = parseTokenResponse(json.value);
	if (!token.ok) {
		return {ok: false, failure: unexpectedJson(sent.value, step, secrets, token.problem)};
	}

	return token;
}

export type RefreshParams = {
	readonly loginUrl: string;
	readonly clientId: string;
	readonly refreshToken: string;
	readonly clientSecret?: string;
};

/**
 * Gets a new access token with the refresh token grant. Without refresh token rotation Salesforce
 * returns no new refresh token; the result then carries the one passed in, so callers can always
 * store `refreshToken` from the result.
 */
export async function refreshAccessToken(
	params: RefreshParams,
	options: CallOptions = {},
): Promise<Result<TokenResponse>> {
	const result = await requestToken(
		params.loginUrl,
		{
			grant_type: 'refresh_token',
			refresh_token: params.refreshToken,
			client_id: params.clientId,
			client_secret: params.clientSecret,
		},
		'refresh',
		secretsOf(params.refreshToken, params.clientSecret),
		options,
	);
	if (!result.ok || result.value.refreshToken !== undefined) return result;
	return {ok: true, value: {...result.value, refreshToken: params.refreshToken}};
}

/**
 * Revokes an access or refresh token (a refresh token takes its access tokens with it). Success is
 * any 2xx; errors come as JSON or form-encoded `error=…` (SALESFORCE.md §4.2).
 */
export async function revokeToken(
	params: {readonly loginUrl: string; readonly token: string},
	options: CallOptions = {},
): Promise<Result<undefined>> {
	const secrets = [params.token];
	const sent = await sendHttp(
		{
			step: 'revoke',
			method: 'POST',
			url: endpoint(params.loginUrl, '/services/oauth2/revoke'),
			form: {token: params.token},
			secrets,
			...(options.signal === undefined ? {} : {signal: options.signal}),
		},
		options.client ?? defaultHttpClient(),
	);
	if (!sent.ok) return sent;
	const {status, headers, body} = sent.value;
	// A web page with 200 is a portal or proxy talking, not Salesforce confirming the revoke.
	if (status >= 200 && status < 300 && !looksLikeHtml(headers['content-type'], body)) {
		return {ok: true, value: undefined};
	}

	return {ok: false, failure: failureFromResponse(sent.value, 'revoke', secrets)};
}

/** The secrets of a call, for redaction; absent ones left out. */
export function secretsOf(...values: ReadonlyArray<string | undefined>): string[] {
	return values.filter((value): value is string => value !== undefined && value !== '');
}
