// `grant_type=refresh_token` (SALESFORCE.md §4.1): a new access token, and a new refresh token
// only when Refresh Token Rotation is on; presenting a rotated token revokes the whole grant.
import {oauthError, type Reply} from '../reply.js';
import {confirmed} from './error-texts.js';
import {type GrantContext, servesOrg} from './grant-context.js';
import {tokenReply} from './token-response.js';

export function refresh({state, request, form, clientId}: GrantContext): Reply {
	const old = state.tokens.useRefresh(form.get('refresh_token') ?? '');
	if (old === undefined || old.grant.clientId !== clientId || !servesOrg(request, old.grant.org)) {
		return oauthError(confirmed.refreshTokenInvalid);
	}
	const now = state.now();
	const access = state.tokens.mintAccess(old.grant, now);
	if (!state.knobs.refreshTokenRotation) return tokenReply(state, access, undefined);
	old.rotated = true;
	return tokenReply(state, access, state.tokens.mintRefresh(old.grant, now));
}
