import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	startEmulator,
	type EmulatorOptions,
	type RunningEmulator,
} from '../../source/emulator/index.js';
import {
	Browser,
	expectOAuthError,
	manualClock,
	page,
	postForm,
	readJson,
	type TokenResponse,
} from './helpers.js';

type DeviceCode = {
	device_code: string;
	user_code: string;
	verification_uri: string;
	interval: number;
};

async function withEmulator(
	options: EmulatorOptions,
	run: (emulator: RunningEmulator) => Promise<void>,
): Promise<void> {
	const emulator = await startEmulator({records: 5, ...options});
	try {
		await run(emulator);
	} finally {
		await emulator.close();
	}
}

async function requestCode(
	emulator: RunningEmulator,
	base = emulator.loginUrl,
	scope = 'refresh_token api web',
) {
	const response = await postForm(`${base}/services/oauth2/token`, {
		response_type: 'device_code',
		client_id: emulator.clientId,
		scope,
	});
	assert.equal(response.status, 200);
	return readJson<DeviceCode>(response);
}

async function poll(
	emulator: RunningEmulator,
	code: string,
	base = emulator.loginUrl,
): Promise<Response> {
	return postForm(`${base}/services/oauth2/token`, {
		grant_type: 'device',
		client_id: emulator.clientId,
		code,
	});
}

test('the device code response has exactly the four documented fields', async () => {
	await withEmulator({}, async (emulator) => {
		const code = await requestCode(emulator);
		assert.deepEqual(Object.keys(code).sort(), [
			'device_code',
			'interval',
			'user_code',
			'verification_uri',
		]);
		assert.match(code.user_code, /^[A-Z\d]{8}$/);
		assert.equal(code.verification_uri, `${emulator.loginUrl}/setup/connect`);
		assert.equal(code.interval, 5);
		assert.ok(code.device_code.length >= 40);
	});
});

test('verification_uri is on the host posted to, and interval follows the knob', async () => {
	await withEmulator({pollIntervalSeconds: 2}, async (emulator) => {
		const org = emulator.orgs[1];
		assert.ok(org);
		const code = await requestCode(emulator, org.myDomainUrl);
		assert.equal(code.verification_uri, `${org.myDomainUrl}/setup/connect`);
		assert.equal(code.interval, 2);
	});
});

test('polling is authorization_pending until approved, then tokens once', async () => {
	await withEmulator({}, async (emulator) => {
		const code = await requestCode(emulator);
		await expectOAuthError(await poll(emulator, code.device_code), 'authorization_pending');
		await expectOAuthError(await poll(emulator, code.device_code), 'authorization_pending');
		emulator.approveDevice(code.user_code.toLowerCase(), 1);
		const response = await poll(emulator, code.device_code);
		assert.equal(response.status, 200);
		const tokens = await readJson<TokenResponse>(response);
		const org = emulator.orgs[1];
		assert.ok(org);
		assert.ok(tokens.access_token.startsWith(`${org.orgId15}!`));
		assert.equal(tokens.instance_url, org.myDomainUrl);
		assert.equal(tokens.scope, 'refresh_token api web');
		assert.match(tokens.refresh_token ?? '', /^5Aep861/);
		await expectOAuthError(await poll(emulator, code.device_code), 'invalid_grant');
	});
});

test('a device code that is not known is invalid_grant', async () => {
	await withEmulator({}, async (emulator) => {
		await expectOAuthError(await poll(emulator, 'not-a-code'), 'invalid_grant');
	});
});

test('the user approves on /setup/connect with plain HTML forms', async () => {
	await withEmulator({}, async (emulator) => {
		const code = await requestCode(emulator);
		const org = emulator.orgs[0];
		assert.ok(org);
		const browser = new Browser();
		const connect = await page(
			await browser.get(`${code.verification_uri}?user_code=${code.user_code}`),
		);
		assert.match(connect.html, new RegExp(`value="${code.user_code}"`));
		const login = await page(await browser.submit(connect, {}));
		assert.match(login.html, /name="pw"/);
		const wrong = await page(await browser.submit(login, {username: org.username, pw: 'nope'}));
		assert.match(wrong.html, /Please check your username and password/);
		const allow = await page(
			await browser.submit(wrong, {username: org.username, pw: org.password}),
		);
		assert.match(allow.html, /Allow Access\?/);
		assert.match(allow.html, /Acme Corporation/);
		assert.match(allow.html, /sftoken Demo App/);
		await expectOAuthError(await poll(emulator, code.device_code), 'authorization_pending');
		const done = await page(await browser.submit(allow, {}, {name: 'decision', value: 'allow'}));
		assert.match(done.html, /connected/i);
		const tokens = await readJson<TokenResponse>(await poll(emulator, code.device_code));
		assert.ok(tokens.access_token.startsWith(`${org.orgId15}!`));
	});
});

test('Deny on /setup/connect makes the poll answer access_denied', async () => {
	await withEmulator({}, async (emulator) => {
		const code = await requestCode(emulator);
		const org = emulator.orgs[0];
		assert.ok(org);
		const browser = new Browser();
		const connect = await page(await browser.get(code.verification_uri));
		const login = await page(await browser.submit(connect, {user_code: code.user_code}));
		const allow = await page(
			await browser.submit(login, {username: org.username, pw: org.password}),
		);
		const denied = await page(await browser.submit(allow, {}, {name: 'decision', value: 'deny'}));
		assert.match(denied.html, /denied/i);
		await expectOAuthError(
			await poll(emulator, code.device_code),
			'access_denied',
			'end-user denied authorization',
		);
	});
});

