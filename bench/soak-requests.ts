// Soak: 5 000 REST requests through the app's own network layer against the emulator started
// in-process on loopback. Prints RSS, heap and open file descriptors at the start (after a
// warm-up) and at the end, after a forced GC when run with --expose-gc. Run:
//   node --expose-gc --import tsx bench/soak-requests.ts [count]
import {readdirSync} from 'node:fs';
import {startEmulator} from '../source/emulator/index.js';
import {pollDeviceToken, requestDeviceCode} from '../source/salesforce/oauth-device.js';
import {sendRestRequest} from '../source/salesforce/rest.js';

const count = Number(process.argv[2] ?? 5000);
const emulator = await startEmulator({records: 50, dailyApiLimit: 10_000_000});
const code = await requestDeviceCode({loginUrl: emulator.loginUrl, clientId: emulator.clientId});
if (!code.ok) throw new Error(JSON.stringify(code.failure));
emulator.approveDevice(code.value.userCode, 0);
const poll = await pollDeviceToken({
	loginUrl: emulator.loginUrl,
	clientId: emulator.clientId,
	deviceCode: code.value.deviceCode,
});
if (!poll.ok || poll.value.status !== 'approved') throw new Error('login failed');
const {accessToken, instanceUrl} = poll.value.token;
const paths = [
	'/services/data/v62.0/limits',
	`/services/data/v62.0/query?q=${encodeURIComponent('SELECT Id, Name FROM Account')}`,
	'/services/data/v62.0/sobjects/Account/describe',
];

function sample() {
	(globalThis as {gc?: () => void}).gc?.();
	const memory = process.memoryUsage();
	return {
		rssMiB: Math.round((memory.rss / 2 ** 20) * 10) / 10,
		heapUsedMiB: Math.round((memory.heapUsed / 2 ** 20) * 10) / 10,
		fds: readdirSync('/proc/self/fd').length,
	};
}

async function send(index: number): Promise<number> {
	const result = await sendRestRequest({
		instanceUrl,
		accessToken,
		method: 'GET',
		path: paths[index % paths.length] ?? paths[0]!,
	});
	return result.ok ? result.value.status : 0;
}

for (let index = 0; index < 200; index++) await send(index);
const start = sample();
const started = performance.now();
const statuses = new Map<number, number>();
let middle = start;
for (let index = 0; index < count; index++) {
	const status = await send(index);
	statuses.set(status, (statuses.get(status) ?? 0) + 1);
	if (index === Math.floor(count / 2)) middle = sample();
}

const seconds = (performance.now() - started) / 1000;
const end = sample();
await emulator.close();
console.log(
	JSON.stringify(
		{
			requests: count,
			statuses: Object.fromEntries(statuses),
			requestsPerSecond: Math.round(count / seconds),
			start,
			middle,
			end,
			growth: {
				rssMiB: Math.round((end.rssMiB - start.rssMiB) * 10) / 10,
				heapUsedMiB: Math.round((end.heapUsedMiB - start.heapUsedMiB) * 10) / 10,
				fds: end.fds - start.fds,
			},
		},
		undefined,
		2,
	),
);
