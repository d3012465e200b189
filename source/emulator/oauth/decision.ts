// POST of the "Allow access?" page. Web flow: 302 back to the redirect_uri with code+state or
// access_denied. Device flow: record the answer for the polling device and say so.
import {readForm} from '../forms.js';
import {messagePage} from '../html/message-page.js';
import {isExpired} from '../devices.js';
import {describeSite, type Incoming} from '../incoming.js';
import type {Pending} from '../pending.js';
import {html, redirect, type Reply, withQuery} from '../reply.js';
import {type EmulatorState, sessionTimeoutMs} from '../state.js';
import type {BrowserSession} from '../browser-sessions.js';
import {confirmed, unconfirmed} from './error-texts.js';

export async function decide(state: EmulatorState, request: Incoming): Promise<Reply> {
	const form = await readForm(request);
	const now = state.now();
	const banner = describeSite(request.site);
	const pending = state.pending.find(form.get('request'), now);
	const session = state.browser.fromCookie(
		request.headers.cookie,
		request.site.port,
		now,
		sessionTimeoutMs(state),
	);
	if (pending === undefined || session === undefined || pending.sessionId !== session.id) {
		return html(
			400,
			messagePage({banner, title: 'Error', message: unconfirmed.approvalExpired.description}),
		);
	}
	state.pending.finish(pending);
	const allowed = form.get('decision') === 'allow';
	return pending.kind === 'web'
		? answerWebApproval(state, pending, session, allowed)
		: answerDeviceApproval(state, pending, session, allowed, banner);
}

function answerWebApproval(
	state: EmulatorState,
	pending: Pending & {kind: 'web'},
	session: BrowserSession,
	allowed: boolean,
): Reply {
	if (!allowed) {
		const denied = confirmed.accessDenied;
		return redirect(
			withQuery(pending.redirectUri, {
				error: denied.error,
				error_description: denied.description,
				state: pending.state,
			}),
		);
	}
	const code = state.codes.issue({
		clientId: pending.clientId,
		redirectUri: pending.redirectUri,
		scopes: pending.scopes,
		codeChallenge: pending.codeChallenge,
		challengeMethod: pending.challengeMethod,
		org: session.org,
		issuedAt: state.now(),
	});
	return redirect(withQuery(pending.redirectUri, {code: code.value, state: pending.state}));
}

function answerDeviceApproval(
	state: EmulatorState,
	pending: Pending & {kind: 'device'},
	session: BrowserSession,
	allowed: boolean,
	banner: string,
): Reply {
	const {device} = pending;
	const live =
		state.devices.byDeviceCode(device.deviceCode) === device &&
		!isExpired(device, state.now(), state.knobs.deviceCodeLifetimeSeconds);
	if (!live) {
		return html(
			400,
			messagePage({banner, title: 'Error', message: unconfirmed.userCodeInvalid.description}),
		);
	}
	device.decision = allowed ? {approved: true, org: session.org} : {approved: false};
	return html(
		200,
		allowed
			? messagePage({
					banner,
					title: 'Connected',
					message: 'Your device is connected. You can close this window and return to your device.',
				})
			: messagePage({
					banner,
					title: 'Access Denied',
					message: 'You denied access. Your device will not be connected.',
				}),
	);
}
