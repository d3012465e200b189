// `grant_type=authorization_code` with PKCE (SALESFORCE.md §3.3). An absent
// code_challenge_method means S256 (unlike RFC 7636), and verifiers longer than RFC 7636's 128
// characters — sf CLI sends 171 — are accepted.
import {createHash} from 'node:crypto';
import {codeLifetimeMs} from '../codes.js';
import {oauthError, type Reply} from '../reply.js';
import {confirmed, unconfirmed} from './error-texts.js';
import {type GrantContext, servesOrg} from './grant-context.js';
import {issueNewGrant} from './token-response.js';

export function exchangeCode({
	state,
	request,
	form,
	clientId,
	secretVerified,
}: GrantContext): Reply {
	const code = state.codes.find(form.get('code') ?? '');
	if (code === undefined || code.clientId !== clientId || !servesOrg(request, code.org)) {
		return oauthError(confirmed.authorizationCodeInvalid);
	}
	if (state.now() - code.issuedAt >= codeLifetimeMs) {
		state.codes.redeem(code);
		return oauthError(unconfirmed.authorizationCodeExpired);
	}
	if (form.get('redirect_uri') !== code.redirectUri)
		return oauthError(confirmed.redirectUriMismatch);
	if (code.codeChallenge === undefined) {
		// A public client must prove itself somehow: neither PKCE nor a secret is invalid_client.
		if (!secretVerified) return oauthError(confirmed.clientCredentialsInvalid);
	} else {
		const verifier = form.get('code_verifier');
		if (verifier === null || verifier === '') return oauthError(unconfirmed.codeVerifierMissing);
		if (challengeOf(verifier, code.challengeMethod) !== code.codeChallenge) {
			return oauthError(unconfirmed.codeVerifierInvalid);
		}
	}
	state.codes.redeem(code);
	return issueNewGrant(state, code.org, code.scopes);
}

function challengeOf(verifier: string, method: 'S256' | 'plain'): string {
	return method === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url');
}
