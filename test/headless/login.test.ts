import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import {createLoginCommand, loginCommand} from '../../source/headless/login.js';
import {openAuthContext} from '../../source/auth/context.js';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {secretAccount} from '../../source/store/orgs.js';
import {approveInBrowser, Browser, page} from '../emulator/helpers.js';
import {noWait, runCommand, temporaryDirectory, testEnv, withEmulator} from '../auth/helpers.js';

/** Approves the code the moment the command prints it (before the first poll). */
function approveWhenShown(emulator: RunningEmulator, orgIndex = 0) {
	let approved = false;
	return (_text: string, all: string) => {
		const code = /Code: ([A-Z\d]{8})/u.exec(all)?.[1];
		if (code === undefined || approved) return;
		approved = true;
		emulator.approveDevice(code, orgIndex);
	};
}

const device = createLoginCommand({sleep: noWait});

test('sftoken login --device --json: code, URL and QR on stderr, one JSON object on stdout, tokens only in the 0600 file', async (t) => {
	const directory = temporaryDirectory(t);
	await withEmulator({}, async (emulator) => {
		const org = emulator.orgs[0];
		assert.ok(org);
		const result = await runCommand(
			device,
			['--device', '--domain', emulator.loginUrl, '--client-id', emulator.clientId, '--json'],
			{env: testEnv(directory), onStderr: approveWhenShown(emulator)},
		);
		assert.equal(result.code, 0, result.stderr);
		assert.equal(result.stdout.split('\n').length, 2, 'exactly one line');
		const json = JSON.parse(result.stdout) as Record<string, unknown>;
		assert.equal(json['ok'], true);
		assert.equal(json['alias'], org.username);
		assert.equal(json['orgId'], org.orgId);
		assert.equal(json['loginMethod'], 'device');
		assert.match(String(json['accessTokenMasked']), new RegExp(`^${org.orgId15}!…[\\w.]{4}$`, 'u'));
		assert.match(result.stderr, new RegExp(`open ${emulator.loginUrl}/setup/connect`, 'u'));
		assert.match(result.stderr, /[▀▄█]/u, 'a QR code');
		assert.match(result.stderr, /Only enter this code if you started this login yourself/u);
		assert.match(result.stderr, /about 10 minutes \(Salesforce does not say; assumed\)/u);
		assert.match(
			result.stderr,
			/No OS keychain found|SFTOKEN_SECRETS=file; tokens are stored in .*secrets\.json/u,
		);

		const opened = await openAuthContext({env: testEnv(directory)});
		assert.ok(opened.ok);
		const saved = opened.value.orgs.get();
		assert.ok(saved);
		const tokens = await opened.value.secrets.read(secretAccount(saved));
		assert.ok(tokens?.refreshToken);
		assert.ok(
			!result.stdout.includes(tokens.accessToken) && !result.stderr.includes(tokens.accessToken),
		);
		assert.equal(statSync(path.join(directory, 'secrets.json')).mode & 0o777, 0o600);
		const config = readFileSync(path.join(directory, 'config.json'), 'utf8');
		assert.ok(!config.includes(tokens.accessToken));
		assert.ok(!config.includes(tokens.refreshToken));
	});
});

test('the client id is remembered for the login host; plain output shows the code on stdout', async (t) => {
	const directory = temporaryDirectory(t);
	await withEmulator({}, async (emulator) => {
		const first = await runCommand(
			device,
			['--device', '--domain', emulator.loginUrl, '--client-id', emulator.clientId],
			{env: testEnv(directory), onStdout: approveWhenShown(emulator)},
		);
		assert.equal(first.code, 0, first.stderr);
		const second = await runCommand(
			device,
			['--device', '--domain', emulator.loginUrl, '--alias', 'uat'],
			{
				env: testEnv(directory),
				onStdout: approveWhenShown(emulator, 1),
			},
		);
		assert.equal(second.code, 0, second.stderr);
		assert.match(second.stdout, /Code: [A-Z\d]{8}/u);
		assert.match(
			second.stdout,
			/Logged in as .* saved as “uat”\.\nGet a token with: sftoken token --org uat\n$/u,
		);
		assert.doesNotMatch(
			second.stderr,
			/tokens are stored in/u,
			'the file was announced once, the first time',
		);
	});
});

