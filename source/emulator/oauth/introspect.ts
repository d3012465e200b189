// POST /services/oauth2/introspect (SALESFORCE.md §4.5). The caller authenticates with its
// client id AND secret (body or Basic); the answer for anything not live is {"active":false}.
import {basicCredentials, readForm} from '../forms.js';
import type {Incoming} from '../incoming.js';
import {json, oauthError, type Reply} from '../reply.js';
import {type EmulatorState, sessionTimeoutMs} from '../state.js';
import {confirmed, unconfirmed} from './error-texts.js';
import {identityUrl} from './identity-url.js';
import type {Grant} from '../tokens.js';

export async function introspect(state: EmulatorState, request: Incoming): Promise<Reply> {
	if (request.method !== 'POST') return oauthError(unconfirmed.postRequired);
	const form = await readForm(request);
	const basic = basicCredentials(request);
	const clientId = form.get('client_id') ?? basic?.clientId;
	const secret = form.get('client_secret') ?? basic?.clientSecret;
	if (clientId !== state.app.clientId) return oauthError(confirmed.clientIdInvalid);
	// RFC 7662 answers an unauthenticated caller with 401; Salesforce's status is UNCONFIRMED.
	if (secret !== state.app.clientSecret) return oauthError(confirmed.clientCredentialsInvalid, 401);
	const token = form.get('token') ?? '';
	const now = state.now();
	const access = state.tokens.peekAccess(token, now, sessionTimeoutMs(state));
	if (access !== undefined) {
		return json(200, {
			...describeGrant(state, access.grant),
			token_type: 'access_token',
			exp: seconds(access.lastUsedAt + sessionTimeoutMs(state)),
			iat: seconds(access.issuedAt),
			nbf: seconds(access.issuedAt),
		});
	}
	const refresh = state.tokens.peekRefresh(token);
	if (refresh !== undefined) {
		// Refresh tokens live until revoked (the default policy), so there is no exp.
		return json(200, {
			...describeGrant(state, refresh.grant),
			token_type: 'refresh_token',
			iat: seconds(refresh.issuedAt),
			nbf: seconds(refresh.issuedAt),
		});
	}
	return json(200, {active: false});
}

function describeGrant(state: EmulatorState, grant: Grant): Record<string, unknown> {
	return {
		active: true,
		scope: grant.scopes.join(' '),
		client_id: grant.clientId,
		username: grant.org.user.username,
		sub: identityUrl(state, grant.org),
	};
}

function seconds(ms: number): number {
	return Math.floor(ms / 1000);
}
