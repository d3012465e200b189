// "Paste a token": a token from Workbench, sf, Postman or a colleague, with its instance URL. It
// is inspected (stray characters, `Bearer ` prefixes…), checked with userinfo and remembered —
// without a refresh token, so it lives only as long as its session.
import {safeInstanceUrl} from '../core/instance-url.js';
import {parseLoginTarget} from '../core/login-target.js';
import {inspectToken, summarizeInspection, type TokenInspection} from '../core/token.js';
import {completeLogin, type FlowEvents, type LoggedInOrg} from './complete-login.js';
import type {AuthContext} from './context.js';
import {cancelled, problem, type AuthResult} from './problems.js';

export type PasteLoginParams = {
	readonly token: string;
	/** The org's URL: its My Domain, any URL of the org, or an instance URL such as na1. */
	readonly instanceUrl: string;
	/** Where to revoke it at logout; the instance URL when absent. */
	readonly loginUrl?: string;
	readonly alias?: string;
};

export type PastedLogin = LoggedInOrg & {
	/** What was removed from the pasted text before use ("line break at 113"); empty when clean. */
	readonly removed: readonly string[];
	readonly inspection: TokenInspection;
};

/**
 * Where REST calls for a pasted token go. An org URL is turned into its My Domain (a Lightning
 * page URL does not serve the API); login and test are refused (they are not instances); any
 * other https URL is taken as it is.
 */
export function resolveInstanceUrl(
	input: string,
): {ok: true; url: string} | {ok: false; message: string} {
	const target = parseLoginTarget(input, {allowLoopback: true});
	if (target.ok && target.target.source !== 'generic')
		return {ok: true, url: target.target.loginUrl};
	if (target.ok) {
		return {
			ok: false,
			message: `${target.target.loginUrl} is where people log in, not where the org’s data lives. Paste the org’s own URL (its My Domain, https://<name>.my.salesforce.com).`,
		};
	}

	const url = safeInstanceUrl(input.trim());
	return url === undefined ? {ok: false, message: target.message} : {ok: true, url};
}

/** Logs in with a pasted token: inspection, fix of what can be fixed, identity check, save. */
export async function loginWithToken(
	context: AuthContext,
	params: PasteLoginParams,
	events: FlowEvents = {},
): Promise<AuthResult<PastedLogin>> {
	if (events.signal?.aborted) return cancelled();
	const inspection = inspectToken(params.token);
	if (!inspection.clean && !inspection.fixable) {
		return problem('bad-token', {
			title: 'This token cannot be used',
			cause: summarizeInspection(inspection),
			fix: 'Copy the access token again from where it came from (the whole value, nothing around it), or log in with the device code or the browser.',
		});
	}

	const instance = resolveInstanceUrl(params.instanceUrl);
	if (!instance.ok) {
		return problem('bad-input', {
			title: 'Not an instance URL',
			cause: instance.message,
			fix: 'Paste the URL of the org the token belongs to.',
		});
	}

	const token = inspection.fixed;
	const done = await completeLogin(
		context,
		{
			loginUrl: params.loginUrl ?? instance.url,
			method: 'token',
			...(params.alias === undefined ? {} : {alias: params.alias}),
			accessToken: token,
			instanceUrl: instance.url,
			...(inspection.orgId15 === undefined ? {} : {expectedOrgId: inspection.orgId15}),
		},
		events,
	);
	if (!done.ok) {
		const {failure} = done.problem;
		const refused =
			failure !== undefined &&
			'status' in failure &&
			(failure.status === 401 || failure.status === 403);
		if (!refused) return done;
		return problem(
			'bad-token',
			{
				title: 'Salesforce refused this token',
				cause: `${instance.url} does not accept it: the session has ended (expired or logged out), or the token belongs to another org${inspection.orgId15 ? ` (it names org ${inspection.orgId15})` : ''}.`,
				fix: 'Get a fresh token and paste it again, or log in with the device code or the browser, which can refresh it.',
			},
			{failure},
		);
	}

	return {ok: true, value: {...done.value, removed: inspection.removed, inspection}};
}
