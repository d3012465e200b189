import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	startEmulator,
	type EmulatorOptions,
	type RunningEmulator,
} from '../../source/emulator/index.js';
import {
	approveInBrowser,
	authorizeUrl,
	Browser,
	callback,
	expectOAuthError,
	manualClock,
	page,
	parseForm,
	pkce,
	postForm,
	readJson,
	type TokenResponse,
} from './helpers.js';

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

function user(emulator: RunningEmulator, index = 0): {username: string; password: string} {
	const org = emulator.orgs[index];
	assert.ok(org);
	return {username: org.username, password: org.password};
}

/** Runs the browser part and returns the code from the redirect. */
async function getCode(
	emulator: RunningEmulator,
	params: Record<string, string>,
	base = emulator.loginUrl,
): Promise<string> {
	const back = await approveInBrowser(
		new Browser(),
		authorizeUrl(base, {
			response_type: 'code',
			client_id: emulator.clientId,
			redirect_uri: callback,
			...params,
		}),
		user(emulator),
	);
	const code = back.searchParams.get('code');
	assert.ok(code);
	return code;
}

async function exchange(
	emulator: RunningEmulator,
	fields: Record<string, string>,
): Promise<Response> {
	return postForm(`${emulator.loginUrl}/services/oauth2/token`, {
		grant_type: 'authorization_code',
		client_id: emulator.clientId,
		redirect_uri: callback,
		...fields,
	});
}

test('a browser drives the HTML forms: authorize, log in, Allow, 302 back with code and state', async () => {
	await withEmulator({}, async (emulator) => {
		const browser = new Browser();
		const {verifier, challenge} = pkce();
		const url = authorizeUrl(emulator.loginUrl, {
			response_type: 'code',
			client_id: emulator.clientId,
			redirect_uri: callback,
			state: 'a1b2c3d4e5f6',
			scope: 'refresh_token api web',
			prompt: 'login',
			code_challenge: challenge,
		});
		const login = await page(await browser.get(url));
		const loginForm = parseForm(login.html, login.url);
		assert.equal(loginForm.action, `${emulator.loginUrl}/`);
		assert.deepEqual(Object.keys(loginForm.fields).sort(), ['pw', 'request', 'username']);

		const org = emulator.orgs[1];
		assert.ok(org);
		const afterLogin = await browser.post(loginForm.action, {
			...loginForm.fields,
			username: org.username,
			pw: org.password,
		});
		assert.match(
			afterLogin.headers.getSetCookie().join('\n'),
			/^sid_\d+=[\w-]+; Path=\/; HttpOnly/,
		);
		const allow = await page(afterLogin);
		assert.match(allow.html, /Acme Corporation \(UAT sandbox\)/);
		const allowForm = parseForm(allow.html, allow.url);
		assert.deepEqual(allowForm.buttons.map((button) => button.value).sort(), ['allow', 'deny']);

		const redirect = await browser.post(allowForm.action, {...allowForm.fields, decision: 'allow'});
		assert.equal(redirect.status, 302);
		const location = new URL(redirect.headers.get('location') ?? '');
		assert.equal(`${location.origin}${location.pathname}`, callback);
		assert.equal(location.searchParams.get('state'), 'a1b2c3d4e5f6');
		const code = location.searchParams.get('code');
		assert.ok(code);
		assert.ok(code.endsWith('=='));
		assert.match(redirect.headers.get('location') ?? '', /%3D%3D/);

		const response = await exchange(emulator, {code, code_verifier: verifier});
		assert.equal(response.status, 200);
		const tokens = await readJson<TokenResponse>(response);
		assert.ok(tokens.access_token.startsWith(`${org.orgId15}!`));
		assert.equal(tokens.id, `${emulator.loginUrl}/id/${org.orgId}/${org.userId}`);
	});
});

