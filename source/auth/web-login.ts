// Browser login (SALESFORCE.md §3): authorization code with PKCE and `state`, `prompt=login` so an
// open browser session cannot pick the org, the code received by a loopback listener — or, over
// SSH, pasted back by the user from the address bar of their own browser (§3.5).
import {buildAuthorizeUrl, createState, DEFAULT_SCOPE, STATE_BYTES} from '../core/authorize-url.js';
import type {RedirectResult} from '../core/authorize-url.js';
import {parseRedirectUrl} from '../core/authorize-url.js';
import {explainRedirectFailure, type RedirectProblem} from '../core/oauth-errors.js';
import {createPkcePair, PKCE_VERIFIER_BYTES} from '../core/pkce.js';
import {
	DEFAULT_LOOPBACK_PORT,
	DEFAULT_LOOPBACK_TIMEOUT_MS,
	DEFAULT_REDIRECT_PATH,
	startLoopbackListener,
	type ListenerOutcome,
	type LoopbackListener,
} from '../salesforce/loopback-listener.js';
import {exchangeAuthorizationCode} from '../salesforce/oauth-web.js';
import {openInBrowser, type Opener} from './browser.js';
import {
	callOptions,
	completeLogin,
	oauthLoginInput,
	type FlowEvents,
	type LoggedInOrg,
} from './complete-login.js';
import type {AuthContext} from './context.js';
import {cancelled, failed, problem, type AuthProblem, type AuthResult} from './problems.js';

export type WebLoginParams = {
	readonly loginUrl: string;
	readonly clientId: string;
	/** Space-separated scopes; default `api refresh_token`. */
	readonly scope?: string;
	readonly alias?: string;
	/** Loopback port to listen on; default the redirect URI's port, else 1717. */
	readonly port?: number;
	/**
	 * The callback URL registered on the app, where Salesforce sends the browser; default
	 * `http://localhost:<port>/OauthRedirect`. It may name another port than the one listened on:
	 * behind `ssh -L 8080:localhost:1717` the browser's 8080 is this machine's 1717.
	 */
	readonly redirectUri?: string;
	/** How long to wait for the browser; default 5 minutes. */
	readonly timeoutMs?: number;
	/**
	 * The user may paste the address the browser ended on (over SSH, `--no-browser`). A busy port
	 * is then not fatal: the redirect URI is the same string, nothing needs to listen on it.
	 */
	readonly allowPaste?: boolean;
	/** Open the authorize URL in the default browser (refused over SSH). */
	readonly openBrowser?: boolean;
};

export type WebLoginEvents = FlowEvents & {
	/** For the SSH check; process.env by default. */
	readonly env?: Readonly<Record<string, string | undefined>>;
	/** Opens the browser; the `open` package by default. */
	readonly opener?: Opener;
};

export type PasteVerdict =
	| {readonly accepted: true}
	/** `final`: the login is over (Salesforce reported an error); otherwise it keeps waiting. */
	| {readonly accepted: false; readonly problem: AuthProblem; readonly final: boolean};

export type WebLogin = {
	/** Open this in a browser (show it; it holds no secret). */
	readonly authorizeUrl: string;
	readonly redirectUri: string;
	/** Why the listener is not running (port busy…) when pasting is allowed; else undefined. */
	readonly listenerProblem?: AuthProblem;
	/** The port the listener runs on, when it runs. */
	readonly listenPort?: number;
	readonly browser: {readonly opened: true} | {readonly opened: false; readonly reason?: string};
	/** Offers the address the browser was sent to. A refused paste leaves the login waiting. */
	submitRedirect(pasted: string): PasteVerdict;
	/** The login's end: the saved org, or the problem. */
	readonly result: Promise<AuthResult<LoggedInOrg>>;
	/** Stops waiting; `result` resolves with `reason` (cancelled by default). Safe after the end. */
	cancel(reason?: AuthProblem): void;
};

type CodeOutcome = {ok: true; code: string} | {ok: false; problem: AuthProblem};

function redirectProblem(redirect: RedirectProblem): {ok: false; problem: AuthProblem} {
	if (redirect.reason === 'aborted') return cancelled('The browser login');
	return problem('redirect', explainRedirectFailure(redirect), {redirect});
}

function fromRedirect(result: RedirectResult | ListenerOutcome): CodeOutcome {
	return result.ok ? {ok: true, code: result.code} : redirectProblem(result);
}

/** The redirect URI and where to listen for it. */
function callbackOf(
	params: WebLoginParams,
): AuthResult<{redirectUri: string; port: number; path: string}> {
	if (params.redirectUri === undefined) {
		const port = params.port ?? DEFAULT_LOOPBACK_PORT;
		return {
			ok: true,
			value: {
				redirectUri: `http://localhost:${port}${DEFAULT_REDIRECT_PATH}`,
				port,
				path: DEFAULT_REDIRECT_PATH,
			},
		};
	}

	const url = URL.canParse(params.redirectUri) ? new URL(params.redirectUri) : undefined;
	if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
		return problem('bad-input', {
			title: 'Not a callback URL',
			cause: `${params.redirectUri} is not an http(s) address.`,
			fix: 'Give the callback URL exactly as registered on the app, such as http://localhost:1717/OauthRedirect.',
		});
	}

	const named = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
	return {
		ok: true,
		value: {redirectUri: params.redirectUri, port: params.port ?? named, path: url.pathname},
	};
}

