import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {ShownDeviceCode} from '../../../source/auth/device-login.js';
import type {DeviceLoginState} from '../../../source/screens/device-login/device-login-state.js';
import {
	deviceLoginReducer,
	initialDeviceLoginState,
} from '../../../source/screens/device-login/device-login-state.js';
import {
	formatClock,
	pollLine,
	timeLine,
} from '../../../source/screens/device-login/device-texts.js';

const start = 1_000_000;
const code: ShownDeviceCode = {
	deviceCode: 'opaque',
	userCode: 'X1D9SEET',
	verificationUri: 'https://login.salesforce.com/setup/connect',
	verificationUriComplete: 'https://login.salesforce.com/setup/connect?user_code=X1D9SEET',
	interval: 5,
	expiresInSeconds: 600,
	expiresInAssumed: true,
	expiresAt: start + 600_000,
};

type Waiting = Extract<DeviceLoginState, {phase: 'waiting'}>;

function waiting(): Waiting {
	const state = deviceLoginReducer(initialDeviceLoginState, {type: 'code', code, at: start});
	assert.equal(state.phase, 'waiting');
	return state;
}

test('clock: m:ss, never negative', () => {
	assert.equal(formatClock(0), '0:00');
	assert.equal(formatClock(62_999), '1:02');
	assert.equal(formatClock(600_000), '10:00');
	assert.equal(formatClock(-5000), '0:00');
	assert.equal(formatClock(598_400, 'up'), '9:59');
	assert.equal(formatClock(-1, 'up'), '0:00');
});

test('time elapsed and left; the last minute is urgent', () => {
	assert.deepEqual(timeLine(waiting(), start + 42_000), {
		text: '0:42 elapsed · 9:18 left',
		urgent: false,
	});
	assert.equal(timeLine(waiting(), start + 541_000).urgent, true);
	assert.equal(timeLine(waiting(), start + 700_000).text, '11:40 elapsed · 0:00 left');
	// Elapsed rounds down, left up: together they make the lifetime.
	assert.equal(timeLine(waiting(), start + 1400).text, '0:01 elapsed · 9:59 left');
	// A screen clock that last ticked before the code was shown counts from the code, not before.
	assert.equal(timeLine(waiting(), start - 800).text, '0:00 elapsed · 10:00 left');
});

test('polling status: before the first check, after one, after slow_down, after a failed check', () => {
	const fresh = waiting();
	assert.equal(pollLine(fresh, start + 2000), 'Waiting for approval · first check in 3 s');
	// The announcement before the first poll changes nothing.
	assert.equal(
		deviceLoginReducer(fresh, {
			type: 'status',
			status: {step: 'waiting-for-approval', attempt: 0, outcome: 'waiting', nextPollSeconds: 5},
			at: start,
		}),
		fresh,
	);
	const pending = deviceLoginReducer(fresh, {
		type: 'status',
		status: {step: 'waiting-for-approval', attempt: 1, outcome: 'pending', nextPollSeconds: 5},
		at: start + 5000,
	}) as Waiting;
	assert.equal(pollLine(pending, start + 17_000), 'Waiting for approval · checked 12 s ago');
	const slowed = deviceLoginReducer(pending, {
		type: 'status',
		status: {step: 'waiting-for-approval', attempt: 2, outcome: 'slow-down', nextPollSeconds: 10},
		at: start + 10_000,
	}) as Waiting;
	assert.equal(
		pollLine(slowed, start + 12_000),
		'Salesforce asked sftoken to slow down: now every 10 s · checked 2 s ago',
	);
	const after = deviceLoginReducer(slowed, {
		type: 'status',
		status: {step: 'waiting-for-approval', attempt: 3, outcome: 'pending', nextPollSeconds: 10},
		at: start + 20_000,
	}) as Waiting;
	assert.equal(
		pollLine(after, start + 21_000),
		'Waiting for approval · checked 1 s ago · every 10 s',
	);
	const failed = deviceLoginReducer(after, {
		type: 'status',
		status: {
			step: 'waiting-for-approval',
			attempt: 4,
			outcome: 'transient-failure',
			nextPollSeconds: 10,
		},
		at: start + 30_000,
	}) as Waiting;
	assert.equal(
		pollLine(failed, start + 33_000),
		'Could not reach Salesforce · trying again in 7 s',
	);
});

test('approval moves to finishing with the code kept; a failure and done end the login', () => {
	const finishing = deviceLoginReducer(waiting(), {
		type: 'status',
		status: {step: 'checking-identity'},
		at: start,
	});
	assert.deepEqual(finishing, {phase: 'finishing', code, step: 'checking-identity'});
	assert.deepEqual(deviceLoginReducer(finishing, {type: 'done'}), {phase: 'done'});
	const problem = {code: 'cancelled', title: 'Cancelled', cause: 'c', fix: 'f'} as const;
	assert.deepEqual(deviceLoginReducer(finishing, {type: 'failed', problem}), {
		phase: 'failed',
		problem,
	});
	assert.equal(deviceLoginReducer(finishing, {type: 'start'}), initialDeviceLoginState);
});
