// GET / and POST /: the login page. Posted credentials pick the org: on the login service any
// org's user may log in; on a My Domain only that org's users.
import {sessionCookie} from '../browser-sessions.js';
import {readForm} from '../forms.js';
import {loginPage} from '../html/login-page.js';
import {messagePage} from '../html/message-page.js';
import {describeSite, type Incoming} from '../incoming.js';
import type {OrgRecord} from '../orgs.js';
import {html, type Reply} from '../reply.js';
import type {EmulatorState} from '../state.js';
import {allowOrRefuse} from './approval.js';
import {unconfirmed} from './error-texts.js';

export function showLogin(request: Incoming): Reply {
	return html(200, loginPage({banner: describeSite(request.site)}));
}

export async function login(state: EmulatorState, request: Incoming): Promise<Reply> {
	const form = await readForm(request);
	const banner = describeSite(request.site);
	const requestId = form.get('request');
	const pending = requestId === null ? undefined : state.pending.find(requestId, state.now());
	if (requestId !== null && pending === undefined) {
		return html(
			400,
			messagePage({banner, title: 'Error', message: unconfirmed.approvalExpired.description}),
		);
	}
	const username = form.get('username') ?? '';
	const org = findUser(state, {
		username,
		password: form.get('pw') ?? '',
		onlyOrg: pending === undefined ? request.site.org : pending.onlyOrg,
	});
	if (org === undefined) {
		return html(
			200,
			loginPage({
				banner,
				request: pending?.id,
				username,
				error: unconfirmed.loginFailed.description,
			}),
		);
	}
	const session = state.browser.create(request.site.port, org, state.now());
	if (pending === undefined) {
		return html(
			200,
			messagePage({
				banner,
				title: 'Logged In',
				message: `You are logged in to ${org.name} as ${org.user.username}.`,
			}),
			{'Set-Cookie': sessionCookie(session)},
		);
	}
	return allowOrRefuse(state, request.site, pending, session, true);
}

function findUser(
	state: EmulatorState,
	credentials: {
		readonly username: string;
		readonly password: string;
		readonly onlyOrg: OrgRecord | undefined;
	},
): OrgRecord | undefined {
	// Salesforce usernames are case-insensitive; passwords are not.
	const username = credentials.username.trim().toLowerCase();
	return state.orgs.find(
		(org) =>
			(credentials.onlyOrg === undefined || credentials.onlyOrg === org) &&
			org.user.username === username &&
			org.user.password === credentials.password,
	);
}