test('a wrong user code is reported on the page', async () => {
	await withEmulator({}, async (emulator) => {
		const browser = new Browser();
		const connect = await page(await browser.get(`${emulator.loginUrl}/setup/connect`));
		const again = await page(await browser.submit(connect, {user_code: 'ZZZZZZZZ'}));
		assert.match(again.html, /invalid or has expired/);
		assert.match(again.html, /name="user_code"/);
	});
});

test('a code requested on a My Domain can only be approved by that org', async () => {
	await withEmulator({}, async (emulator) => {
		const [production, sandbox] = emulator.orgs;
		assert.ok(production && sandbox);
		const code = await requestCode(emulator, sandbox.myDomainUrl);
		assert.throws(() => {
			emulator.approveDevice(code.user_code, 0);
		}, /My Domain/);
		const browser = new Browser();
		const connect = await page(await browser.get(`${emulator.loginUrl}/setup/connect`));
		const login = await page(await browser.submit(connect, {user_code: code.user_code}));
		const refused = await page(
			await browser.submit(login, {username: production.username, pw: production.password}),
		);
		assert.match(refused.html, /Please check your username and password/);
		emulator.approveDevice(code.user_code, 1);
		const response = await poll(emulator, code.device_code, sandbox.myDomainUrl);
		assert.equal(response.status, 200);
		await response.body?.cancel();
	});
});

test('an expired device code is invalid_grant "expired", measured with the injected clock', async () => {
	const clock = manualClock();
	await withEmulator({now: clock.now, deviceCodeLifetimeSeconds: 600}, async (emulator) => {
		const code = await requestCode(emulator);
		clock.advance(599_000);
		await expectOAuthError(await poll(emulator, code.device_code), 'authorization_pending');
		clock.advance(1000);
		await expectOAuthError(await poll(emulator, code.device_code), 'invalid_grant', /expired/);
		assert.throws(() => {
			emulator.approveDevice(code.user_code);
		}, /No pending device request/);
	});
});

test('an expired user code cannot be approved on /setup/connect', async () => {
	const clock = manualClock();
	await withEmulator({now: clock.now, deviceCodeLifetimeSeconds: 60}, async (emulator) => {
		const code = await requestCode(emulator);
		clock.advance(60_000);
		const browser = new Browser();
		const connect = await page(await browser.get(`${emulator.loginUrl}/setup/connect`));
		const again = await page(await browser.submit(connect, {user_code: code.user_code}));
		assert.match(again.html, /invalid or has expired/);
	});
});

test('enforceSlowDown answers slow_down to polls faster than the interval', async () => {
	const clock = manualClock();
	await withEmulator({now: clock.now, enforceSlowDown: true}, async (emulator) => {
		const code = await requestCode(emulator);
		await expectOAuthError(await poll(emulator, code.device_code), 'authorization_pending');
		clock.advance(4999);
		await expectOAuthError(await poll(emulator, code.device_code), 'slow_down');
		clock.advance(5000);
		await expectOAuthError(await poll(emulator, code.device_code), 'authorization_pending');
		emulator.configure({enforceSlowDown: false});
		await expectOAuthError(await poll(emulator, code.device_code), 'authorization_pending');
	});
});

test('device flow disabled on the app: invalid_grant "device flow is not enabled for the app"', async () => {
	await withEmulator({deviceFlowEnabled: false}, async (emulator) => {
		const response = await postForm(`${emulator.loginUrl}/services/oauth2/token`, {
			response_type: 'device_code',
			client_id: emulator.clientId,
		});
		await expectOAuthError(response, 'invalid_grant', 'device flow is not enabled for the app');
		emulator.configure({deviceFlowEnabled: true});
		const code = await requestCode(emulator);
		emulator.configure({deviceFlowEnabled: false});
		await expectOAuthError(
			await poll(emulator, code.device_code),
			'invalid_grant',
			'device flow is not enabled for the app',
		);
	});
});

test('an uninstalled app: invalid_client "app must be installed into org"', async () => {
	await withEmulator({appInstalled: false}, async (emulator) => {
		const response = await postForm(`${emulator.loginUrl}/services/oauth2/token`, {
			response_type: 'device_code',
			client_id: emulator.clientId,
		});
		await expectOAuthError(response, 'invalid_client', 'app must be installed into org');
	});
});

test('a scope the app does not have is invalid_scope', async () => {
	await withEmulator({}, async (emulator) => {
		const response = await postForm(`${emulator.loginUrl}/services/oauth2/token`, {
			response_type: 'device_code',
			client_id: emulator.clientId,
			scope: 'api openid',
		});
		await expectOAuthError(response, 'invalid_scope');
	});
});

test('a browser session skips the login on /setup/connect unless prompt=login', async () => {
	await withEmulator({}, async (emulator) => {
		const org = emulator.orgs[0];
		assert.ok(org);
		const browser = new Browser();
		const home = await page(await browser.get(`${emulator.loginUrl}/`));
		const loggedIn = await page(
			await browser.submit(home, {username: org.username, pw: org.password}),
		);
		assert.match(loggedIn.html, /You are logged in to Acme Corporation/);

		const first = await requestCode(emulator);
		const connect = await page(
			await browser.get(`${emulator.loginUrl}/setup/connect?prompt=login`),
		);
		const forced = await page(await browser.submit(connect, {user_code: first.user_code}));
		assert.match(forced.html, /name="pw"/);

		const second = await requestCode(emulator);
		const plain = await page(await browser.get(`${emulator.loginUrl}/setup/connect`));
		const allow = await page(await browser.submit(plain, {user_code: second.user_code}));
		assert.match(allow.html, /Allow Access\?/);
	});
});
