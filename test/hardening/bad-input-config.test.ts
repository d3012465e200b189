// The config directory edited by hand into nonsense: config.json, secrets.json and history.jsonl
// holding random bytes, truncated JSON, JSON of the wrong shape, huge arrays and nested nulls.
// `orgs --json`, `orgs`, `token`, `logout` and `history --json` never crash, keep the exit-code
// and output contract, and a file that is not JSON is named with what to do (correct or delete).
// Outbound requests go to a closed loopback proxy (org URLs in a hand-edited file are arbitrary).
import assert from 'node:assert/strict';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {after, before, test} from 'node:test';
import fc from 'fast-check';
import {commands, type CommandName} from '../../source/headless/commands.js';
import {fileContext, loggedIn, temporaryDirectory, testEnv, withEmulator} from '../auth/helpers.js';
import {
	assertContract,
	closedLoopbackPort,
	rawControl,
	settle,
	type Outcome,
} from './helpers-bad-input.js';

let proxy = '';

before(async () => {
	proxy = `http://127.0.0.1:${await closedLoopbackPort()}`;
});

after(async () => {
	const {configureProxy} = await import('../../source/salesforce/proxy.js');
	configureProxy(undefined);
});

const runs: ReadonlyArray<readonly [CommandName, readonly string[]]> = [
	['orgs', ['--json']],
	['orgs', []],
	['token', []],
	['token', ['--json']],
	['logout', ['--json']],
	['history', ['--json']],
	['history', []],
];

async function runAll(
	directory: string,
): Promise<Array<{argv: readonly string[]; outcome: Outcome}>> {
	const results = [];
	for (const [name, argv] of runs) {
		const command = await commands[name].load();
		const outcome = await settle(command, argv, {
			env: {...testEnv(directory), HTTPS_PROXY: proxy, HTTP_PROXY: proxy},
		});
		results.push({argv: [name, ...argv], outcome});
	}

	return results;
}

function isJson(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

/** Bytes that are not JSON: random binary, truncated JSON, JSON with a byte flipped. */
const notJson = fc
	.oneof(
		fc.uint8Array({minLength: 1, maxLength: 200}).map((bytes) => Buffer.from(bytes)),
		fc.tuple(fc.jsonValue({maxDepth: 3}), fc.nat()).map(([value, cut]) => {
			const text = JSON.stringify({orgs: [value]});
			return Buffer.from(text.slice(0, cut % text.length));
		}),
	)
	.filter((bytes) => !isJson(bytes.toString('utf8')));

test('property: a config.json that is not JSON is named, with "correct or delete", never a crash', async (t) => {
	const directory = temporaryDirectory(t);
	const file = path.join(directory, 'config.json');
	await fc.assert(
		fc.asyncProperty(notJson, async (bytes) => {
			writeFileSync(file, bytes);
			for (const {argv, outcome} of await runAll(directory)) {
				assertContract(argv, outcome);
				if (argv[0] === 'history') continue; // history lives in its own file
				assert.equal(outcome.code, 1, argv.join(' '));
				const said = outcome.stdout + outcome.stderr;
				assert.ok(said.includes(file), `${argv.join(' ')} names the file: ${said}`);
				assert.match(said, /delete it/u, argv.join(' '));
			}
		}),
		{numRuns: 25},
	);
});

/** Anything JSON, and org lists whose entries have every field of the wrong type or value. */
const wrongShape = fc.oneof(
	fc.jsonValue({maxDepth: 4}),
	fc.record({orgs: fc.jsonValue({maxDepth: 3}), clientIds: fc.jsonValue({maxDepth: 3})}),
	fc.record({
		orgs: fc.array(
			fc.record(
				{
					alias: fc.oneof(fc.string({unit: 'binary', maxLength: 12}), fc.jsonValue({maxDepth: 1})),
					username: fc.oneof(
						fc.string({unit: 'binary', maxLength: 12}),
						fc.jsonValue({maxDepth: 1}),
					),
					orgId: fc.oneof(
						fc.constant('00D5g00000RvnHCEAZ'),
						fc.string({unit: 'binary', maxLength: 18}),
					),
					userId: fc.oneof(fc.constant('0055g00000MLYgyAAH'), fc.jsonValue({maxDepth: 1})),
					loginUrl: fc.oneof(
						fc.constant('https://login.salesforce.com'),
						fc.string({maxLength: 20}),
					),
					instanceUrl: fc.oneof(
						fc.constant('https://acme.my.salesforce.com'),
						fc.string({maxLength: 20}),
					),
					clientId: fc.oneof(fc.constant('abc'), fc.jsonValue({maxDepth: 1})),
					orgName: fc.oneof(
						fc.string({unit: 'binary', maxLength: 12}),
						fc.jsonValue({maxDepth: 1}),
					),
					sandbox: fc.jsonValue({maxDepth: 1}),
					apiVersion: fc.jsonValue({maxDepth: 1}),
					lastUsedAt: fc.oneof(fc.integer(), fc.double(), fc.string({maxLength: 5})),
				},
				{requiredKeys: []},
			),
			{maxLength: 4},
		),
	}),
);

test('property: config.json of the wrong shape never crashes and never prints a raw control character', async (t) => {
	const directory = temporaryDirectory(t);
	const file = path.join(directory, 'config.json');
	await fc.assert(
		fc.asyncProperty(wrongShape, async (value) => {
			writeFileSync(file, JSON.stringify(value));
			for (const {argv, outcome} of await runAll(directory)) assertContract(argv, outcome);
		}),
		{numRuns: 40},
	);
});

test('huge arrays, deep nesting, nested nulls, an empty file', async (t) => {
	const cases: Array<[string, string]> = [
		['huge array', JSON.stringify({orgs: Array.from({length: 200_000}, () => null)})],
		['nested nulls', JSON.stringify({orgs: [[null, [null, {alias: null}]]], clientIds: null})],
		['deep nesting', `{"orgs":${'['.repeat(20_000)}${']'.repeat(20_000)}}`],
		['empty', ''],
		['BOM and whitespace', '\uFEFF  \n'],
	];
	for (const [label, content] of cases) {
		const directory = temporaryDirectory(t);
		const file = path.join(directory, 'config.json');
		writeFileSync(file, content);
		for (const {argv, outcome} of await runAll(directory)) {
			assertContract(argv, outcome);
			if (outcome.code === 1 && argv[0] !== 'history' && !isJson(content)) {
				assert.ok((outcome.stdout + outcome.stderr).includes(file), `${label}: ${argv.join(' ')}`);
			}
		}
	}
});

test('a history.jsonl of nonsense: history still answers, with one notice saying what was set aside', async (t) => {
	const directory = temporaryDirectory(t);
	await fc.assert(
		fc.asyncProperty(
			fc.oneof(
				fc.uint8Array({maxLength: 300}).map((bytes) => Buffer.from(bytes)),
				fc
					.array(fc.jsonValue({maxDepth: 3}), {maxLength: 5})
					.map((values) => Buffer.from(values.map((value) => JSON.stringify(value)).join('\n'))),
			),
			async (bytes) => {
				writeFileSync(path.join(directory, 'history.jsonl'), bytes);
				for (const {argv, outcome} of await runAll(directory)) {
					if (argv[0] !== 'history') continue;
					assertContract(argv, outcome);
					assert.equal(outcome.code, 0, argv.join(' '));
				}
			},
		),
		{numRuns: 25},
	);
});

test('a secrets.json of nonsense next to a saved org: token fails with what to do, no crash', async (t) => {
	const {context, directory} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		await loggedIn(context, emulator, 0, 'acme');
	});
	const token = await commands.token.load();
	const contents = [
		'\u0000\u00FF{',
		'{"accounts":',
		'[]',
		'{"accounts":null}',
		'{"accounts":{"x":5}}',
	];
	for (const content of contents) {
		writeFileSync(path.join(directory, 'secrets.json'), content);
		for (const argv of [[], ['--json']]) {
			// Logout would forget the org: only token runs here, so every content meets a saved org.
			const outcome = await settle(token, argv, {env: testEnv(directory)});
			assertContract(argv, outcome);
			assert.equal(outcome.code, 1, content);
			assert.match(outcome.stdout + outcome.stderr, /log in again/iu, content);
		}
	}
});

