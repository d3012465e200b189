// Client authentication on the token endpoint: client_id is always required; a secret (form or
// HTTP Basic) is optional for the default public app, but a wrong one is an error.
import {basicCredentials} from '../forms.js';
import type {Incoming} from '../incoming.js';
import {oauthError, type Reply} from '../reply.js';
import type {EmulatorState} from '../state.js';
import {confirmed} from './error-texts.js';

export type ClientCheck =
	| {readonly ok: true; readonly clientId: string; readonly secretVerified: boolean}
	| {readonly ok: false; readonly reply: Reply};

export function checkClient(
	state: EmulatorState,
	request: Incoming,
	form: URLSearchParams,
): ClientCheck {
	const basic = basicCredentials(request);
	const clientId = form.get('client_id') ?? basic?.clientId;
	if (clientId !== state.app.clientId) {
		return {ok: false, reply: oauthError(confirmed.clientIdInvalid)};
	}
	const secret = form.get('client_secret') ?? basic?.clientSecret ?? '';
	if (secret !== '' && secret !== state.app.clientSecret) {
		return {ok: false, reply: oauthError(confirmed.clientCredentialsInvalid)};
	}
	return {ok: true, clientId, secretVerified: secret !== ''};
}
