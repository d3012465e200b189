import assert from 'node:assert/strict';
import {test} from 'node:test';
import {explainOAuthFailure} from '../../source/core/oauth-errors.js';
import {
	startEmulator,
	type EmulatorOptions,
	type RunningEmulator,
} from '../../source/emulator/index.js';
import type {Failure, Result} from '../../source/salesforce/failure.js';
import {createHttpClient} from '../../source/salesforce/http.js';
import {
	ASSUMED_DEVICE_CODE_LIFETIME_SECONDS,
	parseDeviceCode,
	pollDeviceToken,
	pollUntilDone,
	requestDeviceCode,
	type DeviceCode,
	type PollAttempt,
} from '../../source/salesforce/oauth-device.js';
import {answerDeviceLogin} from './browser.js';

/** A clock shared by the emulator and the polling loop: sleeping advances it, nobody waits. */
class ManualClock {
	time = Date.UTC(2026, 0, 15, 9, 0, 0);
	readonly sleeps: number[] = [];
	now = (): number => this.time;
	sleep = (ms: number): Promise<void> => {
		this.sleeps.push(ms);
		this.time += ms;
		return Promise.resolve();
	};
}

const client = createHttpClient({timeoutMs: 2000, retryBackoffLimitMs: 1});

async function withEmulator(
	options: EmulatorOptions,
	run: (emulator: RunningEmulator, clock: ManualClock) => Promise<void>,
): Promise<void> {
	const clock = new ManualClock();
	const emulator = await startEmulator({records: 3, now: clock.now, ...options});
	try {
		await run(emulator, clock);
	} finally {
		await emulator.close();
	}
}

async function deviceCode(emulator: RunningEmulator): Promise<DeviceCode> {
	const result = await requestDeviceCode(
		{loginUrl: emulator.loginUrl, clientId: emulator.clientId},
		{client},
	);
	assert.ok(result.ok, JSON.stringify(result));
	return result.value;
}

function failureOf<T>(result: Result<T>): Failure {
	assert.equal(result.ok, false, `expected a failure, got ${JSON.stringify(result)}`);
	if (result.ok) throw new Error('unreachable');
	return result.failure;
}

test('the device code answer has the four Salesforce fields and the assumed lifetime', async () => {
	await withEmulator({}, async (emulator) => {
		const code = await deviceCode(emulator);
		assert.match(code.userCode, /^[A-Z\d]{8}$/u);
		assert.equal(code.verificationUri, `${emulator.loginUrl}/setup/connect`);
		assert.equal(
			code.verificationUriComplete,
			`${emulator.loginUrl}/setup/connect?user_code=${code.userCode}`,
		);
		assert.equal(code.interval, 5);
		assert.equal(code.expiresInSeconds, ASSUMED_DEVICE_CODE_LIFETIME_SECONDS);
		assert.equal(code.expiresInAssumed, true);
	});
});

test('parseDeviceCode uses expires_in and verification_uri_complete when a server sends them', () => {
	const parsed = parseDeviceCode({
		device_code: 'd',
		user_code: 'ABCD1234',
		verification_uri: 'https://example.my.salesforce.com/setup/connect',
		verification_uri_complete:
			'https://example.my.salesforce.com/setup/connect?user_code=ABCD1234&x=1',
		interval: '7',
		expires_in: 900,
	});
	assert.deepEqual(parsed, {
		ok: true,
		value: {
			deviceCode: 'd',
			userCode: 'ABCD1234',
			verificationUri: 'https://example.my.salesforce.com/setup/connect',
			verificationUriComplete:
				'https://example.my.salesforce.com/setup/connect?user_code=ABCD1234&x=1',
			interval: 7,
			expiresInSeconds: 900,
			expiresInAssumed: false,
		},
	});
	assert.equal(parseDeviceCode({user_code: 'x'}).ok, false);
	assert.equal(parseDeviceCode([]).ok, false);
});

