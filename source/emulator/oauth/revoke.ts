// /services/oauth2/revoke (SALESFORCE.md §4.2): POST form or GET ?token=. An access token is
// revoked alone; a refresh token takes every access token of its grant with it.
import {readForm} from '../forms.js';
import type {Incoming} from '../incoming.js';
import {oauthError, type Reply} from '../reply.js';
import type {EmulatorState} from '../state.js';
import {unconfirmed} from './error-texts.js';

export async function revoke(state: EmulatorState, request: Incoming): Promise<Reply> {
	const token =
		request.method === 'POST'
			? (await readForm(request)).get('token')
			: request.url.searchParams.get('token');
	if (token === null || token === '') return oauthError(unconfirmed.revokeTokenMissing);
	if (!/^00D\w{12}!/.test(token) && !token.startsWith('5Aep')) {
		return oauthError(unconfirmed.revokeTokenUnsupported);
	}
	if (!state.tokens.revoke(token)) return oauthError(unconfirmed.revokeTokenInvalid);
	return {status: 200, headers: {'Content-Type': 'text/plain;charset=UTF-8'}, body: ''};
}
