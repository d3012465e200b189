import {base64url} from './pkce.js';

/**
 * Scopes requested when the caller names none: `api` for REST, `refresh_token` so the login
 * survives the session timeout (SALESFORCE.md §3.1, §4.1).
 */
export const DEFAULT_SCOPE = 'api refresh_token';

/** Random bytes for `state`: 16 bytes give 22 base64url characters. */
export const STATE_BYTES = 16;

export type AuthorizeUrlParams = {
	readonly loginUrl: string;
	readonly clientId: string;
	readonly redirectUri: string;
	readonly codeChallenge: string;
	readonly state: string;
	/** Space-separated scopes; default {@link DEFAULT_SCOPE}. */
	readonly scope?: string;
	/** `login` forces the login form so an open browser session cannot pick the org. */
	readonly prompt?: 'login' | 'consent' | 'login consent' | 'select_account';
	readonly loginHint?: string;
};

/** A `state` value from caller-supplied random bytes (core draws no randomness). */
export function createState(randomBytes: Uint8Array): string {
	return base64url(randomBytes);
}

/**
 * Builds the browser URL of the authorization-code flow with PKCE (SALESFORCE.md §3.1).
 * `code_challenge_method=S256` is sent explicitly, as RFC 7636 and Data Loader do (sf CLI omits it
 * and Salesforce then assumes S256 anyway).
 *
 * @example buildAuthorizeUrl({loginUrl: 'https://login.salesforce.com', clientId, redirectUri:
 *   'http://localhost:1717/OauthRedirect', codeChallenge, state, prompt: 'login'})
 */
export function buildAuthorizeUrl(params: AuthorizeUrlParams): string {
	const url = new URL('/services/oauth2/authorize', params.loginUrl);
	const query = url.searchParams;
	query.set('response_type', 'code');
	query.set('client_id', params.clientId);
	query.set('redirect_uri', params.redirectUri);
	query.set('code_challenge', params.codeChallenge);
	query.set('code_challenge_method', 'S256');
	query.set('state', params.state);
	query.set('scope', params.scope ?? DEFAULT_SCOPE);
	query.set('prompt', params.prompt ?? 'login');
	if (params.loginHint !== undefined) query.set('login_hint', params.loginHint);
	return url.href;
}

export type RedirectFailureReason = 'state-mismatch' | 'error-returned' | 'no-code' | 'not-a-url';

export type RedirectResult =
	| {ok: true; code: string}
	| {
			ok: false;
			reason: RedirectFailureReason;
			/** The `error` parameter Salesforce put on the redirect, if any. */
			error?: string;
			description?: string;
			message: string;
	  };

// Bracketed-paste markers, whitespace (a URL wrapped over several terminal lines) and invisible
// characters never belong in a URL; quotes and angle brackets come from chat or mail clients.
const pasteNoise = /\u001B\[20[01]~|[\s\u200B-\u200D\u2060\uFEFF\u00AD]/gu;
const surroundingQuotes = /^["'<`\u2018\u201C]+|["'>`\u2019\u201D]+$/gu;

/**
 * Reads the address the browser was redirected to after login, as pasted by the user (or as
 * received by the loopback listener), and checks its `state`. The host and path are ignored: over
 * SSH the redirect never loaded, so only the query matters (SALESFORCE.md §3.5).
 *
 * The `code` is URL-decoded but a literal `+` is kept: codes are base64-like and never contain
 * spaces, while `+` in `error_description` does mean a space.
 *
 * @example parseRedirectUrl(' http://localhost:1717/OauthRedirect?code=aPrx%3D%3D&state=abc\n', 'abc')
 *   // → {ok: true, code: 'aPrx=='}
 */
export function parseRedirectUrl(pasted: string, expectedState: string): RedirectResult {
	const query = extractQuery(pasted.replaceAll(pasteNoise, '').replaceAll(surroundingQuotes, ''));
	if (query === undefined) {
		return {
			ok: false,
			reason: 'not-a-url',
			message:
				'That is not the address the browser was sent to. Copy the whole address from the browser’s address bar after the login; it contains ?code=…&state=….',
		};
	}

	const parameters = parseQuery(query);
	const state = parameters.get('state');
	const error = parameters.get('error');
	if (state !== undefined && decodeText(state) !== expectedState) {
		return {
			ok: false,
			reason: 'state-mismatch',
			message:
				'This address belongs to a different login attempt (its state does not match), so it was refused. Start the login again and use the address from this attempt.',
		};
	}

	if (error !== undefined) {
		const errorCode = decodeText(error);
		const rawDescription = parameters.get('error_description');
		const description = rawDescription === undefined ? '' : decodeText(rawDescription);
		return {
			ok: false,
			reason: 'error-returned',
			error: errorCode,
			description,
			message: `Salesforce ended the login with ${errorCode}${description ? `: ${description}` : ''}.`,
		};
	}

	const code = parameters.get('code');
	if (code === undefined || code === '') {
		return {
			ok: false,
			reason: 'no-code',
			message:
				'The address has no code. Copy it after the login has finished, when the browser has left the Salesforce pages; it contains ?code=….',
		};
	}

	if (state === undefined) {
		return {
			ok: false,
			reason: 'state-mismatch',
			message:
				'The address has no state, so it cannot be matched to this login and was refused. Copy the whole address, including &state=….',
		};
	}

	return {ok: true, code: decodeCode(code)};
}

/** The query string (without `?`) of a pasted URL, a bare `?a=b` or `a=b&c=d`, else undefined. */
function extractQuery(text: string): string | undefined {
	if (text === '') return undefined;
	if (text.startsWith('?')) return text.slice(1);
	if (/^[\w.-]+=/u.test(text)) return text;
	// A pasted `localhost:1717/OauthRedirect?…` without a scheme is still an address.
	const withScheme = /^[a-z][\w+.-]*:\/\//iu.test(text) ? text : `http://${text}`;
	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		return undefined;
	}

	// Rebuilt from the raw text, not url.search: URL would re-encode what the user pasted.
	const queryStart = text.indexOf('?');
	if (queryStart === -1) {
		return url.hash.length > 1 ? url.hash.slice(1) : undefined;
	}

	const hashStart = text.indexOf('#', queryStart);
	return text.slice(queryStart + 1, hashStart === -1 ? undefined : hashStart);
}

/** Splits a query into raw (still encoded) values; the first occurrence of a name wins. */
function parseQuery(query: string): Map<string, string> {
	const parameters = new Map<string, string>();
	for (const pair of query.split('&')) {
		const equals = pair.indexOf('=');
		const name = decodeText(equals === -1 ? pair : pair.slice(0, equals));
		const value = equals === -1 ? '' : pair.slice(equals + 1);
		if (name !== '' && !parameters.has(name)) parameters.set(name, value);
	}

	return parameters;
}

function decodeText(raw: string): string {
	return safeDecode(raw.replaceAll('+', ' '));
}

function decodeCode(raw: string): string {
	return safeDecode(raw);
}

/** A malformed `%` sequence is kept as typed rather than failing the whole paste. */
function safeDecode(raw: string): string {
	try {
		return decodeURIComponent(raw);
	} catch {
		return raw;
	}
}
