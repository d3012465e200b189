// A saved org plus its access token, kept alive: a call that meets an ended session
// (401 INVALID_SESSION_ID, 403 Bad_OAuth_Token) refreshes once with the refresh token and runs
// again; when that fails the user is told to log in again, with the exact command.
import {printable} from '../core/history-format.js';
import {explainOAuthFailure} from '../core/oauth-errors.js';
import {refreshAccessToken} from '../salesforce/oauth-tokens.js';
import {sendRestRequest} from '../salesforce/rest.js';
import {secretAccount, type SavedOrg} from '../store/orgs.js';
import {callOptions} from './complete-login.js';
import type {AuthContext} from './context.js';
import {
	failed,
	loginAgain,
	loginAgainCommand,
	problem,
	storageProblem,
	type AuthResult,
} from './problems.js';

export type Session = {readonly org: SavedOrg; readonly accessToken: string};

export type Fresh<T> = {
	/** What the last run of the call returned. */
	readonly value: T;
	/** The session the call last ran with (a new token after a refresh). */
	readonly session: Session;
	readonly refreshed: boolean;
};

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}

/**
 * Whether a call's result says the session has ended: a Failure or an HTTP response with status
 * 401, a REST error `INVALID_SESSION_ID`, or the identity endpoints' 403 `Bad_OAuth_Token`.
 * Accepts any `Result` of the salesforce/ functions, including `sendRestRequest`'s responses.
 */
export function isInvalidSession(result: unknown): boolean {
	if (!isRecord(result)) return false;
	const found = result['ok'] === false ? result['failure'] : result['value'];
	if (!isRecord(found)) return false;
	const {status} = found;
	if (status === 401) return true;
	const errors = found['errors'];
	if (
		Array.isArray(errors) &&
		errors.some((error) => isRecord(error) && error['errorCode'] === 'INVALID_SESSION_ID')
	) {
		return true;
	}

	const text = found['body'] ?? found['bodyPreview'];
	return status === 403 && typeof text === 'string' && text.trim() === 'Bad_OAuth_Token';
}

/**
 * The saved org (by alias, username or org id; the default org without a name) and its stored
 * access token. Marks the org as used, which makes it the default.
 */
export async function getSession(
	context: AuthContext,
	name?: string,
): Promise<AuthResult<Session>> {
	const org = context.orgs.get(name);
	if (org === undefined) {
		if (name === undefined || context.orgs.list().length === 0) {
			return problem('no-orgs', {
				title: 'Not logged in to any org',
				cause:
					name === undefined
						? 'sftoken has no saved org yet.'
						: `No org is saved, so there is none named “${printable(name)}”.`,
				fix: 'Log in first: sftoken login --device --domain <your org URL> --client-id <consumer key>, or run sftoken.',
			});
		}

		return problem('unknown-org', {
			title: `No org named “${printable(name)}”`,
			cause: `“${printable(name)}” is not the alias, username or org id of a saved org.`,
			fix: 'List the saved orgs with sftoken orgs, then pass one of their aliases to --org.',
		});
	}

	let tokens;
	try {
		tokens = await context.secrets.read(secretAccount(org));
	} catch (error) {
		return storageProblem(error);
	}

	if (tokens === undefined) {
		return problem('no-tokens', {
			title: `No token stored for ${org.alias}`,
			cause: `The org is saved, but its tokens are not in ${context.secrets.location}.`,
			fix: `Log in again: ${loginAgainCommand(org)}.`,
		});
	}

	try {
		const used = context.orgs.update(org.alias, {lastUsedAt: context.now()});
		return {ok: true, value: {org: used ?? org, accessToken: tokens.accessToken}};
	} catch {
		// Not being able to mark the org as used must not stop its use.
		return {ok: true, value: {org, accessToken: tokens.accessToken}};
	}
}

// One refresh at a time per org and context: with refresh token rotation, a second refresh with
// the token the first one just replaced would make Salesforce revoke them all.
const refreshing = new WeakMap<AuthContext, Map<string, Promise<AuthResult<Session>>>>();

/**
 * Gets a new access token with the stored refresh token and stores it (and the new refresh token
 * when the app rotates them). When the stored access token is already newer than the session's
 * (another command refreshed it), that one is used without asking Salesforce.
 */
export async function refreshSession(
	context: AuthContext,
	session: Session,
	options: {readonly signal?: AbortSignal} = {},
): Promise<AuthResult<Session>> {
	const account = secretAccount(session.org);
	let running = refreshing.get(context);
	if (running === undefined) {
		running = new Map();
		refreshing.set(context, running);
	}

	const pending = running.get(account);
	if (pending) return pending;
	const started = refreshOnce(context, session, options.signal).finally(() => {
		running.delete(account);
	});
	running.set(account, started);
	return started;
}

