// The token response shared by every grant (SALESFORCE.md §5). No expires_in: Salesforce never
// sends one; clients learn the lifetime from introspection or from a 401.
import {createHmac} from 'node:crypto';
import {allowsRefresh} from '../app.js';
import type {OrgRecord} from '../orgs.js';
import {json, type Reply} from '../reply.js';
import type {EmulatorState} from '../state.js';
import type {AccessToken, Grant, RefreshToken} from '../tokens.js';
import {identityUrl} from './identity-url.js';

/** Starts a grant for a user's approval and answers with its first token pair. */
export function issueNewGrant(
	state: EmulatorState,
	org: OrgRecord,
	scopes: readonly string[],
): Reply {
	const now = state.now();
	const grant: Grant = state.tokens.grant(state.app.clientId, org, scopes);
	const access = state.tokens.mintAccess(grant, now);
	const refresh = allowsRefresh(scopes) ? state.tokens.mintRefresh(grant, now) : undefined;
	return tokenReply(state, access, refresh);
}

export function tokenReply(
	state: EmulatorState,
	access: AccessToken,
	refresh: RefreshToken | undefined,
): Reply {
	const {org, scopes} = access.grant;
	const id = identityUrl(state, org);
	const issuedAt = String(access.issuedAt);
	// Said to be HMAC-SHA256 of id + issued_at keyed with the consumer secret (UNCONFIRMED input).
	const signature = createHmac('sha256', state.app.clientSecret)
		.update(id + issuedAt)
		.digest('base64');
	return json(200, {
		access_token: access.value,
		...(refresh === undefined ? {} : {refresh_token: refresh.value}),
		signature,
		scope: scopes.join(' '),
		instance_url: org.myDomainUrl,
		id,
		token_type: 'Bearer',
		issued_at: issuedAt,
	});
}
