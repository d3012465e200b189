// The authorization-code grant with PKCE (SALESFORCE.md §3.3). The browser part (authorize URL,
// redirect) is in core/authorize-url.ts and loopback-listener.ts.
import type {Result} from './failure.js';
import {requestToken, secretsOf, type CallOptions, type TokenResponse} from './oauth-tokens.js';

export type CodeExchangeParams = {
	readonly loginUrl: string;
	readonly clientId: string;
	/** The URL-decoded code from the redirect. */
	readonly code: string;
	/** Exactly the redirect URI the authorize URL named. */
	readonly redirectUri: string;
	readonly codeVerifier: string;
	readonly clientSecret?: string;
};

/** Trades the authorization code for tokens. Never retried: a code works once. */
export async function exchangeAuthorizationCode(
	params: CodeExchangeParams,
	options: CallOptions = {},
): Promise<Result<TokenResponse>> {
	return requestToken(
		params.loginUrl,
		{
			grant_type: 'authorization_code',
			code: params.code,
			client_id: params.clientId,
			redirect_uri: params.redirectUri,
			code_verifier: params.codeVerifier,
			client_secret: params.clientSecret,
		},
		'token-exchange',
		secretsOf(params.code, params.codeVerifier, params.clientSecret),
		options,
	);
}