test('the token response has the documented shape and no expires_in', async () => {
	await withEmulator({}, async (emulator) => {
		const {verifier, challenge} = pkce();
		const code = await getCode(emulator, {code_challenge: challenge, scope: 'api refresh_token'});
		const tokens = await readJson<TokenResponse & Record<string, unknown>>(
			await exchange(emulator, {code, code_verifier: verifier}),
		);
		assert.deepEqual(Object.keys(tokens), [
			'access_token',
			'refresh_token',
			'signature',
			'scope',
			'instance_url',
			'id',
			'token_type',
			'issued_at',
		]);
		assert.match(tokens.access_token, /^00D\w{12}![\w.]{96}$/);
		assert.equal(tokens.access_token.length, 112);
		assert.equal(tokens.token_type, 'Bearer');
		assert.match(tokens.issued_at, /^\d{13}$/);
		assert.equal(tokens.signature.length, 44);
		const {createHmac} = await import('node:crypto');
		const expected = createHmac('sha256', emulator.clientSecret)
			.update(tokens.id + tokens.issued_at)
			.digest('base64');
		assert.equal(tokens.signature, expected);
		assert.equal(tokens.scope, 'api refresh_token');
	});
});

test('without the refresh_token scope there is no refresh token', async () => {
	await withEmulator({}, async (emulator) => {
		const {verifier, challenge} = pkce();
		const code = await getCode(emulator, {code_challenge: challenge, scope: 'api full'});
		const tokens = await readJson<TokenResponse>(
			await exchange(emulator, {code, code_verifier: verifier}),
		);
		assert.equal(tokens.refresh_token, undefined);
		assert.equal(tokens.scope, 'api full');
	});
});

test('PKCE: absent method is S256, a 171-character verifier is accepted', async () => {
	await withEmulator({}, async (emulator) => {
		const {verifier, challenge} = pkce(128);
		assert.equal(verifier.length, 171);
		const code = await getCode(emulator, {code_challenge: challenge});
		const response = await exchange(emulator, {code, code_verifier: verifier});
		assert.equal(response.status, 200);
		await response.body?.cancel();
		const explicit = pkce(32);
		const second = await getCode(emulator, {
			code_challenge: explicit.challenge,
			code_challenge_method: 'S256',
		});
		const ok = await exchange(emulator, {code: second, code_verifier: explicit.verifier});
		assert.equal(ok.status, 200);
		await ok.body?.cancel();
	});
});

test('PKCE: a wrong verifier is invalid_request, a missing one invalid_grant; the code survives both', async () => {
	await withEmulator({}, async (emulator) => {
		const {verifier, challenge} = pkce();
		const code = await getCode(emulator, {code_challenge: challenge});
		await expectOAuthError(await exchange(emulator, {code}), 'invalid_grant');
		await expectOAuthError(
			await exchange(emulator, {code, code_verifier: pkce().verifier}),
			'invalid_request',
		);
		const response = await exchange(emulator, {code, code_verifier: verifier});
		assert.equal(response.status, 200);
		await response.body?.cancel();
	});
});

test('codes are single use: the second exchange is invalid_grant "invalid authorization code"', async () => {
	await withEmulator({}, async (emulator) => {
		const {verifier, challenge} = pkce();
		const code = await getCode(emulator, {code_challenge: challenge});
		const first = await exchange(emulator, {code, code_verifier: verifier});
		assert.equal(first.status, 200);
		await first.body?.cancel();
		await expectOAuthError(
			await exchange(emulator, {code, code_verifier: verifier}),
			'invalid_grant',
			'invalid authorization code',
		);
	});
});

test('codes expire after 15 minutes on the injected clock', async () => {
	const clock = manualClock();
	await withEmulator({now: clock.now}, async (emulator) => {
		const {verifier, challenge} = pkce();
		const code = await getCode(emulator, {code_challenge: challenge});
		clock.advance(15 * 60 * 1000);
		await expectOAuthError(
			await exchange(emulator, {code, code_verifier: verifier}),
			'invalid_grant',
			/expired/,
		);
	});
});

test('the redirect_uri of the exchange must equal the authorize one', async () => {
	await withEmulator({}, async (emulator) => {
		const {verifier, challenge} = pkce();
		const code = await getCode(emulator, {code_challenge: challenge});
		await expectOAuthError(
			await exchange(emulator, {
				code,
				code_verifier: verifier,
				redirect_uri: 'http://127.0.0.1:1717/OauthRedirect',
			}),
			'redirect_uri_mismatch',
		);
	});
});

