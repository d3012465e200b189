// Logging out: revoke the tokens at Salesforce (SALESFORCE.md §4.2), then forget the org and its
// tokens here. Forgetting happens even when Salesforce cannot be reached — the user asked to be
// logged out of this machine — but then they are told the token may still work.
import type {Failure} from '../core/failure.js';
import {printable} from '../core/history-format.js';
import {explainOAuthFailure} from '../core/oauth-errors.js';
import {revokeToken} from '../salesforce/oauth-tokens.js';
import {secretAccount, type SavedOrg} from '../store/orgs.js';
import type {StoredTokens} from '../store/secrets.js';
import {callOptions} from './complete-login.js';
import type {AuthContext} from './context.js';
import {problem, storageProblem, type AuthResult} from './problems.js';

export type LogoutOutcome = {
	readonly org: SavedOrg;
	/** Salesforce confirmed the revocation (or said the tokens were already invalid). */
	readonly revoked: boolean;
	/** Set when the tokens may still be valid on the server. */
	readonly warning?: string;
};

/** Revoking a token Salesforce no longer knows is a success: it cannot be used either way. */
function alreadyInvalid(failure: Failure): boolean {
	return failure.kind === 'oauth' && ['invalid_token', 'invalid_grant'].includes(failure.error);
}

async function revokeAll(
	context: AuthContext,
	org: SavedOrg,
	tokens: StoredTokens,
	signal?: AbortSignal,
): Promise<Failure | undefined> {
	// The refresh token first: revoking it also ends every access token issued from it.
	const order = [tokens.refreshToken, tokens.accessToken].filter(
		(token): token is string => token !== undefined,
	);
	for (const token of order) {
		const revoked = await revokeToken(
			{loginUrl: org.loginUrl, token},
			callOptions(context, signal),
		);
		if (!revoked.ok && !alreadyInvalid(revoked.failure)) return revoked.failure;
	}

	return undefined;
}

/**
 * Logs out of the named org (the default org without a name): revokes its refresh and access
 * tokens, then forgets the org and its tokens.
 */
export async function logout(
	context: AuthContext,
	name?: string,
	options: {readonly signal?: AbortSignal} = {},
): Promise<AuthResult<LogoutOutcome>> {
	const org = context.orgs.get(name);
	if (org === undefined) {
		return problem(name === undefined ? 'no-orgs' : 'unknown-org', {
			title: name === undefined ? 'Not logged in to any org' : `No org named “${printable(name)}”`,
			cause:
				name === undefined
					? 'There is no saved org to log out of.'
					: `“${printable(name)}” is not the alias, username or org id of a saved org.`,
			fix: 'List the saved orgs with sftoken orgs.',
		});
	}

	const account = secretAccount(org);
	let tokens: StoredTokens | undefined;
	try {
		tokens = await context.secrets.read(account);
	} catch (error) {
		return storageProblem(error);
	}

	const failure =
		tokens === undefined ? undefined : await revokeAll(context, org, tokens, options.signal);
	try {
		await context.secrets.remove(account);
		context.orgs.remove(org.alias);
	} catch (error) {
		return storageProblem(error);
	}

	if (tokens === undefined) {
		return {
			ok: true,
			value: {
				org,
				revoked: false,
				warning: 'No token was stored for this org, so none was revoked.',
			},
		};
	}

	if (failure === undefined) return {ok: true, value: {org, revoked: true}};
	const why = explainOAuthFailure(failure);
	return {
		ok: true,
		value: {
			org,
			revoked: false,
			warning: `Forgotten here, but the tokens could not be revoked (${why.title}): they may still be valid on the server until they expire. To end them now, revoke sftoken's access in Salesforce: Settings → Connected Apps (or Setup → Connected Apps OAuth Usage).`,
		},
	};
}
