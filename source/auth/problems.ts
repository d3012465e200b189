// What the login flows and the session report when they cannot go on: an explanation the user can
// act on (title, cause, fix) plus a code for the caller to branch on. The network Failure, when
// there is one, rides along for screens that diagnose further.
import type {Failure} from '../core/failure.js';
import {explainOAuthFailure, type Explanation, type RedirectProblem} from '../core/oauth-errors.js';
import type {SavedOrg} from '../store/orgs.js';

export type AuthProblemCode =
	/** No org has been saved yet. */
	| 'no-orgs'
	/** `--org` names no saved org. */
	| 'unknown-org'
	/** The org is saved but its tokens are not in the secret store. */
	| 'no-tokens'
	/** The session expired and could not be refreshed: only a new login helps. */
	| 'login-again'
	/** A network or OAuth failure; `failure` says which. */
	| 'failure'
	/** The browser came back without a usable code (wrong state, denied, no code, timeout). */
	| 'redirect'
	/** The token works, but for another org than the one it was issued for or named. */
	| 'identity-mismatch'
	/** A pasted token cannot be used as it is. */
	| 'bad-token'
	/** An input the flow was given is not usable (instance URL, alias, client id). */
	| 'bad-input'
	/** The config file or the token storage failed. */
	| 'storage'
	/** The user cancelled. */
	| 'cancelled';

export type AuthProblem = Explanation & {
	readonly code: AuthProblemCode;
	readonly failure?: Failure;
	readonly redirect?: RedirectProblem;
};

export type AuthResult<T> = {ok: true; value: T} | {ok: false; problem: AuthProblem};

export function problem(
	code: AuthProblemCode,
	explanation: Explanation,
	extra: {failure?: Failure; redirect?: RedirectProblem} = {},
): {ok: false; problem: AuthProblem} {
	return {ok: false, problem: {...explanation, code, ...extra}};
}

/** A network or OAuth failure, explained; an aborted call is a cancellation. */
export function failed(failure: Failure): {ok: false; problem: AuthProblem} {
	if (failure.kind === 'network' && failure.code === 'aborted') return cancelled();
	return problem('failure', explainOAuthFailure(failure), {failure});
}

export function cancelled(what = 'The login'): {ok: false; problem: AuthProblem} {
	return problem('cancelled', {
		title: 'Cancelled',
		cause: `${what} was cancelled.`,
		fix: 'Start again when you are ready.',
	});
}

/** An error thrown by the config store or the secret store, which carry a `fix`. */
export function storageProblem(error: unknown): {ok: false; problem: AuthProblem} {
	const message = error instanceof Error ? error.message : String(error);
	const fix =
		typeof error === 'object' && error !== null && 'fix' in error && typeof error.fix === 'string'
			? error.fix
			: 'Check that the config directory is yours and writable, then try again.';
	// The message names the file and what went wrong: the one line a terminal shows needs both.
	return problem('storage', {
		title: message.replace(/\.$/u, ''),
		cause: 'sftoken keeps its orgs and tokens on this machine and could not use them.',
		fix,
	});
}

/** The command that logs into this org again the way it was logged into before. */
export function loginAgainCommand(org: SavedOrg): string {
	if (org.loginMethod === 'token') return 'paste a new token on the login screen';
	const clientId = org.clientId === undefined ? '' : ` --client-id ${org.clientId}`;
	return `sftoken login --${org.loginMethod} --domain ${org.loginUrl}${clientId} --alias ${org.alias}`;
}

/** The org's login ended (expired or revoked) and refreshing did not bring it back. */
export function loginAgain(
	org: SavedOrg,
	cause: string,
	failure?: Failure,
): {ok: false; problem: AuthProblem} {
	return problem(
		'login-again',
		{
			title: `Log in to ${org.alias} again`,
			cause,
			fix: `Log in again: ${loginAgainCommand(org)} (or choose the org on the login screen).`,
		},
		failure === undefined ? {} : {failure},
	);
}

/** One line for a terminal: the title and the fix. */
export function problemLine(issue: AuthProblem): string {
	return `${issue.title}. ${issue.fix}`;
}

/** The problem as a JSON-ready object (no Failure internals: they are for screens, not scripts). */
export function problemJson(issue: AuthProblem): Record<string, string> {
	return {
		code: issue.code,
		title: issue.title,
		cause: issue.cause,
		fix: issue.fix,
		...(issue.setupPath === undefined ? {} : {setupPath: issue.setupPath}),
	};
}
