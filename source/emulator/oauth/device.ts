// Device flow, Salesforce dialect (SALESFORCE.md §1): the code request is `response_type=
// device_code` on the token endpoint, polling is `grant_type=device` with parameter `code`.
import {grantableScopes} from '../app.js';
import {isExpired} from '../devices.js';
import {json, oauthError, type Reply} from '../reply.js';
import {confirmed, unconfirmed} from './error-texts.js';
import {type GrantContext, servesOrg} from './grant-context.js';
import {issueNewGrant} from './token-response.js';

export function requestDeviceCode({state, request, form, clientId}: GrantContext): Reply {
	if (!state.knobs.deviceFlowEnabled) return oauthError(confirmed.deviceFlowDisabled);
	if (!state.knobs.appInstalled) return oauthError(confirmed.appNotInstalled);
	const scopes = grantableScopes(state.app, form.get('scope'));
	if (scopes === undefined) return oauthError(unconfirmed.scopeInvalid);
	const device = state.devices.create({
		clientId,
		scopes,
		onlyOrg: request.site.org,
		createdAt: state.now(),
		intervalSeconds: state.knobs.pollIntervalSeconds,
	});
	// Exactly the four fields seen in every sample: no expires_in, no verification_uri_complete.
	return json(200, {
		device_code: device.deviceCode,
		user_code: device.userCode,
		verification_uri: `${request.site.origin}/setup/connect`,
		interval: device.intervalSeconds,
	});
}

export function pollDevice({state, request, form, clientId}: GrantContext): Reply {
	if (!state.knobs.deviceFlowEnabled) return oauthError(confirmed.deviceFlowDisabled);
	const device = state.devices.byDeviceCode(form.get('code') ?? '');
	if (device === undefined || device.clientId !== clientId) {
		return oauthError(unconfirmed.deviceCodeInvalid);
	}
	const now = state.now();
	if (isExpired(device, now, state.knobs.deviceCodeLifetimeSeconds)) {
		state.devices.remove(device);
		return oauthError(unconfirmed.deviceCodeExpired);
	}
	const tooSoon =
		device.lastPollAt !== undefined && now - device.lastPollAt < device.intervalSeconds * 1000;
	device.lastPollAt = now;
	if (state.knobs.enforceSlowDown && tooSoon) return oauthError(unconfirmed.slowDown);
	const {decision} = device;
	if (decision === undefined) return oauthError(unconfirmed.authorizationPending);
	if (!decision.approved) {
		state.devices.remove(device);
		return oauthError(confirmed.accessDenied);
	}
	if (!servesOrg(request, decision.org)) return oauthError(unconfirmed.deviceCodeInvalid);
	state.devices.remove(device);
	return issueNewGrant(state, decision.org, device.scopes);
}
