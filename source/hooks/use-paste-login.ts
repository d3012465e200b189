import {useCallback, useState} from 'react';
import type {LoggedInOrg} from '../auth/complete-login.js';
import {loginWithToken, type PasteLoginParams} from '../auth/paste-login.js';
import type {AuthProblem} from '../auth/problems.js';
import type {SignInServices} from '../screens/sign-in/services.js';
import {useLoginAttempt} from './use-login-attempt.js';

export type PasteLoginState =
	| {readonly phase: 'editing'}
	| {readonly phase: 'checking'; readonly instanceUrl: string}
	| {readonly phase: 'failed'; readonly problem: AuthProblem};

export type PasteLoginController = {
	readonly state: PasteLoginState;
	/** Checks the token with userinfo and saves the login. */
	readonly submit: (params: PasteLoginParams) => void;
	readonly cancel: () => void;
	/** Back to the form after a failure, values kept. */
	readonly edit: () => void;
};

/**
 * Logs in with a pasted token on demand: inspection and fix (the auth layer), the identity
 * check, the save. Leaving the screen or cancel() aborts the check in flight.
 */
export function usePasteLogin({
	services,
	onLoggedIn,
}: {
	readonly services: Pick<SignInServices, 'auth'>;
	readonly onLoggedIn: (login: LoggedInOrg) => void;
}): PasteLoginController {
	const [state, setState] = useState<PasteLoginState>({phase: 'editing'});
	const {begin, isCurrent, cancel} = useLoginAttempt();
	const {auth} = services;

	const submit = useCallback(
		(params: PasteLoginParams) => {
			const abort = begin();
			setState({phase: 'checking', instanceUrl: params.instanceUrl});
			void loginWithToken(auth, params, {signal: abort.signal}).then((result) => {
				if (!isCurrent(abort)) return;
				if (result.ok) {
					if (!abort.signal.aborted) onLoggedIn(result.value);
				} else {
					setState({phase: 'failed', problem: result.problem});
				}
			});
		},
		[auth, onLoggedIn, begin, isCurrent],
	);
	const edit = useCallback(() => {
		setState({phase: 'editing'});
	}, []);
	return {state, submit, cancel, edit};
}
