// "Done when": a client written only from Salesforce's documentation works against the emulator
// unchanged. Everything below the `user` helpers is such a client: plain fetch, the documented
// endpoints, parameters and response fields — nothing of sftoken but startEmulator. The browser
// (helpers.ts) plays the user, who reads the pages and fills in the forms.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {createHash, randomBytes} from 'node:crypto';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {Browser, page} from './helpers.js';

let emulator: RunningEmulator;

before(async () => {
	// interval 0: the client honours `interval` between polls without making the test slow.
	emulator = await startEmulator({pollIntervalSeconds: 0});
});
after(async () => emulator.close());

// ---- The documented client -------------------------------------------------------------------

type Tokens = {
	access_token: string;
	refresh_token?: string;
	instance_url: string;
	id: string;
	token_type: string;
	issued_at: string;
	scope: string;
	signature: string;
};

const redirectUri = 'http://localhost:1717/OauthRedirect';

async function postToken(loginUrl: string, fields: Record<string, string>): Promise<Response> {
	return fetch(`${loginUrl}/services/oauth2/token`, {
		method: 'POST',
		headers: {'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json'},
		body: new URLSearchParams(fields),
	});
}

async function tokensFrom(response: Response): Promise<Tokens> {
	const body = (await response.json()) as Tokens & {error?: string; error_description?: string};
	assert.equal(response.status, 200, `token endpoint: ${body.error}: ${body.error_description}`);
	return body;
}

function startWebLogin(loginUrl: string, clientId: string) {
	const verifier = randomBytes(128).toString('base64url');
	const state = randomBytes(6).toString('hex');
	const url = new URL('/services/oauth2/authorize', loginUrl);
	url.search = new URLSearchParams({
		response_type: 'code',
		client_id: clientId,
		redirect_uri: redirectUri,
		scope: 'refresh_token api web',
		prompt: 'login',
		state,
		code_challenge: createHash('sha256').update(verifier).digest('base64url'),
	}).toString();
	return {url: url.toString(), verifier, state};
}

/** The user pastes the URL the browser was sent to; the client checks state and redeems the code. */
async function finishWebLogin(
	loginUrl: string,
	clientId: string,
	login: {verifier: string; state: string},
	pastedUrl: string,
): Promise<Tokens> {
	const params = new URL(pastedUrl).searchParams;
	assert.equal(params.get('error'), null, params.get('error_description') ?? '');
	assert.equal(params.get('state'), login.state);
	return tokensFrom(
		await postToken(loginUrl, {
			grant_type: 'authorization_code',
			code: params.get('code') ?? '',
			client_id: clientId,
			redirect_uri: redirectUri,
			code_verifier: login.verifier,
		}),
	);
}

async function deviceLogin(
	loginUrl: string,
	clientId: string,
	showUser: (verificationUri: string, userCode: string) => Promise<void>,
): Promise<Tokens> {
	const started = (await (
		await postToken(loginUrl, {
			response_type: 'device_code',
			client_id: clientId,
			scope: 'refresh_token api',
		})
	).json()) as {device_code: string; user_code: string; verification_uri: string; interval: number};
	let userShown = false;
	for (;;) {
		const response = await postToken(loginUrl, {
			grant_type: 'device',
			client_id: clientId,
			code: started.device_code,
		});
		if (response.status === 200) return tokensFrom(response);
		const error = (await response.json()) as {error: string; error_description: string};
		assert.equal(error.error, 'authorization_pending', error.error_description);
		if (!userShown) {
			userShown = true;
			await showUser(started.verification_uri, started.user_code);
		}
		await new Promise((resolve) => setTimeout(resolve, started.interval * 1000));
	}
}

async function api(tokens: Tokens, path: string): Promise<Response> {
	return fetch(new URL(path, tokens.instance_url), {
		headers: {Authorization: `Bearer ${tokens.access_token}`, Accept: 'application/json'},
	});
}

async function latestVersionUrl(instanceUrl: string): Promise<string> {
	const versions = (await (await fetch(`${instanceUrl}/services/data/`)).json()) as Array<{
		url: string;
	}>;
	const newest = versions.at(-1);
	assert.ok(newest);
	return newest.url;
}

async function queryAll(
	tokens: Tokens,
	soql: string,
): Promise<{totalSize: number; records: unknown[]; batches: number}> {
	const base = await latestVersionUrl(tokens.instance_url);
	let response = await api(tokens, `${base}/query?q=${encodeURIComponent(soql)}`);
	const records: unknown[] = [];
	let batches = 0;
	for (;;) {
		assert.equal(response.status, 200);
		const page = (await response.json()) as {
			totalSize: number;
			done: boolean;
			nextRecordsUrl?: string;
			records: unknown[];
		};
		records.push(...page.records);
		batches++;
		if (page.done) return {totalSize: page.totalSize, records, batches};
		assert.ok(page.nextRecordsUrl);
		response = await api(tokens, page.nextRecordsUrl);
	}
}

