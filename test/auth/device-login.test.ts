import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import type {LoginStatus} from '../../source/auth/complete-login.js';
import {startDeviceLogin, type ShownDeviceCode} from '../../source/auth/device-login.js';
import {secretAccount} from '../../source/store/orgs.js';
import {Browser, page} from '../emulator/helpers.js';
import {manualClock} from '../emulator/helpers.js';
import {fileContext, loggedIn, noWait, withEmulator} from './helpers.js';

test('approved: the org is saved with its identity, the tokens go to the 0600 file, never the config', async (t) => {
	const {context, directory} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const org = emulator.orgs[1];
		assert.ok(org);
		const statuses: LoginStatus[] = [];
		let shown: ShownDeviceCode | undefined;
		const result = await startDeviceLogin(
			context,
			{loginUrl: emulator.loginUrl, clientId: emulator.clientId},
			{
				sleep: noWait,
				onCode(code) {
					shown = code;
					emulator.approveDevice(code.userCode, 1);
				},
				onStatus(status) {
					statuses.push(status);
				},
			},
		);
		assert.ok(result.ok, JSON.stringify(result));
		assert.match(shown?.userCode ?? '', /^[A-Z\d]{8}$/u);
		assert.equal(shown?.verificationUri, `${emulator.loginUrl}/setup/connect`);
		assert.equal(shown?.expiresInAssumed, true);
		assert.deepEqual(
			statuses.map((status) => status.step),
			['requesting-code', 'waiting-for-approval', 'checking-identity', 'saving'],
		);

		const {org: saved, accessToken, notice} = result.value;
		assert.equal(saved.alias, org.username);
		assert.equal(saved.username, org.username);
		assert.equal(saved.orgId, org.orgId);
		assert.equal(saved.userId, org.userId);
		assert.equal(saved.loginMethod, 'device');
		assert.equal(saved.clientId, emulator.clientId);
		assert.match(saved.apiVersion ?? '', /^\d+\.0$/u);
		assert.ok(accessToken.startsWith(`${org.orgId15}!`));
		assert.match(notice ?? '', /tokens are stored in .*secrets\.json \(readable only by you\)/u);
		assert.deepEqual(context.orgs.get(), saved);
		assert.equal(context.clientIds.get(emulator.loginUrl), emulator.clientId);

		const stored = await context.secrets.read(secretAccount(saved));
		assert.equal(stored?.accessToken, accessToken);
		assert.ok(stored?.refreshToken);
		const secretsFile = path.join(directory, 'secrets.json');
		assert.equal(statSync(secretsFile).mode & 0o777, 0o600);
		const config = readFileSync(path.join(directory, 'config.json'), 'utf8');
		assert.ok(!config.includes(accessToken), 'no access token in the config');
		assert.ok(!config.includes(stored.refreshToken), 'no refresh token in the config');
		assert.ok(!config.includes(org.orgId15 + '!'), 'nothing token-shaped in the config');
	});
});

test('a second login of the same user says nothing more about the file and keeps the alias', async (t) => {
	const {context} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const first = await loggedIn(context, emulator, 0, 'acme');
		assert.ok(first.notice);
		const second = await loggedIn(context, emulator, 0);
		assert.equal(second.notice, undefined);
		assert.equal(second.replaced, true);
		assert.equal(second.org.alias, 'acme');
		assert.notEqual(second.accessToken, first.accessToken);
		assert.equal(context.orgs.list().length, 1);
	});
});

test('denied in the browser: access_denied, explained', async (t) => {
	const {context} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const org = emulator.orgs[0];
		assert.ok(org);
		let denied = false;
		let shown = '';
		const result = await startDeviceLogin(
			context,
			{loginUrl: emulator.loginUrl, clientId: emulator.clientId},
			{
				async sleep() {
					// The user denies between two polls.
					if (denied) return;
					denied = true;
					const browser = new Browser();
					const connect = await page(await browser.get(`${shown}`));
					const login = await page(await browser.submit(connect, {}));
					const allow = await page(
						await browser.submit(login, {username: org.username, pw: org.password}),
					);
					await page(await browser.submit(allow, {}, {name: 'decision', value: 'deny'}));
				},
				onCode(code) {
					shown = code.verificationUriComplete;
				},
			},
		);
		assert.ok(!result.ok);
		assert.equal(result.problem.code, 'failure');
		assert.equal(
			result.problem.failure?.kind === 'oauth' && result.problem.failure.error,
			'access_denied',
		);
		assert.match(result.problem.title, /denied/iu);
		assert.deepEqual(context.orgs.list(), []);
	});
});

