// The whole headless walk against the emulator, error paths included, with every byte the app
// writes captured — stdout, stderr and every file of the config directory except secrets.json —
// then grepped for every secret it handled: access and refresh tokens (each one issued, before and
// after a refresh), the client secret, the PKCE verifier and the user's password, raw, URL-encoded
// and base64. `sftoken token` prints the token on purpose: exactly that stdout is left out.
import assert from 'node:assert/strict';
import http from 'node:http';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import {test} from 'node:test';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {createLoginCommand} from '../../source/headless/login.js';
import {logoutCommand} from '../../source/headless/logout.js';
import {orgsCommand} from '../../source/headless/orgs.js';
import {tokenCommand} from '../../source/headless/token.js';
import {sendRestRequest} from '../../source/salesforce/rest.js';
import {noWait, runCommand, temporaryDirectory, testEnv, withEmulator} from '../auth/helpers.js';
import {approveInBrowser, Browser} from '../emulator/helpers.js';
import {startLocalServer} from '../salesforce/local-server.js';

const login = createLoginCommand({sleep: noWait});

/** A loopback pass-through in front of the emulator's login host that keeps every request body. */
async function recordingFront(target: string) {
	const bodies: string[] = [];
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const body = Buffer.concat(chunks);
			bodies.push(body.toString('utf8'));
			const upstream = http.request(
				new URL(request.url ?? '/', target),
				{method: request.method, headers: {...request.headers, host: new URL(target).host}},
				(answer) => {
					response.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(response);
				},
			);
			upstream.end(body);
		});
	});
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		bodies,
		async close() {
			server.closeAllConnections();
			await new Promise<void>((resolve) => {
				server.close(() => {
					resolve();
				});
			});
		},
	};
}

type Secrets = Set<string>;

/** Reads every token the secrets file holds now (it is the one file allowed to hold them). */
function collectTokens(directory: string, into: Secrets): void {
	const file = path.join(directory, 'secrets.json');
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch {
		return;
	}

	const visit = (value: unknown) => {
		if (typeof value === 'string' && value.length >= 20) into.add(value);
		else if (typeof value === 'object' && value !== null) Object.values(value).forEach(visit);
	};

	visit(JSON.parse(text) as unknown);
}

function forms(secret: string): string[] {
	return [
		secret,
		encodeURIComponent(secret),
		new URLSearchParams({s: secret}).toString().slice(2),
		Buffer.from(secret).toString('base64'),
		Buffer.from(secret).toString('base64url'),
	];
}

function readConfigFiles(directory: string): Array<[string, string]> {
	const files: Array<[string, string]> = [];
	const walk = (folder: string) => {
		for (const name of readdirSync(folder)) {
			const full = path.join(folder, name);
			if (statSync(full).isDirectory()) walk(full);
			else if (name !== 'secrets.json') files.push([full, readFileSync(full, 'latin1')]);
		}
	};

	walk(directory);
	return files;
}

function approveWhenShown(emulator: RunningEmulator, orgIndex: number) {
	let approved = false;
	return (_text: string, all: string) => {
		const code = /Code: ([A-Z\d]{8})/u.exec(all)?.[1];
		if (code === undefined || approved) return;
		approved = true;
		emulator.approveDevice(code, orgIndex);
	};
}