test('without PKCE a client must send its secret', async () => {
	await withEmulator({}, async (emulator) => {
		const code = await getCode(emulator, {});
		await expectOAuthError(
			await exchange(emulator, {code}),
			'invalid_client',
			'invalid client credentials',
		);
		const response = await exchange(emulator, {code, client_secret: emulator.clientSecret});
		assert.equal(response.status, 200);
		await response.body?.cancel();
	});
});

test('authorize: unknown client and unregistered redirect_uri land on the error page, never the client', async () => {
	await withEmulator({}, async (emulator) => {
		const base = {response_type: 'code', client_id: emulator.clientId, redirect_uri: callback};
		for (const [params, error] of [
			[{...base, client_id: 'nobody'}, 'invalid_client_id'],
			[{...base, redirect_uri: 'http://localhost:9999/evil'}, 'redirect_uri_mismatch'],
		] as const) {
			const response = await fetch(authorizeUrl(emulator.loginUrl, params), {redirect: 'manual'});
			assert.equal(response.status, 302);
			const location = new URL(response.headers.get('location') ?? '');
			assert.equal(location.origin, emulator.loginUrl);
			assert.equal(location.pathname, '/setup/secur/RemoteAccessErrorPage.apexp');
			assert.equal(location.searchParams.get('error'), error);
			const errorPage = await page(await fetch(location));
			assert.match(errorPage.html, new RegExp(error));
		}
	});
});

test('authorize: errors after the redirect_uri is trusted go back to it with state', async () => {
	await withEmulator({}, async (emulator) => {
		const base = {
			response_type: 'code',
			client_id: emulator.clientId,
			redirect_uri: callback,
			state: 's1',
		};
		for (const [params, error] of [
			[{...base, response_type: 'token'}, 'unsupported_response_type'],
			[{...base, scope: 'api openid'}, 'invalid_scope'],
			[{...base, code_challenge: 'x', code_challenge_method: 'S512'}, 'invalid_request'],
		] as const) {
			const response = await fetch(authorizeUrl(emulator.loginUrl, params), {redirect: 'manual'});
			assert.equal(response.status, 302);
			const location = new URL(response.headers.get('location') ?? '');
			assert.ok(location.toString().startsWith(`${callback}?`));
			assert.equal(location.searchParams.get('error'), error);
			assert.equal(location.searchParams.get('state'), 's1');
		}
	});
});

test('Deny redirects with access_denied, the description and state', async () => {
	await withEmulator({}, async (emulator) => {
		const back = await approveInBrowser(
			new Browser(),
			authorizeUrl(emulator.loginUrl, {
				response_type: 'code',
				client_id: emulator.clientId,
				redirect_uri: callback,
				state: 'xyz',
			}),
			user(emulator),
			'deny',
		);
		assert.equal(back.searchParams.get('error'), 'access_denied');
		assert.equal(back.searchParams.get('error_description'), 'end-user denied authorization');
		assert.equal(back.searchParams.get('state'), 'xyz');
		assert.equal(back.searchParams.get('code'), null);
	});
});

test('a browser session skips the login page, which is why prompt=login matters', async () => {
	await withEmulator({}, async (emulator) => {
		const browser = new Browser();
		const params = {response_type: 'code', client_id: emulator.clientId, redirect_uri: callback};
		await approveInBrowser(browser, authorizeUrl(emulator.loginUrl, params), user(emulator, 0));
		// Same browser, no prompt: straight to Allow, for the org the browser is logged in to.
		const silent = await page(await browser.get(authorizeUrl(emulator.loginUrl, params)));
		assert.match(silent.html, /Allow Access\?/);
		assert.match(silent.html, /Acme Corporation</);
		const forced = await page(
			await browser.get(authorizeUrl(emulator.loginUrl, {...params, prompt: 'login'})),
		);
		assert.match(forced.html, /name="pw"/);
		// Logging in to the other org through the forced prompt approves THAT org.
		const allow = await page(
			await browser.submit(forced, {
				username: user(emulator, 1).username,
				pw: user(emulator, 1).password,
			}),
		);
		assert.match(allow.html, /UAT sandbox/);
	});
});