test('device flow disabled on the app: explained with the Setup step, nothing polled', async (t) => {
	const {context} = await fileContext(t);
	await withEmulator({deviceFlowEnabled: false}, async (emulator) => {
		let polled = false;
		const result = await startDeviceLogin(
			context,
			{loginUrl: emulator.loginUrl, clientId: emulator.clientId},
			{
				async sleep() {
					polled = true;
					return Promise.resolve();
				},
			},
		);
		assert.ok(!result.ok);
		assert.equal(polled, false);
		assert.match(result.problem.title, /Device flow is not enabled/u);
		assert.match(result.problem.setupPath ?? '', /Enable Device Flow/u);
	});
});

test('app not installed: explained', async (t) => {
	const {context} = await fileContext(t);
	await withEmulator({appInstalled: false}, async (emulator) => {
		const result = await startDeviceLogin(context, {
			loginUrl: emulator.loginUrl,
			clientId: emulator.clientId,
		});
		assert.ok(!result.ok);
		assert.match(
			`${result.problem.title} ${result.problem.cause} ${result.problem.fix}`,
			/install/iu,
		);
	});
});

test('the code expires: polling stops at the assumed lifetime, measured on the injected clock', async (t) => {
	const {context: opened} = await fileContext(t);
	const clock = manualClock();
	const context = {...opened, now: clock.now};
	await withEmulator({}, async (emulator) => {
		let waited = 0;
		const result = await startDeviceLogin(
			context,
			{loginUrl: emulator.loginUrl, clientId: emulator.clientId},
			{
				async sleep(ms) {
					waited += ms;
					clock.advance(ms);
					return Promise.resolve();
				},
			},
		);
		assert.ok(!result.ok);
		assert.equal(result.problem.failure?.kind, 'device-expired');
		assert.equal(waited, 600_000);
		assert.match(result.problem.title, /expired/iu);
	});
});

test('slow_down: the next poll waits 5 s longer, and the status says so', async (t) => {
	const {context: opened} = await fileContext(t);
	const clock = manualClock();
	const context = {...opened, now: clock.now};
	await withEmulator(
		{now: clock.now, enforceSlowDown: true, pollIntervalSeconds: 5},
		async (emulator) => {
			const waits: number[] = [];
			const slowDowns: number[] = [];
			let userCode = '';
			const result = await startDeviceLogin(
				context,
				{loginUrl: emulator.loginUrl, clientId: emulator.clientId},
				{
					async sleep(ms) {
						waits.push(ms);
						// The first two polls come too fast for the server: it asks to slow down once.
						clock.advance(waits.length <= 2 ? 1000 : ms);
						if (waits.length === 3) emulator.approveDevice(userCode);
						return Promise.resolve();
					},
					onCode(code) {
						userCode = code.userCode;
					},
					onStatus(status) {
						if (status.step === 'waiting-for-approval' && status.outcome === 'slow-down') {
							slowDowns.push(status.nextPollSeconds);
						}
					},
				},
			);
			assert.ok(result.ok, JSON.stringify(result));
			assert.deepEqual(slowDowns, [10]);
			assert.deepEqual(waits, [5000, 5000, 10_000]);
		},
	);
});

test('cancelling stops polling at once: cancelled, nothing saved', async (t) => {
	const {context} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const controller = new AbortController();
		let polls = 0;
		const result = await startDeviceLogin(
			context,
			{loginUrl: emulator.loginUrl, clientId: emulator.clientId},
			{
				signal: controller.signal,
				async sleep() {
					polls++;
					controller.abort();
					return Promise.resolve();
				},
			},
		);
		assert.ok(!result.ok);
		assert.equal(result.problem.code, 'cancelled');
		assert.equal(polls, 1);
		assert.deepEqual(context.orgs.list(), []);
	});
});

test('an unknown client id: explained, with the propagation delay of new apps', async (t) => {
	const {context} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		const result = await startDeviceLogin(context, {loginUrl: emulator.loginUrl, clientId: 'nope'});
		assert.ok(!result.ok);
		assert.equal(
			result.problem.failure?.kind === 'oauth' && result.problem.failure.error,
			'invalid_client_id',
		);
		assert.match(`${result.problem.cause} ${result.problem.fix}`, /10 minutes/u);
	});
});
