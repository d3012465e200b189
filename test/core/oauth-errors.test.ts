import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Failure} from '../../source/core/failure.js';
import {
	explainOAuthFailure,
	explainRedirectFailure,
	setupPaths,
	stepPhrase,
} from '../../source/core/oauth-errors.js';

const oauth = (
	error: string,
	description: string,
	step: Failure['step'] = 'device-poll',
): Failure => ({kind: 'oauth', step, status: 400, error, description});

type Row = {
	readonly name: string;
	readonly failure: Failure;
	readonly title: RegExp;
	readonly setupPath?: string;
	/** Text the fix must contain. */
	readonly fix?: RegExp;
};

// One row per error of SALESFORCE.md §0, §1.4, §2, §3.3, §4 and per network code.
const rows: Row[] = [
	{
		name: 'device flow not enabled (§1.4, §2)',
		failure: oauth('invalid_grant', 'device flow is not enabled for the app', 'device-code'),
		title: /Device flow is not enabled/u,
		setupPath: setupPaths.deviceFlow,
	},
	{
		name: 'app not installed (§2, browser error page)',
		failure: oauth('invalid_client', 'app must be installed into org', 'device-code'),
		title: /not installed/u,
		setupPath: setupPaths.install,
		fix: /Approve Uninstalled Connected Apps/u,
	},
	{
		name: 'External Client App not installed (§2)',
		failure: oauth(
			'invalid_grant',
			'External client app is not installed in this org',
			'token-exchange',
		),
		title: /not installed/u,
		setupPath: setupPaths.install,
	},
	{
		name: 'OAUTH_APP_BLOCKED (§2)',
		failure: oauth('OAUTH_APP_BLOCKED', '', 'authorize'),
		title: /not installed/u,
		setupPath: setupPaths.install,
	},
	{
		name: 'user not pre-authorized',
		failure: oauth('invalid_grant', "user hasn't approved this consumer", 'token-exchange'),
		title: /may not use this app/u,
		setupPath: setupPaths.permittedUsers,
	},
	{
		name: 'unknown consumer key (§0)',
		failure: oauth('invalid_client_id', 'client identifier invalid', 'device-code'),
		title: /does not know this consumer key/u,
		setupPath: setupPaths.consumerKey,
		fix: /10 minutes/u,
	},
	{
		name: 'invalid client credentials (§0)',
		failure: oauth('invalid_client', 'invalid client credentials', 'token-exchange'),
		title: /credentials were refused/u,
		setupPath: setupPaths.consumerKey,
	},
	{
		name: 'invalid_client_credentials (§0)',
		failure: oauth('invalid_client_credentials', 'client secret invalid', 'refresh'),
		title: /credentials were refused/u,
	},
	{
		name: 'redirect_uri_mismatch (§3.1)',
		failure: oauth('redirect_uri_mismatch', 'redirect_uri must match configuration', 'authorize'),
		title: /callback URL is not registered/u,
		setupPath: setupPaths.callbackUrl,
		fix: /http:\/\/localhost:1717\/OauthRedirect/u,
	},
	{
		name: 'access_denied (§3.2)',
		failure: oauth('access_denied', 'end-user denied authorization'),
		title: /denied/u,
		fix: /Allow/u,
	},
	{
		name: 'authorization_pending surfaced (§1.4)',
		failure: oauth('authorization_pending', ''),
		title: /never approved/u,
	},
	{
		name: 'expired_token (RFC 8628)',
		failure: oauth('expired_token', 'device code expired'),
		title: /device code expired/u,
	},
	{
		name: 'invalid_grant authentication failure (§7.1)',
		failure: oauth('invalid_grant', 'authentication failure', 'token-exchange'),
		title: /refused the credentials/u,
		setupPath: setupPaths.passwordFlow,
	},
	{
		name: 'invalid_grant expired access/refresh token (§4.1)',
		failure: oauth('invalid_grant', 'expired access/refresh token', 'refresh'),
		title: /refresh token is no longer valid/u,
		fix: /Log in again/u,
	},
	{
		name: 'invalid_grant invalid authorization code (§3.3)',
		failure: oauth('invalid_grant', 'invalid authorization code', 'token-exchange'),
		title: /login code was refused/u,
	},
	{
		name: 'invalid_grant request not supported on this domain (§7.2)',
		failure: oauth('invalid_grant', 'request not supported on this domain', 'token-exchange'),
		title: /does not accept this request/u,
		fix: /My Domain/u,
	},
	{
		name: 'invalid_grant ip restricted',
		failure: oauth('invalid_grant', 'ip restricted or invalid login hours', 'token-exchange'),
		title: /not allowed from here/u,
		setupPath: setupPaths.loginIpRanges,
	},
	{
		name: 'invalid_grant while polling (expired or raced device code, §1.4)',
		failure: oauth('invalid_grant', 'token exchange failed', 'device-poll'),
		title: /device code is no longer valid/u,
	},
	{
		name: 'invalid_grant, other description',
		failure: oauth('invalid_grant', 'something new', 'token-exchange'),
		title: /refused the grant/u,
	},
	{
		name: 'PKCE verifier mismatch (§3.3)',
		failure: oauth('invalid_request', 'invalid code verifier', 'token-exchange'),
		title: /PKCE check failed/u,
	},
	{
		name: 'inactive_user (§0)',
		failure: oauth('inactive_user', 'user is inactive', 'token-exchange'),
		title: /user is inactive/u,
		setupPath: setupPaths.users,
	},
	{
		name: 'inactive_org (§0)',
		failure: oauth('inactive_org', 'organization is inactive', 'refresh'),
		title: /org is inactive/u,
	},
	{
		name: 'rate_limit_exceeded (§0)',
		failure: oauth('rate_limit_exceeded', 'rate limit exceeded', 'device-poll'),
		title: /Too many logins/u,
	},
	{
		name: 'unsupported_grant_type (§0)',
		failure: oauth('unsupported_grant_type', 'grant type not supported', 'device-poll'),
		title: /flow is not allowed/u,
	},
	{
		name: 'unsupported_response_type (§1.4)',
		failure: oauth('unsupported_response_type', 'response type not supported', 'device-code'),
		title: /flow is not allowed/u,
	},
	{
		name: 'invalid_scope (§0)',
		failure: oauth('invalid_scope', 'the requested scope is not allowed', 'device-code'),
		title: /scopes/u,
		setupPath: setupPaths.scopes,
	},
	{
		name: 'revoke of an unknown token (§4.2)',
		failure: oauth('invalid_token', 'invalid token', 'revoke'),
		title: /not revoked/u,
	},
	{
		name: 'an unknown OAuth error',
		failure: oauth('brand_new_error', 'who knows', 'refresh'),
		title: /refused the login/u,
	},
	{
		name: 'HTML error page (§0)',
		failure: {kind: 'html-page', step: 'token-exchange', status: 200, title: 'Login | Salesforce'},
		title: /web page came back/u,
	},
	{
		name: 'HTML maintenance page',
		failure: {kind: 'html-page', step: 'device-poll', status: 503},
		title: /having trouble/u,
	},
	{
		name: 'truncated JSON',
		failure: {kind: 'bad-json', step: 'userinfo', status: 200, bodyPreview: '{"user_id":'},
		title: /cut off/u,
	},
	{
		name: 'JSON without the needed fields',
		failure: {
			kind: 'bad-json',
			step: 'token-exchange',
			status: 200,
			bodyPreview: '{}',
			problem: 'the token answer lacks access_token',
		},
		title: /unexpected/u,
	},
	{
		name: 'identity URL Bad_OAuth_Token (§4.4)',
		failure: {kind: 'http', step: 'userinfo', status: 403, bodyPreview: 'Bad_OAuth_Token'},
		title: /token is not valid/u,
	},
	{
		name: 'no OAuth endpoint at the login URL',
		failure: {kind: 'http', step: 'device-code', status: 404, bodyPreview: ''},
		title: /No OAuth endpoint/u,
	},
	{
		name: '503 with Retry-After',
		failure: {kind: 'http', step: 'versions', status: 503, bodyPreview: '', retryAfterSeconds: 30},
		title: /having trouble/u,
	},
	{
		name: 'REST INVALID_SESSION_ID on userinfo',
		failure: {
			kind: 'rest',
			step: 'userinfo',
			status: 401,
			errors: [{errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid'}],
		},
		title: /token is not valid/u,
	},
	{
		name: 'REST API_DISABLED_FOR_ORG',
		failure: {
			kind: 'rest',
			step: 'userinfo',
			status: 403,
			errors: [
				{
					errorCode: 'API_DISABLED_FOR_ORG',
					message: 'The REST API is not enabled for this Organization.',
				},
			],
		},
		title: /API is not enabled/u,
		setupPath: setupPaths.apiEnabled,
	},
	{
		name: 'REST-style 500 from an OAuth endpoint',
		failure: {
			kind: 'rest',
			step: 'device-poll',
			status: 500,
			errors: [{errorCode: 'UNKNOWN_EXCEPTION', message: 'An unexpected error occurred.'}],
		},
		title: /having trouble/u,
	},
	{
		name: 'network timeout',
		failure: {
			kind: 'network',
			step: 'device-poll',
			code: 'timeout',
			message: 'x did not start answering within 30 s.',
		},
		title: /No answer in time/u,
	},
	{
		name: 'connection refused',
		failure: {
			kind: 'network',
			step: 'device-code',
			code: 'refused',
			message: 'x refused the connection',
		},
		title: /refused/u,
	},
	{
		name: 'connection reset',
		failure: {kind: 'network', step: 'refresh', code: 'reset', message: 'closed'},
		title: /dropped/u,
	},
	{
		name: 'DNS failure',
		failure: {kind: 'network', step: 'device-code', code: 'dns', message: 'not found'},
		title: /Host name not found/u,
		fix: /My Domain/u,
	},
	{
		name: 'TLS failure',
		failure: {kind: 'network', step: 'token-exchange', code: 'tls', message: 'self-signed'},
		title: /secure connection failed/u,
		fix: /NODE_EXTRA_CA_CERTS/u,
	},
	{
		name: 'proxy failure',
		failure: {kind: 'network', step: 'request', code: 'proxy', message: 'HTTP 407'},
		title: /proxy/u,
		fix: /HTTPS_PROXY/u,
	},
	{
		name: 'cancelled',
		failure: {kind: 'network', step: 'device-poll', code: 'aborted', message: 'Cancelled'},
		title: /Cancelled/u,
	},
	{
		name: 'other network error',
		failure: {kind: 'network', step: 'request', code: 'other', message: 'EHOSTUNREACH'},
		title: /network request failed/u,
	},
	{
		name: 'plain http refused',
		failure: {
			kind: 'unsafe-url',
			step: 'request',
			reason: 'insecure-http',
			host: 'x',
			message: 'Refused',
		},
		title: /plain http/u,
	},
	{
		name: 'another host refused',
		failure: {
			kind: 'unsafe-url',
			step: 'request',
			reason: 'other-host',
			host: 'x',
			message: 'Refused',
		},
		title: /another host/u,
	},
	{
		name: 'device code expired on the client',
		failure: {kind: 'device-expired', step: 'device-poll', polls: 119},
		title: /device code expired/u,
	},
	{
		name: 'listener port busy',
		failure: {
			kind: 'listener',
			step: 'redirect-listener',
			code: 'port-busy',
			host: '127.0.0.1',
			port: 1717,
			message: 'Port 1717 busy',
		},
		title: /Port 1717 is already in use/u,
		fix: /--port/u,
	},
];

for (const row of rows) {
	test(`explains ${row.name}`, () => {
		const explanation = explainOAuthFailure(row.failure);
		assert.match(explanation.title, row.title);
		assert.ok(explanation.cause.length > 10, 'a cause');
		assert.ok(explanation.fix.length > 10, 'a fix');
		if (row.setupPath) assert.equal(explanation.setupPath, row.setupPath);
		if (row.fix) assert.match(explanation.fix, row.fix);
	});
}

test('the step shapes the cause', () => {
	const failure = oauth('invalid_grant', 'device flow is not enabled for the app', 'device-poll');
	assert.match(explainOAuthFailure(failure).cause, /while polling for the device login/u);
	assert.equal(stepPhrase('refresh'), 'while refreshing the access token');
	const network: Failure = {kind: 'network', step: 'load-more', code: 'reset', message: 'closed'};
	assert.match(explainOAuthFailure(network).cause, /while loading more records/u);
});

test('server text reaches the explanation without control characters', () => {
	const failure = oauth('invalid_grant', 'evil \u001B]52;c;aGk=\u0007 text \u009B2J', 'refresh');
	const {cause} = explainOAuthFailure(failure);
	assert.doesNotMatch(cause, /[\u0000-\u001F\u007F-\u009F]/u);
	assert.match(cause, /evil/u);
});

test('redirect failures: an error on the redirect is explained like the token endpoint error', () => {
	const denied = explainRedirectFailure({
		reason: 'error-returned',
		error: 'access_denied',
		description: 'end-user denied authorization',
		message: 'x',
	});
	assert.match(denied.title, /denied/u);
	assert.match(denied.cause, /in the browser login/u);
	const callback = explainRedirectFailure({
		reason: 'error-returned',
		error: 'redirect_uri_mismatch',
		message: 'x',
	});
	assert.equal(callback.setupPath, setupPaths.callbackUrl);
});

const redirectRows: Array<[Parameters<typeof explainRedirectFailure>[0]['reason'], RegExp]> = [
	['state-mismatch', /another login/u],
	['no-code', /No login code/u],
	['not-a-url', /No login code/u],
	['timeout', /timed out/u],
	['aborted', /Cancelled/u],
];

for (const [reason, title] of redirectRows) {
	test(`explains a redirect that failed with ${reason}`, () => {
		const explanation = explainRedirectFailure({reason, message: 'The listener said so.'});
		assert.match(explanation.title, title);
		assert.ok(explanation.fix.length > 10);
	});
}