void test('no secret in any byte written by the whole walk, error paths included', async (t) => {
	const directory = temporaryDirectory(t);
	const env = testEnv(directory);
	const written: Array<[string, string]> = [];
	const secrets: Secrets = new Set();
	const keep = (label: string, text: string) => {
		written.push([label, text]);
	};

	await withEmulator({refreshTokenRotation: true, orgs: 2}, async (emulator) => {
		const [org, other] = emulator.orgs;
		assert.ok(org && other);
		secrets.add(emulator.clientSecret).add(org.password).add(other.password);
		const base = ['--domain', emulator.loginUrl, '--client-id', emulator.clientId];

		// Device login, plain to the first org and JSON to the second.
		for (const [orgIndex, extra] of [
			[0, []],
			[1, ['--json', '--alias', 'second']],
		] as const) {
			const approve = approveWhenShown(emulator, orgIndex);
			const run = await runCommand(login, ['--device', ...base, ...extra], {
				env,
				onStdout: approve,
				onStderr: approve,
			});
			assert.equal(run.code, 0, run.stderr);
			keep(`login --device ${extra.join(' ')} stdout`, run.stdout);
			keep(`login --device ${extra.join(' ')} stderr`, run.stderr);
			collectTokens(directory, secrets);
		}

		// Browser login with PKCE through a recording front, so the verifier sent is known.
		// The front stays up: the org remembers it as its login host (refresh, revoke go there).
		const front = await recordingFront(emulator.loginUrl);
		t.after(async () => front.close());
		{
			const stdin = new PassThrough();
			let started = false;
			const web = await runCommand(
				login,
				['--web', '--no-browser', '--domain', front.url, '--client-id', emulator.clientId],
				{
					env,
					stdin,
					onStdout(_text, all) {
						const url = /^(http:\/\/\S+\/services\/oauth2\/authorize\?\S+)$/mu.exec(all)?.[1];
						if (url === undefined || started) return;
						started = true;
						void approveInBrowser(new Browser(), url, org).then((back) => {
							stdin.write(`${back.href}\n`);
						});
					},
				},
			);
			assert.equal(web.code, 0, web.stderr);
			keep('login --web stdout', web.stdout);
			keep('login --web stderr', web.stderr);
			const verifier = front.bodies
				.map((body) => new URLSearchParams(body).get('code_verifier'))
				.find((value) => value !== null);
			assert.ok(verifier, 'the token exchange carried a PKCE verifier');
			secrets.add(verifier);
			const code = front.bodies
				.map((body) => new URLSearchParams(body).get('code'))
				.find((value) => value !== null);
			assert.ok(code);
			secrets.add(code);
			collectTokens(directory, secrets);
		}

		// token prints the token on purpose: its stdout is the one thing not grepped.
		const token = await runCommand(tokenCommand, [], {env});
		assert.equal(token.code, 0, token.stderr);
		keep('token stderr', token.stderr);
		const accessToken = token.stdout.trim();
		secrets.add(accessToken);
		const tokenJson = await runCommand(tokenCommand, ['--json', '--org', 'second'], {env});
		keep('token --json stderr', tokenJson.stderr);

		// A request with the token, and one with a bad token: what the user would be shown.
		const instanceUrl = org.myDomainUrl;
		const good = await sendRestRequest({
			instanceUrl,
			accessToken,
			method: 'GET',
			path: '/services/data/v62.0/limits',
		});
		assert.ok(good.ok && good.value.status === 200, JSON.stringify(good).slice(0, 300));
		const bad = await sendRestRequest({
			instanceUrl,
			accessToken: `${accessToken.slice(0, -4)}XXXX`,
			method: 'GET',
			path: '/services/data/v62.0/limits',
		});
		assert.ok(bad.ok && bad.value.status === 401);
		keep('bad token response', bad.value.body + JSON.stringify(bad.value.headers));

		// The session ends: token refreshes (rotation issues a new refresh token) and says so.
		emulator.expireSessions();
		const refreshed = await runCommand(tokenCommand, [], {env});
		assert.equal(refreshed.code, 0, refreshed.stderr);
		assert.notEqual(refreshed.stdout.trim(), accessToken);
		keep('token after expiry stderr', refreshed.stderr);
		secrets.add(refreshed.stdout.trim());
		collectTokens(directory, secrets);

		const orgs = await runCommand(orgsCommand, ['--json'], {env});
		keep('orgs stdout', orgs.stdout);
		keep('orgs stderr', orgs.stderr);

		// Error paths: device flow disabled, a wrong client id, the network refused, a refresh
		// the org refuses, logging out twice, an unknown org.
		emulator.configure({deviceFlowEnabled: false});
		const disabled = await runCommand(login, ['--device', ...base, '--json'], {env});
		assert.equal(disabled.code, 1);
		keep('login device disabled', disabled.stdout + disabled.stderr);
		emulator.configure({deviceFlowEnabled: true});
		const wrongClient = await runCommand(
			login,
			['--device', '--domain', emulator.loginUrl, '--client-id', 'WrongClient123'],
			{env},
		);
		assert.equal(wrongClient.code, 1);
		keep('login wrong client id', wrongClient.stdout + wrongClient.stderr);
		const closed = await startLocalServer(() => undefined);
		await closed.close();
		const refused = await runCommand(
			login,
			['--device', '--domain', closed.url, '--client-id', emulator.clientId],
			{env},
		);
		assert.equal(refused.code, 1);
		assert.match(refused.stderr, /refused/u);
		keep('login refused', refused.stdout + refused.stderr);
		emulator.setFaults([{path: '/services/oauth2/token', fault: 'status-500'}]);
		emulator.expireSessions();
		const failedRefresh = await runCommand(tokenCommand, ['--json'], {env});
		assert.equal(failedRefresh.code, 1, failedRefresh.stdout);
		keep('token refresh failing', failedRefresh.stdout + failedRefresh.stderr);
		emulator.setFaults([]);

		const logout = await runCommand(logoutCommand, ['--org', 'second', '--json'], {env});
		assert.equal(logout.code, 0, logout.stderr);
		keep('logout second', logout.stdout + logout.stderr);
		const again = await runCommand(logoutCommand, ['--org', 'second'], {env});
		assert.equal(again.code, 1);
		keep('logout second again', again.stdout + again.stderr);

		const unknown = await runCommand(tokenCommand, ['--org', 'nobody'], {env});
		assert.equal(unknown.code, 1);
		keep('token unknown org', unknown.stdout + unknown.stderr);
		const last = await runCommand(logoutCommand, [], {env});
		assert.equal(last.code, 0, last.stderr);
		keep('logout', last.stdout + last.stderr);
	});

	for (const [file, text] of readConfigFiles(directory)) keep(file, text);
	// Sanity: the walk saw refresh tokens, rotated ones, a verifier and the password.
	assert.ok(secrets.size >= 8, `only ${secrets.size} secrets collected`);
	for (const [label, text] of written) {
		for (const secret of secrets) {
			for (const form of forms(secret)) {
				assert.ok(!text.includes(form), `${label} holds a secret (${secret.slice(0, 6)}…)`);
			}
		}
	}
});
