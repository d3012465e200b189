// The browser part shared by the web server flow and the device flow: log in (or reuse the
// browser session), then "Allow access?".
import type {BrowserSession} from '../browser-sessions.js';
import {sessionCookie} from '../browser-sessions.js';
import {allowPage} from '../html/allow-page.js';
import {loginPage} from '../html/login-page.js';
import {describeSite, type Incoming, type Site} from '../incoming.js';
import type {OrgRecord} from '../orgs.js';
import type {Pending} from '../pending.js';
import {html, redirect, type Reply, withQuery} from '../reply.js';
import {type EmulatorState, sessionTimeoutMs} from '../state.js';
import {confirmed, type OAuthErrorText} from './error-texts.js';

export const errorPagePath = '/setup/secur/RemoteAccessErrorPage.apexp';

/**
 * Failures that must not go back to the client's redirect_uri (unknown client, unregistered
 * redirect_uri, app not installed) land on Salesforce's error page, as in SALESFORCE.md §2.
 */
export function errorPageRedirect(
	site: Site,
	text: OAuthErrorText,
	headers: Readonly<Record<string, string>> = {},
): Reply {
	const location = withQuery(`${site.origin}${errorPagePath}`, {
		error: text.error,
		error_description: text.description,
	});
	return redirect(location, headers);
}

/** Shows the login page, or — with a live browser session and no forced login — the Allow page. */
export function loginOrAllow(
	state: EmulatorState,
	request: Incoming,
	pending: Pending,
	options: {readonly forceLogin: boolean; readonly loginHint?: string},
): Reply {
	const session = options.forceLogin
		? undefined
		: state.browser.fromCookie(
				request.headers.cookie,
				request.site.port,
				state.now(),
				sessionTimeoutMs(state),
			);
	if (session !== undefined && mayApprove(pending, session.org)) {
		return allowOrRefuse(state, request.site, pending, session);
	}
	return html(
		200,
		loginPage({
			banner: describeSite(request.site),
			request: pending.id,
			username: options.loginHint,
		}),
	);
}

export function mayApprove(pending: Pending, org: OrgRecord): boolean {
	return pending.onlyOrg === undefined || pending.onlyOrg === org;
}

/** The Allow page for a logged-in user, bound to their browser session. */
export function allowOrRefuse(
	state: EmulatorState,
	site: Site,
	pending: Pending,
	session: BrowserSession,
	setCookie = false,
): Reply {
	const cookie: Record<string, string> = setCookie ? {'Set-Cookie': sessionCookie(session)} : {};
	if (!state.knobs.appInstalled) {
		state.pending.finish(pending);
		return errorPageRedirect(site, confirmed.appNotInstalled, cookie);
	}
	pending.sessionId = session.id;
	const scopes = pending.kind === 'web' ? pending.scopes : pending.device.scopes;
	return html(
		200,
		allowPage({
			banner: describeSite(site),
			request: pending.id,
			appName: state.app.name,
			orgName: session.org.name,
			username: session.org.user.username,
			scopes,
		}),
		cookie,
	);
}
