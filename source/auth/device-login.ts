// Device login (SALESFORCE.md §1): ask for a code, show it, poll until the user approves it on
// another device, then remember the org. Used by `sftoken login --device` and the device screen.
import {DEFAULT_SCOPE} from '../core/authorize-url.js';
import {
	pollUntilDone,
	requestDeviceCode,
	type DeviceCode,
	type PollUntilDoneParams,
} from '../salesforce/oauth-device.js';
import {
	callOptions,
	completeLogin,
	oauthLoginInput,
	type FlowEvents,
	type LoggedInOrg,
} from './complete-login.js';
import type {AuthContext} from './context.js';
import {cancelled, failed, type AuthResult} from './problems.js';

export type DeviceLoginParams = {
	readonly loginUrl: string;
	readonly clientId: string;
	/** Space-separated scopes; default `api refresh_token`. */
	readonly scope?: string;
	/** Alias to save the org under; derived from the username when absent. */
	readonly alias?: string;
};

/** The code to show, with the moment it expires in `context.now()` milliseconds. */
export type ShownDeviceCode = DeviceCode & {readonly expiresAt: number};

export type DeviceLoginEvents = FlowEvents & {
	/** The code arrived: show it, the URL and the QR code. Polling starts once this returns. */
	onCode?(code: ShownDeviceCode): void | Promise<void>;
	/** Waits between polls; injected by tests so they need not wait the interval. */
	readonly sleep?: PollUntilDoneParams['sleep'];
};

/**
 * Runs a device login to the end. Polls every `interval` seconds (plus 5 for each `slow_down`),
 * and stops the moment the signal aborts, the code expires or an error other than
 * `authorization_pending` arrives. Resolves with the saved org, or a problem to show.
 */
export async function startDeviceLogin(
	context: AuthContext,
	params: DeviceLoginParams,
	events: DeviceLoginEvents = {},
): Promise<AuthResult<LoggedInOrg>> {
	const {signal} = events;
	if (signal?.aborted) return cancelled();
	events.onStatus?.({step: 'requesting-code'});
	const code = await requestDeviceCode(
		{loginUrl: params.loginUrl, clientId: params.clientId, scope: params.scope ?? DEFAULT_SCOPE},
		callOptions(context, signal),
	);
	if (!code.ok) return failed(code.failure);
	const expiresAt = context.now() + code.value.expiresInSeconds * 1000;
	await events.onCode?.({...code.value, expiresAt});
	events.onStatus?.({
		step: 'waiting-for-approval',
		attempt: 0,
		outcome: 'waiting',
		nextPollSeconds: code.value.interval,
	});

	const token = await pollUntilDone({
		loginUrl: params.loginUrl,
		clientId: params.clientId,
		deviceCode: code.value.deviceCode,
		interval: code.value.interval,
		expiresAt,
		now: context.now,
		...(events.sleep === undefined ? {} : {sleep: events.sleep}),
		...(signal === undefined ? {} : {signal}),
		...(context.http === undefined ? {} : {client: context.http}),
		onAttempt(attempt) {
			events.onStatus?.({
				step: 'waiting-for-approval',
				attempt: attempt.attempt,
				outcome: attempt.outcome,
				nextPollSeconds: attempt.intervalSeconds,
			});
		},
	});
	if (!token.ok) return failed(token.failure);
	return completeLogin(context, oauthLoginInput(params, 'device', token.value), events);
}
