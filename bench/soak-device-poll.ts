// Soak: a device login left polling for the whole lifetime of a short-lived code (the user never
// approves). Reports the polls made against the most the interval allows, and what is still
// active in the event loop afterwards (no timer or socket may be left: the process must exit by
// itself). Run: node --import tsx bench/soak-device-poll.ts [lifetimeSeconds]
import {startEmulator} from '../source/emulator/index.js';
import {pollUntilDone, requestDeviceCode} from '../source/salesforce/oauth-device.js';

const lifetimeSeconds = Number(process.argv[2] ?? 12);
const intervalSeconds = 1;
const emulator = await startEmulator({
	records: 1,
	deviceCodeLifetimeSeconds: lifetimeSeconds,
	pollIntervalSeconds: intervalSeconds,
});
const before = process.getActiveResourcesInfo();
const code = await requestDeviceCode({loginUrl: emulator.loginUrl, clientId: emulator.clientId});
if (!code.ok) throw new Error(JSON.stringify(code.failure));
const started = Date.now();
let pendingAnswers = 0;
const result = await pollUntilDone({
	loginUrl: emulator.loginUrl,
	clientId: emulator.clientId,
	deviceCode: code.value.deviceCode,
	interval: code.value.interval,
	expiresAt: started + code.value.expiresInSeconds * 1000,
	onAttempt(attempt) {
		if (attempt.outcome === 'pending') pendingAnswers++;
	},
});
const elapsedSeconds = (Date.now() - started) / 1000;
// Every poll but the last answered "pending"; the last one ended the login (expired on either side).
const polls =
	!result.ok && result.failure.kind === 'device-expired'
		? result.failure.polls
		: pendingAnswers + 1;
await emulator.close();
// Let closed sockets finish closing before looking.
await new Promise((resolve) => {
	setImmediate(resolve);
});
const after = process.getActiveResourcesInfo();
console.log(
	JSON.stringify(
		{
			lifetimeSeconds: code.value.expiresInSeconds,
			intervalSeconds: code.value.interval,
			outcome: result.ok
				? 'approved?!'
				: result.failure.kind === 'oauth'
					? result.failure.error
					: result.failure.kind,
			polls,
			pendingAnswers,
			// The emulator, like Salesforce, does not send expires_in: the server-side lifetime decides.
			maxPollsAllowed: Math.floor(lifetimeSeconds / code.value.interval),
			elapsedSeconds: Math.round(elapsedSeconds * 10) / 10,
			activeResourcesBefore: before,
			activeResourcesAfter: after,
		},
		undefined,
		2,
	),
);
