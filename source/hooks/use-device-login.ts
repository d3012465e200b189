import {useEffect, useEffectEvent, useReducer} from 'react';
import type {LoggedInOrg} from '../auth/complete-login.js';
import {startDeviceLogin} from '../auth/device-login.js';
import {
	deviceLoginReducer,
	initialDeviceLoginState,
	type DeviceLoginState,
} from '../screens/device-login/device-login-state.js';
import type {SignInServices} from '../screens/sign-in/services.js';
import {useLoginAttempt} from './use-login-attempt.js';

export type DeviceLoginOptions = {
	readonly services: Pick<SignInServices, 'auth' | 'sleep'>;
	readonly loginUrl: string;
	readonly clientId: string;
	readonly onLoggedIn: (login: LoggedInOrg) => void;
};

export type DeviceLoginController = {
	readonly state: DeviceLoginState;
	/** Whether a code is being requested or polled for (what Esc and Ctrl+C cancel). */
	readonly inFlight: boolean;
	/** Stops polling now; the state becomes a 'cancelled' failure. */
	readonly cancel: () => void;
	/** Starts over with a new code. */
	readonly retry: () => void;
};

/**
 * Runs a device login while the screen is mounted: requests a code, polls (the auth layer keeps
 * the interval and slow_down), and reports the logged-in org. Leaving the screen, cancel() and
 * retry() abort the login in flight, so no poll outlives the screen that shows its code.
 */
export function useDeviceLogin({
	services,
	loginUrl,
	clientId,
	onLoggedIn,
}: DeviceLoginOptions): DeviceLoginController {
	const [state, dispatch] = useReducer(deviceLoginReducer, initialDeviceLoginState);
	const {run, begin, isCurrent, cancel, retry} = useLoginAttempt();
	const {auth, sleep} = services;
	const loggedIn = useEffectEvent(onLoggedIn);

	useEffect(() => {
		const abort = begin();
		// Events of a login that a retry replaced must not overwrite the new one.
		const report: typeof dispatch = (event) => {
			if (isCurrent(abort)) dispatch(event);
		};

		dispatch({type: 'start'});
		void startDeviceLogin(
			auth,
			{loginUrl, clientId},
			{
				signal: abort.signal,
				...(sleep === undefined ? {} : {sleep}),
				onCode(code) {
					report({type: 'code', code, at: auth.now()});
				},
				onStatus(status) {
					report({type: 'status', status, at: auth.now()});
				},
			},
		).then((result) => {
			if (result.ok) {
				report({type: 'done'});
				// A login that ended after the user left still counts (the org is saved), but the
				// screen that asked for it is gone: do not move the app.
				if (!abort.signal.aborted) loggedIn(result.value);
			} else {
				report({type: 'failed', problem: result.problem});
			}
		});
		return () => {
			abort.abort();
		};
	}, [auth, sleep, loginUrl, clientId, run, begin, isCurrent]);

	const inFlight = state.phase === 'requesting' || state.phase === 'waiting';
	return {state, inFlight, cancel, retry};
}