test('the session cookie expires after the session timeout of inactivity', async () => {
	const clock = manualClock();
	await withEmulator({now: clock.now, sessionTimeoutSeconds: 60}, async (emulator) => {
		const browser = new Browser();
		const params = {response_type: 'code', client_id: emulator.clientId, redirect_uri: callback};
		await approveInBrowser(browser, authorizeUrl(emulator.loginUrl, params), user(emulator));
		clock.advance(60_000);
		const again = await page(await browser.get(authorizeUrl(emulator.loginUrl, params)));
		assert.match(again.html, /name="pw"/);
	});
});

test('on a My Domain only that org users can log in', async () => {
	await withEmulator({}, async (emulator) => {
		const [production, sandbox] = emulator.orgs;
		assert.ok(production && sandbox);
		const browser = new Browser();
		const url = authorizeUrl(sandbox.myDomainUrl, {
			response_type: 'code',
			client_id: emulator.clientId,
			redirect_uri: callback,
		});
		const login = await page(await browser.get(url));
		assert.match(login.html, /UAT sandbox\) · My Domain/);
		const refused = await page(
			await browser.submit(login, {username: production.username, pw: production.password}),
		);
		assert.match(refused.html, /Please check your username and password/);
		const allow = await page(
			await browser.submit(refused, {username: sandbox.username, pw: sandbox.password}),
		);
		assert.match(allow.html, /Allow Access\?/);
	});
});

test('a code of one org is not redeemed on another org My Domain', async () => {
	await withEmulator({}, async (emulator) => {
		const {verifier, challenge} = pkce();
		const code = await getCode(emulator, {code_challenge: challenge});
		const sandbox = emulator.orgs[1];
		assert.ok(sandbox);
		const response = await postForm(`${sandbox.myDomainUrl}/services/oauth2/token`, {
			grant_type: 'authorization_code',
			client_id: emulator.clientId,
			redirect_uri: callback,
			code,
			code_verifier: verifier,
		});
		await expectOAuthError(response, 'invalid_grant', 'invalid authorization code');
	});
});

test('an uninstalled app: after login the browser lands on the RemoteAccessErrorPage', async () => {
	await withEmulator({appInstalled: false}, async (emulator) => {
		const browser = new Browser();
		const url = authorizeUrl(emulator.loginUrl, {
			response_type: 'code',
			client_id: emulator.clientId,
			redirect_uri: callback,
		});
		const login = await page(await browser.get(url));
		const response = await browser.submit(login, {
			username: user(emulator).username,
			pw: user(emulator).password,
		});
		assert.equal(response.status, 302);
		const location = new URL(response.headers.get('location') ?? '');
		assert.equal(location.pathname, '/setup/secur/RemoteAccessErrorPage.apexp');
		assert.equal(location.searchParams.get('error'), 'invalid_client');
		assert.equal(location.searchParams.get('error_description'), 'app must be installed into org');
	});
});

test('the Allow form only works from the browser session that saw it', async () => {
	await withEmulator({}, async (emulator) => {
		const browser = new Browser();
		const url = authorizeUrl(emulator.loginUrl, {
			response_type: 'code',
			client_id: emulator.clientId,
			redirect_uri: callback,
		});
		const login = await page(await browser.get(url));
		const allow = await page(
			await browser.submit(login, {username: user(emulator).username, pw: user(emulator).password}),
		);
		const stranger = new Browser();
		const form = parseForm(allow.html, allow.url);
		const refused = await stranger.post(form.action, {...form.fields, decision: 'allow'});
		assert.equal(refused.status, 400);
		await refused.body?.cancel();
	});
});

test('everything put into the HTML is escaped', async () => {
	await withEmulator({}, async (emulator) => {
		const response = await fetch(
			`${emulator.loginUrl}/setup/secur/RemoteAccessErrorPage.apexp?error=%3Cscript%3E&error_description=%22%3E%3Cimg%3E`,
		);
		const html = await response.text();
		assert.doesNotMatch(html, /<script>|<img>/);
		assert.match(html, /&lt;script&gt;/);
		const connect = await (
			await fetch(`${emulator.loginUrl}/setup/connect?user_code=%22%3E%3Cb%3E`)
		).text();
		assert.match(connect, /value="&quot;&gt;&lt;b&gt;"/);
	});
});