test('denied: exit 1 and one line on stderr saying what happened and what to do', async (t) => {
	const directory = temporaryDirectory(t);
	await withEmulator({}, async (emulator) => {
		const org = emulator.orgs[0];
		assert.ok(org);
		let url = '';
		const deny = createLoginCommand({
			async sleep() {
				const browser = new Browser();
				const connect = await page(await browser.get(url));
				const login = await page(await browser.submit(connect, {}));
				const allow = await page(
					await browser.submit(login, {username: org.username, pw: org.password}),
				);
				await page(await browser.submit(allow, {}, {name: 'decision', value: 'deny'}));
			},
		});
		const result = await runCommand(
			deny,
			['--device', '--domain', emulator.loginUrl, '--client-id', emulator.clientId],
			{
				env: testEnv(directory),
				onStdout(_text, all) {
					url = /it opens (\S+)\):/u.exec(all)?.[1] ?? url;
				},
			},
		);
		assert.equal(result.code, 1);
		assert.match(result.stderr, /^sftoken login: .*denied.*\. \S[^\n]*\n$/iu);
	});
});

test('device flow disabled on the app: --json error object with the Setup path, exit 1', async (t) => {
	const directory = temporaryDirectory(t);
	await withEmulator({deviceFlowEnabled: false}, async (emulator) => {
		const result = await runCommand(
			device,
			['--device', '--domain', emulator.loginUrl, '--client-id', emulator.clientId, '--json'],
			{env: testEnv(directory)},
		);
		assert.equal(result.code, 1);
		const json = JSON.parse(result.stdout) as {ok: boolean; error: Record<string, string>};
		assert.equal(json.ok, false);
		assert.match(json.error['title'] ?? '', /Device flow is not enabled/u);
		assert.match(json.error['setupPath'] ?? '', /Enable Device Flow/u);
	});
});

test('Ctrl+C while polling stops cleanly with exit 130', async (t) => {
	const directory = temporaryDirectory(t);
	await withEmulator({}, async (emulator) => {
		let polls = 0;
		const interrupted = createLoginCommand({
			async sleep() {
				polls++;
				process.emit('SIGINT');
				return Promise.resolve();
			},
		});
		// Other modules (conf's signal-exit) may listen too, and may leave on a SIGINT.
		const before = process.listeners('SIGINT');
		const result = await runCommand(
			interrupted,
			['--device', '--domain', emulator.loginUrl, '--client-id', emulator.clientId],
			{env: testEnv(directory)},
		);
		assert.equal(result.code, 130);
		assert.equal(polls, 1);
		assert.match(result.stderr, /Cancelled/u);
		assert.ok(
			process.listeners('SIGINT').every((listener) => before.includes(listener)),
			'the handler is removed',
		);
	});
});

test('usage errors exit 2 and say what is wrong', async (t) => {
	const env = testEnv(temporaryDirectory(t));
	const cases: Array<[string[], RegExp]> = [
		[[], /choose one of --device or --web/u],
		[['--device', '--web'], /choose one of --device or --web/u],
		[['--device', '--domain', 'http://evil.example.com'], /--domain: .*https/u],
		[
			['--device', '--domain', 'login'],
			/no client id for https:\/\/login\.salesforce\.com\. Pass --client-id .*External Client App/u,
		],
		[['--device', '--client-id', 'has space'], /--client-id takes/u],
		[['--web', '--port', '0', '--client-id', 'x'], /--port takes/u],
		[['--web', '--port', 'abc', '--client-id', 'x'], /--port takes/u],
		[['--device', '--alias', 'a b', '--client-id', 'x'], /--alias takes/u],
		[['--device', '--bogus'], /unknown option "bogus"/u],
		[['--device', 'extra'], /unexpected argument "extra"/u],
	];
	for (const [argv, message] of cases) {
		const result = await runCommand(loginCommand, argv, {env});
		assert.equal(result.code, 2, argv.join(' '));
		assert.match(result.stderr, message, argv.join(' '));
		assert.equal(result.stdout, '');
	}
});

