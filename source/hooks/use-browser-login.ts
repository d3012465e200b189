import {useCallback, useEffect, useEffectEvent, useReducer, useRef} from 'react';
import type {LoggedInOrg} from '../auth/complete-login.js';
import {startWebLogin, type PasteVerdict, type WebLogin} from '../auth/web-login.js';
import {
	browserLoginReducer,
	initialBrowserLoginState,
	type BrowserLoginState,
} from '../screens/browser-login/browser-login-state.js';
import type {SignInServices} from '../screens/sign-in/services.js';
import {browserAvailability} from '../terminal/ssh.js';
import {useLoginAttempt} from './use-login-attempt.js';

export type BrowserLoginOptions = {
	readonly services: SignInServices;
	readonly loginUrl: string;
	readonly clientId: string;
	readonly onLoggedIn: (login: LoggedInOrg) => void;
};

export type BrowserLoginController = {
	readonly state: BrowserLoginState;
	/** Whether the login waits for the browser or exchanges the code (what Esc cancels). */
	readonly inFlight: boolean;
	/** Offers the address the browser was redirected to; a refusal that is not final keeps waiting. */
	readonly submit: (pasted: string) => PasteVerdict | undefined;
	readonly cancel: () => void;
	readonly retry: () => void;
};

/**
 * Runs a browser login while the screen is mounted: PKCE, state and `prompt=login` (the auth
 * layer), a loopback listener, the browser opened when one can be and the user did not say
 * --no-browser, and a paste-back of the redirect address always accepted. Leaving the screen
 * stops the listener.
 */
export function useBrowserLogin({
	services,
	loginUrl,
	clientId,
	onLoggedIn,
}: BrowserLoginOptions): BrowserLoginController {
	const [state, dispatch] = useReducer(browserLoginReducer, initialBrowserLoginState);
	const {run, begin, isCurrent, cancel, retry} = useLoginAttempt();
	const handle = useRef<WebLogin | undefined>(undefined);
	const loggedIn = useEffectEvent(onLoggedIn);
	const {
		auth,
		env,
		platform,
		opener,
		browserPort,
		browserRedirectUri,
		browserTimeoutMs,
		noBrowser,
	} = services;

	useEffect(() => {
		const abort = begin();
		handle.current = undefined;
		const report: typeof dispatch = (event) => {
			if (isCurrent(abort)) dispatch(event);
		};

		dispatch({type: 'start'});
		const openBrowser = noBrowser !== true && browserAvailability(env, platform).ok;
		void startWebLogin(
			auth,
			{
				loginUrl,
				clientId,
				allowPaste: true,
				openBrowser,
				...(browserPort === undefined ? {} : {port: browserPort}),
				...(browserRedirectUri === undefined ? {} : {redirectUri: browserRedirectUri}),
				...(browserTimeoutMs === undefined ? {} : {timeoutMs: browserTimeoutMs}),
			},
			{
				signal: abort.signal,
				env,
				...(opener === undefined ? {} : {opener}),
				onStatus(status) {
					report({type: 'status', status});
				},
			},
		).then(async (started) => {
			if (!started.ok) {
				report({type: 'failed', problem: started.problem});
				return;
			}

			if (isCurrent(abort)) handle.current = started.value;
			report({type: 'waiting', login: started.value, at: auth.now()});
			const result = await started.value.result;
			if (result.ok) {
				report({type: 'done'});
				if (!abort.signal.aborted) loggedIn(result.value);
			} else {
				report({type: 'failed', problem: result.problem});
			}
		});
		return () => {
			abort.abort();
		};
	}, [
		auth,
		env,
		platform,
		opener,
		browserPort,
		browserRedirectUri,
		browserTimeoutMs,
		noBrowser,
		loginUrl,
		clientId,
		run,
		begin,
		isCurrent,
	]);

	const submit = useCallback((pasted: string) => handle.current?.submitRedirect(pasted), []);
	const inFlight =
		state.phase === 'starting' || state.phase === 'waiting' || state.phase === 'finishing';
	return {state, inFlight, submit, cancel, retry};
}
