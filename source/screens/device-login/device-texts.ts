// The words of the device screen that change with time, as pure functions of the state and
// the clock, so they can be checked without waiting.
import {ASSUMED_DEVICE_CODE_LIFETIME_SECONDS} from '../../salesforce/oauth-device.js';
import type {DeviceLoginState} from './device-login-state.js';

type Waiting = Extract<DeviceLoginState, {phase: 'waiting'}>;

/** `m:ss`, never negative: 62 000 → "1:02"; `round` up for time left, down for time gone. */
export function formatClock(ms: number, round: 'down' | 'up' = 'down'): string {
	const seconds = Math.max(0, round === 'up' ? Math.ceil(ms / 1000) : Math.floor(ms / 1000));
	return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A code that has less than this left is about to expire: the time line turns yellow. */
export const urgentMs = 60_000;

/** "0:42 elapsed · 9:18 left". */
export function timeLine(state: Waiting, now: number): {text: string; urgent: boolean} {
	// The screen's clock ticks once a second and can lag the moment the code was shown: never
	// count from before it (that showed "0:00 elapsed · 10:01 left").
	const at = Math.max(now, state.shownAt);
	const left = state.code.expiresAt - at;
	return {
		// Left rounds up, so elapsed and left add up to the lifetime and 0:00 means expired.
		text: `${formatClock(at - state.shownAt)} elapsed · ${formatClock(left, 'up')} left`,
		urgent: left < urgentMs,
	};
}

/** Said when the lifetime is sftoken's guess, not Salesforce's answer. */
export const assumedLifetimeNote = `Salesforce does not say how long a code lives: sftoken assumes ${ASSUMED_DEVICE_CODE_LIFETIME_SECONDS / 60} minutes.`;

function secondsBetween(from: number, to: number): number {
	return Math.max(0, Math.round((to - from) / 1000));
}

/**
 * The polling status: "Waiting for approval · checked 12 s ago", and what changed the rhythm
 * (a slow_down, a failed check).
 */
export function pollLine(state: Waiting, now: number): string {
	const every =
		state.intervalSeconds === state.initialIntervalSeconds
			? ''
			: ` · every ${state.intervalSeconds} s`;
	if (state.checkedAt === undefined) {
		const next = state.shownAt + state.intervalSeconds * 1000;
		return `Waiting for approval · first check in ${secondsBetween(now, next)} s`;
	}

	const ago = `checked ${secondsBetween(state.checkedAt, now)} s ago`;
	switch (state.outcome) {
		case 'slow-down': {
			return `Salesforce asked sftoken to slow down: now every ${state.intervalSeconds} s · ${ago}`;
		}

		case 'transient-failure': {
			const next = state.checkedAt + state.intervalSeconds * 1000;
			return `Could not reach Salesforce · trying again in ${secondsBetween(now, next)} s`;
		}

		default: {
			return `Waiting for approval · ${ago}${every}`;
		}
	}
}

/** What the screen says after the user approved. */
export function finishingLine(step: 'checking-identity' | 'saving'): string {
	return step === 'checking-identity'
		? 'Approved — checking who you are…'
		: 'Approved — saving the login…';
}