test('--help prints the options and exits 0', async (t) => {
	const result = await runCommand(loginCommand, ['--help'], {env: testEnv(temporaryDirectory(t))});
	assert.equal(result.code, 0);
	assert.match(result.stdout, /--no-browser/u);
});

/** Drives the browser as soon as the authorize URL is printed, and pastes where it ended. */
function pasteWhenShown(
	emulator: RunningEmulator,
	stdin: PassThrough,
	change: (back: URL) => URL = (back) => back,
) {
	let started = false;
	return (_text: string, all: string) => {
		const url = /^(http:\/\/\S+\/services\/oauth2\/authorize\?\S+)$/mu.exec(all)?.[1];
		if (url === undefined || started) return;
		started = true;
		const org = emulator.orgs[0];
		assert.ok(org);
		void approveInBrowser(new Browser(), url, org).then((back) => {
			stdin.write(`${change(back).href}\n`);
		});
	};
}

test('sftoken login --web --no-browser: the address the browser ended on, pasted on stdin, logs in', async (t) => {
	const directory = temporaryDirectory(t);
	await withEmulator({}, async (emulator) => {
		const stdin = new PassThrough();
		const result = await runCommand(
			loginCommand,
			['--web', '--no-browser', '--domain', emulator.loginUrl, '--client-id', emulator.clientId],
			{env: testEnv(directory), stdin, onStdout: pasteWhenShown(emulator, stdin)},
		);
		assert.equal(result.code, 0, result.stderr);
		assert.match(result.stdout, /prompt=login/u);
		assert.match(
			result.stdout,
			/Copy the whole address from the browser’s address bar and paste it here/u,
		);
		assert.match(result.stdout, /Logged in as /u);
	});
});

test('a pasted address from another login is refused: exit 1, nothing saved', async (t) => {
	const directory = temporaryDirectory(t);
	await withEmulator({}, async (emulator) => {
		const stdin = new PassThrough();
		const result = await runCommand(
			loginCommand,
			['--web', '--domain', emulator.loginUrl, '--client-id', emulator.clientId, '--json'],
			{
				env: testEnv(directory),
				stdin,
				onStderr: pasteWhenShown(emulator, stdin, (back) => {
					back.searchParams.set('state', 'forged');
					return back;
				}),
			},
		);
		assert.equal(result.code, 1);
		const json = JSON.parse(result.stdout) as {error: {code: string; title: string}};
		assert.equal(json.error.code, 'redirect');
		assert.match(json.error.title, /another login/u);
		const opened = await openAuthContext({env: testEnv(directory)});
		assert.ok(opened.ok);
		assert.deepEqual(opened.value.orgs.list(), []);
	});
});

test('input that ends without an address, when nothing listens, ends the login', async (t) => {
	const directory = temporaryDirectory(t);
	const {createServer} = await import('node:net');
	const busy = createServer();
	await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
	t.after(() => busy.close());
	const address = busy.address();
	assert.ok(address && typeof address === 'object');
	await withEmulator({}, async (emulator) => {
		const result = await runCommand(
			loginCommand,
			[
				'--web',
				'--port',
				String(address.port),
				'--domain',
				emulator.loginUrl,
				'--client-id',
				emulator.clientId,
			],
			{env: testEnv(directory)},
		);
		assert.equal(result.code, 1);
		assert.match(result.stderr, new RegExp(`Port ${address.port}`, 'u'));
		assert.match(result.stderr, /sftoken login: No address was pasted/u);
	});
});
