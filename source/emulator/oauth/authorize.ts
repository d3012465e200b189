// GET /services/oauth2/authorize (SALESFORCE.md §3.1–3.2): validate the client and the
// redirect_uri first — failures there never redirect to the client — then log in and approve.
import {grantableScopes} from '../app.js';
import type {Incoming} from '../incoming.js';
import {redirect, type Reply, withQuery} from '../reply.js';
import type {EmulatorState} from '../state.js';
import {errorPageRedirect, loginOrAllow} from './approval.js';
import {confirmed, type OAuthErrorText, unconfirmed} from './error-texts.js';

export function authorize(state: EmulatorState, request: Incoming): Reply {
	const params = request.url.searchParams;
	const {site} = request;
	if (params.get('client_id') !== state.app.clientId) {
		return errorPageRedirect(site, confirmed.clientIdInvalid);
	}
	const redirectUri = params.get('redirect_uri') ?? '';
	if (!state.app.callbacks.includes(redirectUri)) {
		return errorPageRedirect(site, confirmed.redirectUriMismatch);
	}
	const clientState = params.get('state') ?? undefined;
	const back = (text: OAuthErrorText): Reply =>
		redirect(
			withQuery(redirectUri, {
				error: text.error,
				error_description: text.description,
				state: clientState,
			}),
		);
	if (params.get('response_type') !== 'code') return back(unconfirmed.responseTypeUnsupported);
	const scopes = grantableScopes(state.app, params.get('scope'));
	if (scopes === undefined) return back(unconfirmed.scopeInvalid);
	const challengeMethod = params.get('code_challenge_method') ?? 'S256';
	if (challengeMethod !== 'S256' && challengeMethod !== 'plain') {
		return back(unconfirmed.challengeMethodUnsupported);
	}
	const pending = state.pending.add({
		kind: 'web',
		clientId: state.app.clientId,
		redirectUri,
		state: clientState,
		scopes,
		codeChallenge: params.get('code_challenge') || undefined,
		challengeMethod,
		onlyOrg: site.org,
		createdAt: state.now(),
	});
	const prompt = (params.get('prompt') ?? '').split(/\s+/);
	return loginOrAllow(state, request, pending, {
		forceLogin: prompt.includes('login'),
		loginHint: params.get('login_hint') ?? undefined,
	});
}