test('a secrets.json that is not JSON is named, not read as "no token", and left alone', async (t) => {
	const {context, directory} = await fileContext(t);
	await withEmulator({}, async (emulator) => {
		await loggedIn(context, emulator, 0, 'acme');
	});
	const secrets = path.join(directory, 'secrets.json');
	writeFileSync(secrets, '{"accounts":');
	const outcome = await settle(await commands.token.load(), [], {env: testEnv(directory)});
	assert.equal(outcome.code, 1);
	assert.match(outcome.stderr, /secrets\.json/u);
	assert.match(outcome.stderr, /delete it and log in again/u);
	assert.equal(readFileSync(secrets, 'utf8'), '{"accounts":');
});

test('a directory where config.json should be is named', async (t) => {
	const directory = temporaryDirectory(t);
	const file = path.join(directory, 'config.json');
	mkdirSync(file);
	for (const {argv, outcome} of await runAll(directory)) {
		assertContract(argv, outcome);
		if (argv[0] !== 'history') assert.ok((outcome.stdout + outcome.stderr).includes(file));
	}
});

test('config.json of the wrong shape is named too, not read as "no orgs", and left alone', async (t) => {
	const directory = temporaryDirectory(t);
	const file = path.join(directory, 'config.json');
	for (const content of ['{"orgs": 5}', 'null', '[]', '5', '"orgs"']) {
		writeFileSync(file, content);
		for (const {argv, outcome} of await runAll(directory)) {
			assertContract(argv, outcome);
			if (argv[0] === 'history') continue; // history lives in its own file
			assert.equal(outcome.code, 1, `${content}: ${argv.join(' ')}`);
			const said = outcome.stdout + outcome.stderr;
			assert.ok(said.includes(file), `${content}: ${said}`);
			assert.match(said, /delete it/u);
		}

		assert.equal(readFileSync(file, 'utf8'), content);
	}
});

test('output of the config property never holds a raw control character (guard on the checker)', () => {
	assert.match('\u009B', rawControl);
	assert.doesNotMatch('a\nb', rawControl);
});