async function refreshOnce(
	context: AuthContext,
	session: Session,
	signal?: AbortSignal,
): Promise<AuthResult<Session>> {
	const {org} = session;
	const account = secretAccount(org);
	let stored;
	try {
		stored = await context.secrets.read(account);
	} catch (error) {
		return storageProblem(error);
	}

	if (stored !== undefined && stored.accessToken !== session.accessToken) {
		return {ok: true, value: {org, accessToken: stored.accessToken}};
	}

	if (stored?.refreshToken === undefined || org.clientId === undefined) {
		return loginAgain(
			org,
			org.loginMethod === 'token'
				? 'The pasted token’s session has ended (expired or logged out), and a pasted token cannot be renewed.'
				: 'The session has ended and there is no refresh token to renew it (the app did not grant the refresh_token scope).',
		);
	}

	const renewed = await refreshAccessToken(
		{loginUrl: org.loginUrl, clientId: org.clientId, refreshToken: stored.refreshToken},
		callOptions(context, signal),
	);
	if (!renewed.ok) {
		const {failure} = renewed;
		// Salesforce answered and said no (expired, revoked, app blocked): only a login helps. The
		// network failing says nothing about the refresh token, so that is reported as it is.
		if (failure.kind !== 'oauth') return failed(failure);
		return loginAgain(
			org,
			`The session has ended and Salesforce refused to renew it: ${explainOAuthFailure(failure).cause}`,
			failure,
		);
	}

	const tokens = renewed.value;
	try {
		await context.secrets.write(account, {
			accessToken: tokens.accessToken,
			refreshToken: tokens.refreshToken ?? stored.refreshToken,
		});
	} catch (error) {
		return storageProblem(error);
	}

	let updated = org;
	if (tokens.instanceUrl !== org.instanceUrl) {
		try {
			updated = context.orgs.update(org.alias, {instanceUrl: tokens.instanceUrl}) ?? org;
		} catch {
			updated = {...org, instanceUrl: tokens.instanceUrl};
		}
	}

	return {ok: true, value: {org: updated, accessToken: tokens.accessToken}};
}

export type FreshOptions<T> = {
	readonly signal?: AbortSignal;
	/** Whether the call's value means the session has ended; {@link isInvalidSession} by default. */
	readonly isExpired?: (value: T) => boolean;
};

/**
 * Runs `call` with the session's token. When its value says the session has ended, refreshes once
 * and runs it again with the new token; a refresh that fails is the problem returned (`login-again`
 * when Salesforce refused it). Never refreshes more than once per call.
 */
export async function withFreshToken<T>(
	context: AuthContext,
	session: Session,
	call: (session: Session) => Promise<T>,
	options: FreshOptions<T> = {},
): Promise<AuthResult<Fresh<T>>> {
	const expired = options.isExpired ?? isInvalidSession;
	const first = await call(session);
	if (!expired(first)) return {ok: true, value: {value: first, session, refreshed: false}};
	const renewed = await refreshSession(context, session, options);
	if (!renewed.ok) return renewed;
	const second = await call(renewed.value);
	return {ok: true, value: {value: second, session: renewed.value, refreshed: true}};
}

/**
 * A session whose token works right now, for `sftoken token`: asks userinfo (no API limit cost)
 * and refreshes when the session has ended.
 */
export async function ensureValidToken(
	context: AuthContext,
	session: Session,
	options: {readonly signal?: AbortSignal} = {},
): Promise<AuthResult<Session & {readonly refreshed: boolean}>> {
	const checked = await withFreshToken(
		context,
		session,
		async (current) =>
			sendRestRequest({
				instanceUrl: current.org.instanceUrl,
				accessToken: current.accessToken,
				method: 'GET',
				path: '/services/oauth2/userinfo',
				step: 'request',
				...(options.signal === undefined ? {} : {signal: options.signal}),
				...(context.http === undefined ? {} : {client: context.http}),
			}),
		options,
	);
	if (!checked.ok) return checked;
	const {value, session: current, refreshed} = checked.value;
	if (!value.ok) return failed(value.failure);
	if (isInvalidSession(value)) {
		return loginAgain(current.org, 'Salesforce refuses the session even after renewing it.');
	}

	if (value.value.status < 200 || value.value.status >= 300) {
		return failed({
			kind: 'http',
			step: 'userinfo',
			status: value.value.status,
			bodyPreview: value.value.body.slice(0, 200),
		});
	}

	return {ok: true, value: {...current, refreshed}};
}