test('approved: pending until approveDevice, then the token of the approving org', async () => {
	await withEmulator({}, async (emulator, clock) => {
		const code = await deviceCode(emulator);
		const attempts: PollAttempt[] = [];
		const result = await pollUntilDone({
			loginUrl: emulator.loginUrl,
			clientId: emulator.clientId,
			deviceCode: code.deviceCode,
			interval: code.interval,
			expiresAt: clock.now() + code.expiresInSeconds * 1000,
			now: clock.now,
			sleep: clock.sleep,
			client,
			onAttempt(attempt) {
				attempts.push(attempt);
				if (attempt.attempt === 2) emulator.approveDevice(code.userCode, 1);
			},
		});
		assert.ok(result.ok, JSON.stringify(result));
		const org = emulator.orgs[1];
		assert.ok(org);
		assert.equal(result.value.orgId, org.orgId);
		assert.equal(result.value.userId, org.userId);
		assert.equal(result.value.instanceUrl, org.myDomainUrl);
		assert.ok(result.value.accessToken.startsWith(`${org.orgId15}!`));
		assert.ok(result.value.refreshToken);
		assert.deepEqual(clock.sleeps, [5000, 5000, 5000]);
		assert.deepEqual(
			attempts.map((attempt) => attempt.outcome),
			['pending', 'pending'],
		);
	});
});

test('approved through the verification page in a browser', async () => {
	await withEmulator({}, async (emulator) => {
		const code = await deviceCode(emulator);
		const org = emulator.orgs[0];
		assert.ok(org);
		const page = await answerDeviceLogin(code.verificationUri, code.userCode, org, 'allow');
		assert.match(page, /Connected/u);
		const poll = await pollDeviceToken(
			{loginUrl: emulator.loginUrl, clientId: emulator.clientId, deviceCode: code.deviceCode},
			{client},
		);
		assert.ok(poll.ok && poll.value.status === 'approved');
		assert.equal(poll.value.token.orgId, org.orgId);
	});
});

test('denied: the loop stops at once with access_denied, explained', async () => {
	await withEmulator({}, async (emulator, clock) => {
		const code = await deviceCode(emulator);
		const org = emulator.orgs[0];
		assert.ok(org);
		await answerDeviceLogin(code.verificationUri, code.userCode, org, 'deny');
		const result = await pollUntilDone({
			loginUrl: emulator.loginUrl,
			clientId: emulator.clientId,
			deviceCode: code.deviceCode,
			interval: code.interval,
			expiresAt: clock.now() + 600_000,
			now: clock.now,
			sleep: clock.sleep,
			client,
		});
		const failure = failureOf(result);
		assert.equal(failure.kind === 'oauth' && failure.error, 'access_denied');
		assert.equal(clock.sleeps.length, 1);
		assert.match(explainOAuthFailure(failure).title, /denied/u);
	});
});

test('expired on the client: no poll past expiresAt, the last wait is cut short', async () => {
	await withEmulator({}, async (emulator, clock) => {
		const code = await deviceCode(emulator);
		const result = await pollUntilDone({
			loginUrl: emulator.loginUrl,
			clientId: emulator.clientId,
			deviceCode: code.deviceCode,
			interval: code.interval,
			expiresAt: clock.now() + 12_000,
			now: clock.now,
			sleep: clock.sleep,
			client,
		});
		assert.deepEqual(failureOf(result), {kind: 'device-expired', step: 'device-poll', polls: 2});
		assert.deepEqual(clock.sleeps, [5000, 5000, 2000]);
	});
});

test('expired on the server: its invalid_grant ends the loop and is explained', async () => {
	await withEmulator({deviceCodeLifetimeSeconds: 60}, async (emulator, clock) => {
		const code = await deviceCode(emulator);
		clock.time += 61_000;
		const result = await pollUntilDone({
			loginUrl: emulator.loginUrl,
			clientId: emulator.clientId,
			deviceCode: code.deviceCode,
			interval: code.interval,
			// The client still assumes ten minutes; the server knows better.
			expiresAt: clock.now() + 600_000,
			now: clock.now,
			sleep: clock.sleep,
			client,
		});
		const failure = failureOf(result);
		assert.equal(failure.kind === 'oauth' && failure.error, 'invalid_grant');
		assert.match(explainOAuthFailure(failure).title, /device code is no longer valid/u);
	});
});

test('slow_down adds 5 seconds to the interval (RFC 8628), without waiting for real', async () => {
	await withEmulator({enforceSlowDown: true}, async (emulator, clock) => {
		const code = await deviceCode(emulator);
		const outcomes: string[] = [];
		const result = await pollUntilDone({
			loginUrl: emulator.loginUrl,
			clientId: emulator.clientId,
			deviceCode: code.deviceCode,
			// Polling every second against a server that wants five.
			interval: 1,
			expiresAt: clock.now() + 600_000,
			now: clock.now,
			sleep: clock.sleep,
			client,
			onAttempt(attempt) {
				outcomes.push(`${attempt.outcome}→${attempt.intervalSeconds}`);
				if (attempt.attempt === 3) emulator.approveDevice(code.userCode);
			},
		});
		assert.ok(result.ok, JSON.stringify(result));
		assert.deepEqual(outcomes, ['pending→1', 'slow-down→6', 'pending→6']);
		assert.deepEqual(clock.sleeps, [1000, 1000, 6000, 6000]);
	});
});