// ---- The user's side: a browser reading the pages --------------------------------------------

async function userApprovesInBrowser(
	url: string,
	username: string,
	password: string,
): Promise<string> {
	const browser = new Browser();
	const login = await page(await browser.get(url));
	const allow = await page(await browser.submit(login, {username, pw: password}));
	const back = await browser.submit(allow, {}, {name: 'decision', value: 'allow'});
	assert.equal(back.status, 302);
	return back.headers.get('location') ?? '';
}

async function userEntersCode(
	verificationUri: string,
	userCode: string,
	username: string,
	password: string,
) {
	const browser = new Browser();
	const connect = await page(await browser.get(`${verificationUri}?user_code=${userCode}`));
	const login = await page(await browser.submit(connect, {}));
	const allow = await page(await browser.submit(login, {username, pw: password}));
	const done = await browser.submit(allow, {}, {name: 'decision', value: 'allow'});
	assert.equal(done.status, 200);
	await done.body?.cancel();
}

// ---- The walk ----------------------------------------------------------------------------------

test('web server flow with PKCE, identity, paged query, Apex REST, refresh and revoke', async () => {
	const org = emulator.orgs[0];
	assert.ok(org);
	const login = startWebLogin(emulator.loginUrl, emulator.clientId);
	const pasted = await userApprovesInBrowser(login.url, org.username, org.password);
	const tokens = await finishWebLogin(emulator.loginUrl, emulator.clientId, login, pasted);
	assert.equal(tokens.instance_url, org.myDomainUrl);
	assert.equal(tokens.access_token.split('!')[0], tokens.id.split('/').at(-2)?.slice(0, 15));

	const identity = (await (
		await fetch(tokens.id, {headers: {Authorization: `Bearer ${tokens.access_token}`}})
	).json()) as {
		username: string;
		organization_id: string;
	};
	assert.equal(identity.username, org.username);
	assert.equal(identity.organization_id, org.orgId);

	const accounts = await queryAll(tokens, 'SELECT Id, Name FROM Account');
	assert.equal(accounts.records.length, accounts.totalSize);
	assert.equal(accounts.totalSize, 2500);
	assert.ok(accounts.batches >= 2, 'more than one batch: nextRecordsUrl was followed');

	// The org's Apex REST class (urlMapping '/Contacts/*') answers a list of Contacts.
	const apex = await api(tokens, '/services/apexrest/Contacts?limit=5');
	assert.equal(apex.status, 200);
	assert.match(apex.headers.get('sforce-limit-info') ?? '', /^api-usage=\d+\/15000$/);
	const contacts = (await apex.json()) as Array<{Id: string}>;
	assert.equal(contacts.length, 5);
	assert.match(contacts[0]?.Id ?? '', /^003/);

	const refreshed = await tokensFrom(
		await postToken(emulator.loginUrl, {
			grant_type: 'refresh_token',
			refresh_token: tokens.refresh_token ?? '',
			client_id: emulator.clientId,
		}),
	);
	const limits = await api(refreshed, `${await latestVersionUrl(refreshed.instance_url)}/limits`);
	assert.equal(limits.status, 200);
	await limits.body?.cancel();

	const revoked = await fetch(`${emulator.loginUrl}/services/oauth2/revoke`, {
		method: 'POST',
		headers: {'Content-Type': 'application/x-www-form-urlencoded'},
		body: new URLSearchParams({token: tokens.refresh_token ?? ''}),
	});
	assert.equal(revoked.status, 200);
	const dead = await api(refreshed, '/services/apexrest/Contacts');
	assert.equal(dead.status, 401);
	const [error] = (await dead.json()) as Array<{errorCode: string}>;
	assert.equal(error?.errorCode, 'INVALID_SESSION_ID');
});

test('device flow through /setup/connect, then a query', async () => {
	const org = emulator.orgs[1];
	assert.ok(org);
	const tokens = await deviceLogin(emulator.loginUrl, emulator.clientId, async (uri, code) =>
		userEntersCode(uri, code, org.username, org.password),
	);
	assert.equal(tokens.instance_url, org.myDomainUrl);
	const contacts = await queryAll(tokens, 'SELECT Id FROM Contact LIMIT 10');
	assert.equal(contacts.records.length, 10);
});
