// POST /services/oauth2/token: one endpoint for every grant (SALESFORCE.md §0), dispatched on
// `response_type=device_code` or `grant_type`; urlencoded and multipart bodies alike.
import {readForm} from '../forms.js';
import type {Incoming} from '../incoming.js';
import {oauthError, type Reply} from '../reply.js';
import type {EmulatorState} from '../state.js';
import {exchangeCode} from './authorization-code.js';
import {checkClient} from './client.js';
import {pollDevice, requestDeviceCode} from './device.js';
import {confirmed, unconfirmed} from './error-texts.js';
import type {GrantContext} from './grant-context.js';
import {refresh} from './refresh.js';

const grants: Readonly<Record<string, (context: GrantContext) => Reply>> = {
	device: pollDevice,
	authorization_code: exchangeCode,
	refresh_token: refresh,
	// The username-password flow is blocked by default in orgs created since Summer '23, and a
	// blocked flow answers exactly like a wrong password (SALESFORCE.md §7.1).
	password: () => oauthError(confirmed.authenticationFailure),
};

export async function tokenEndpoint(state: EmulatorState, request: Incoming): Promise<Reply> {
	if (request.method !== 'POST') return oauthError(unconfirmed.postRequired);
	const form = await readForm(request);
	const grantType = form.get('grant_type') ?? '';
	const handler =
		form.get('response_type') === 'device_code'
			? requestDeviceCode
			: Object.hasOwn(grants, grantType)
				? grants[grantType]
				: undefined;
	if (handler === undefined) return oauthError(confirmed.grantTypeUnsupported);
	const client = checkClient(state, request, form);
	if (!client.ok) return client.reply;
	return handler({
		state,
		request,
		form,
		clientId: client.clientId,
		secretVerified: client.secretVerified,
	});
}
