import type {LoginStatus} from '../../auth/complete-login.js';
import type {ShownDeviceCode} from '../../auth/device-login.js';
import type {AuthProblem} from '../../auth/problems.js';

type Waiting = Extract<LoginStatus, {step: 'waiting-for-approval'}>;

/** What the device screen shows, as a pure function of what the login reported. */
export type DeviceLoginState =
	| {readonly phase: 'requesting'}
	| {
			readonly phase: 'waiting';
			readonly code: ShownDeviceCode;
			/** When the code arrived (the clock of the auth context). */
			readonly shownAt: number;
			/** When the last poll answered; undefined before the first one. */
			readonly checkedAt?: number;
			readonly polls: number;
			readonly outcome: Waiting['outcome'];
			/** Seconds between polls now: the code's interval plus 5 per slow_down. */
			readonly intervalSeconds: number;
			/** The interval Salesforce asked for at first. */
			readonly initialIntervalSeconds: number;
	  }
	| {
			readonly phase: 'finishing';
			readonly code: ShownDeviceCode;
			readonly step: 'checking-identity' | 'saving';
	  }
	| {readonly phase: 'failed'; readonly problem: AuthProblem}
	| {readonly phase: 'done'};

export type DeviceLoginEvent =
	| {readonly type: 'start'}
	| {readonly type: 'code'; readonly code: ShownDeviceCode; readonly at: number}
	| {readonly type: 'status'; readonly status: LoginStatus; readonly at: number}
	| {readonly type: 'failed'; readonly problem: AuthProblem}
	| {readonly type: 'done'};

export const initialDeviceLoginState: DeviceLoginState = {phase: 'requesting'};

export function deviceLoginReducer(
	state: DeviceLoginState,
	event: DeviceLoginEvent,
): DeviceLoginState {
	switch (event.type) {
		case 'start': {
			return initialDeviceLoginState;
		}

		case 'code': {
			return {
				phase: 'waiting',
				code: event.code,
				shownAt: event.at,
				polls: 0,
				outcome: 'waiting',
				intervalSeconds: event.code.interval,
				initialIntervalSeconds: event.code.interval,
			};
		}

		case 'status': {
			return withStatus(state, event.status, event.at);
		}

		case 'failed': {
			return {phase: 'failed', problem: event.problem};
		}

		case 'done': {
			return {phase: 'done'};
		}
	}
}

function withStatus(state: DeviceLoginState, status: LoginStatus, at: number): DeviceLoginState {
	if (state.phase === 'waiting' && status.step === 'waiting-for-approval') {
		// Attempt 0 is the announcement before the first poll: nothing was checked yet.
		if (status.attempt === 0) return state;
		return {
			...state,
			checkedAt: at,
			polls: status.attempt,
			outcome: status.outcome,
			intervalSeconds: status.nextPollSeconds,
		};
	}

	if (
		(state.phase === 'waiting' || state.phase === 'finishing') &&
		(status.step === 'checking-identity' || status.step === 'saving')
	) {
		return {phase: 'finishing', code: state.code, step: status.step};
	}

	return state;
}