test('cancelling stops the loop during the wait, before another poll', async () => {
	await withEmulator({}, async (emulator, clock) => {
		const code = await deviceCode(emulator);
		const controller = new AbortController();
		let polls = 0;
		const result = await pollUntilDone({
			loginUrl: emulator.loginUrl,
			clientId: emulator.clientId,
			deviceCode: code.deviceCode,
			interval: code.interval,
			expiresAt: clock.now() + 600_000,
			now: clock.now,
			async sleep(ms) {
				await clock.sleep(ms);
				if (clock.sleeps.length === 2) controller.abort();
			},
			signal: controller.signal,
			client,
			onAttempt() {
				polls++;
			},
		});
		const failure = failureOf(result);
		assert.equal(failure.kind === 'network' && failure.code, 'aborted');
		assert.equal(polls, 1);
	});
});

test('a transient server failure during polling is tolerated; the next poll continues', async () => {
	await withEmulator({}, async (emulator, clock) => {
		const code = await deviceCode(emulator);
		emulator.setFaults([{path: '/services/oauth2/token', fault: 'status-500', times: 1}]);
		const outcomes: string[] = [];
		const result = await pollUntilDone({
			loginUrl: emulator.loginUrl,
			clientId: emulator.clientId,
			deviceCode: code.deviceCode,
			interval: code.interval,
			expiresAt: clock.now() + 600_000,
			now: clock.now,
			sleep: clock.sleep,
			client: createHttpClient({retryLimit: 0}),
			onAttempt(attempt) {
				outcomes.push(attempt.outcome);
				if (attempt.outcome === 'pending') emulator.approveDevice(code.userCode);
			},
		});
		assert.ok(result.ok, JSON.stringify(result));
		assert.deepEqual(outcomes, ['transient-failure', 'pending']);
	});
});

test('device flow disabled for the app: explained with the Setup step', async () => {
	await withEmulator({deviceFlowEnabled: false}, async (emulator) => {
		const failure = failureOf(
			await requestDeviceCode({loginUrl: emulator.loginUrl, clientId: emulator.clientId}, {client}),
		);
		assert.deepEqual(failure, {
			kind: 'oauth',
			step: 'device-code',
			status: 400,
			error: 'invalid_grant',
			description: 'device flow is not enabled for the app',
		});
		const explanation = explainOAuthFailure(failure);
		assert.match(explanation.title, /Device flow is not enabled/u);
		assert.match(explanation.setupPath ?? '', /Enable Device Flow/u);
	});
});

test('app not installed: explained with the install step', async () => {
	await withEmulator({appInstalled: false}, async (emulator) => {
		const failure = failureOf(
			await requestDeviceCode({loginUrl: emulator.loginUrl, clientId: emulator.clientId}, {client}),
		);
		assert.equal(failure.kind === 'oauth' && failure.error, 'invalid_client');
		const explanation = explainOAuthFailure(failure);
		assert.match(explanation.title, /not installed/u);
		assert.match(explanation.setupPath ?? '', /Connected Apps OAuth Usage/u);
	});
});

test('an unknown consumer key: explained, mentioning the 10 minutes', async () => {
	await withEmulator({}, async (emulator) => {
		const failure = failureOf(
			await requestDeviceCode({loginUrl: emulator.loginUrl, clientId: '3MVG9unknown'}, {client}),
		);
		assert.equal(failure.kind === 'oauth' && failure.error, 'invalid_client_id');
		assert.match(explainOAuthFailure(failure).fix, /10 minutes/u);
	});
});

test('a device code on a My Domain gets a verification URL on that host', async () => {
	await withEmulator({}, async (emulator) => {
		const org = emulator.orgs[0];
		assert.ok(org);
		const result = await requestDeviceCode(
			{loginUrl: org.myDomainUrl, clientId: emulator.clientId},
			{client},
		);
		assert.ok(result.ok);
		assert.equal(result.value.verificationUri, `${org.myDomainUrl}/setup/connect`);
	});
});
