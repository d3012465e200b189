import type {LoginStatus} from '../../auth/complete-login.js';
import type {AuthProblem} from '../../auth/problems.js';
import type {WebLogin} from '../../auth/web-login.js';

/** What the browser screen shows, as a pure function of what the login reported. */
export type BrowserLoginState =
	| {readonly phase: 'starting'}
	| {
			readonly phase: 'waiting';
			readonly login: Omit<WebLogin, 'result' | 'submitRedirect' | 'cancel'>;
			/** When the login started waiting (the auth context's clock), for the time left. */
			readonly since: number;
	  }
	| {readonly phase: 'finishing'; readonly step: 'exchanging-code' | 'checking-identity' | 'saving'}
	| {readonly phase: 'failed'; readonly problem: AuthProblem}
	| {readonly phase: 'done'};

export type BrowserLoginEvent =
	| {readonly type: 'start'}
	| {readonly type: 'waiting'; readonly login: WebLogin; readonly at: number}
	| {readonly type: 'status'; readonly status: LoginStatus}
	| {readonly type: 'failed'; readonly problem: AuthProblem}
	| {readonly type: 'done'};

export const initialBrowserLoginState: BrowserLoginState = {phase: 'starting'};

export function browserLoginReducer(
	state: BrowserLoginState,
	event: BrowserLoginEvent,
): BrowserLoginState {
	switch (event.type) {
		case 'start': {
			return initialBrowserLoginState;
		}

		case 'waiting': {
			// Only the parts to show: the handle's functions stay with the hook.
			const {authorizeUrl, redirectUri, listenerProblem, listenPort, browser} = event.login;
			return {
				phase: 'waiting',
				login: {
					authorizeUrl,
					redirectUri,
					browser,
					...(listenerProblem === undefined ? {} : {listenerProblem}),
					...(listenPort === undefined ? {} : {listenPort}),
				},
				since: event.at,
			};
		}

		case 'status': {
			const {step} = event.status;
			if (
				(step === 'exchanging-code' || step === 'checking-identity' || step === 'saving') &&
				(state.phase === 'waiting' || state.phase === 'finishing' || state.phase === 'starting')
			) {
				return {phase: 'finishing', step};
			}

			return state;
		}

		case 'failed': {
			return {phase: 'failed', problem: event.problem};
		}

		case 'done': {
			return {phase: 'done'};
		}
	}
}