/**
 * Starts a browser login: listener, authorize URL, browser when asked. Resolves once the login is
 * waiting for the browser (or failed to start: a busy port when pasting is not allowed); the
 * handle's `result` resolves when it ends.
 */
export async function startWebLogin(
	context: AuthContext,
	params: WebLoginParams,
	events: WebLoginEvents = {},
): Promise<AuthResult<WebLogin>> {
	const {signal} = events;
	if (signal?.aborted) return cancelled('The browser login');
	const callback = callbackOf(params);
	if (!callback.ok) return callback;
	const {port, path} = callback.value;
	const timeoutMs = params.timeoutMs ?? DEFAULT_LOOPBACK_TIMEOUT_MS;
	const state = createState(context.randomBytes(STATE_BYTES));
	const pkce = createPkcePair(context.randomBytes(PKCE_VERIFIER_BYTES));
	const started = await startLoopbackListener({port, path, expectedState: state, timeoutMs});
	if (!started.ok && !params.allowPaste) return failed(started.failure);
	const listener: LoopbackListener | undefined = started.ok ? started.value : undefined;
	// Port 0 (a free port) is only known once listening.
	const redirectUri =
		params.redirectUri === undefined && listener
			? listener.redirectUri
			: callback.value.redirectUri;
	const authorizeUrl = buildAuthorizeUrl({
		loginUrl: params.loginUrl,
		clientId: params.clientId,
		redirectUri,
		codeChallenge: pkce.challenge,
		state,
		scope: params.scope ?? DEFAULT_SCOPE,
		prompt: 'login',
	});

	let settle: (outcome: CodeOutcome) => void = () => undefined;
	let settled = false;
	const codeOutcome = new Promise<CodeOutcome>((resolve) => {
		settle = (outcome) => {
			if (settled) return;
			settled = true;
			resolve(outcome);
		};
	});
	// The listener has its own timeout; this one covers a login that has only the paste.
	const timer = setTimeout(() => {
		settle(
			redirectProblem({
				reason: 'timeout',
				message: `No login arrived from the browser within ${Math.round(timeoutMs / 1000)} s.`,
			}),
		);
	}, timeoutMs);
	timer.unref();
	const onAbort = () => {
		settle(cancelled('The browser login'));
	};

	signal?.addEventListener('abort', onAbort, {once: true});
	if (listener) {
		void listener.waitForCode(signal).then((outcome) => {
			settle(fromRedirect(outcome));
		});
	}

	events.onStatus?.({step: 'waiting-for-browser'});
	const result = codeOutcome.then(async (outcome): Promise<AuthResult<LoggedInOrg>> => {
		clearTimeout(timer);
		signal?.removeEventListener('abort', onAbort);
		await listener?.close();
		if (!outcome.ok) return outcome;
		events.onStatus?.({step: 'exchanging-code'});
		const token = await exchangeAuthorizationCode(
			{
				loginUrl: params.loginUrl,
				clientId: params.clientId,
				code: outcome.code,
				redirectUri,
				codeVerifier: pkce.verifier,
			},
			callOptions(context, signal),
		);
		if (!token.ok) return failed(token.failure);
		return completeLogin(context, oauthLoginInput(params, 'web', token.value), events);
	});

	const browser: WebLogin['browser'] = params.openBrowser
		? await openInBrowser(authorizeUrl, events.env ?? process.env, events.opener).then((opened) =>
				opened.ok ? {opened: true} : {opened: false, reason: opened.reason},
			)
		: {opened: false};

	return {
		ok: true,
		value: {
			authorizeUrl,
			redirectUri,
			...(started.ok
				? {listenPort: started.value.port}
				: {listenerProblem: failed(started.failure).problem}),
			browser,
			submitRedirect(pasted) {
				if (settled) {
					return {
						accepted: false,
						final: true,
						problem: problem('redirect', {
							title: 'This login has already ended',
							cause: 'The address came after the login finished or was cancelled.',
							fix: 'Start the browser login again if you still need it.',
						}).problem,
					};
				}

				const parsed = parseRedirectUrl(pasted, state);
				if (parsed.ok) {
					settle({ok: true, code: parsed.code});
					return {accepted: true};
				}

				const refused = redirectProblem(parsed).problem;
				// Salesforce's own error on the redirect ends the login; a wrong paste does not.
				const final = parsed.reason === 'error-returned';
				if (final) settle({ok: false, problem: refused});
				return {accepted: false, problem: refused, final};
			},
			result,
			cancel(reason) {
				settle(
					reason === undefined ? cancelled('The browser login') : {ok: false, problem: reason},
				);
			},
		},
	};
}
