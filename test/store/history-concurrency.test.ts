// Two real processes at once on the same history log: what two terminals running sftoken do.
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {replayLines} from '../../source/core/history-entry.js';
import {historyFileName} from '../../source/store/history-file.js';
import {openHistoryStore} from '../../source/store/history.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

async function run(script: string, args: readonly string[]): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			['--import', 'tsx', path.join(fixtures, script), ...args],
			{
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => {
			if (code === 0) resolve(stdout);
			else reject(new Error(`${script} exited with ${code}: ${stderr}`));
		});
	});
}

function temporaryDirectory(t: {after(fn: () => void): void}): string {
	const directory = mkdtempSync(path.join(tmpdir(), 'sftoken-history-race-'));
	t.after(() => {
		rmSync(directory, {recursive: true, force: true});
	});
	return directory;
}

function readLog(directory: string) {
	const text = readFileSync(path.join(directory, historyFileName), 'utf8');
	return replayLines(text.split('\n'));
}

function expectAll(paths: readonly string[], tags: readonly string[], count: number) {
	const expected = tags.flatMap((tag) =>
		Array.from({length: count}, (_, index) => `/services/apexrest/${tag}/${index}`),
	);
	assert.deepEqual([...paths].sort(), expected.sort());
}

test('two processes appending 500 entries each at once: 1000 entries, none lost, none damaged', async (t) => {
	const directory = temporaryDirectory(t);
	await Promise.all([
		run('append-many.ts', [directory, 'a', '500']),
		run('append-many.ts', [directory, 'b', '500']),
	]);
	const log = readLog(directory);
	assert.equal(log.badLines, 0);
	assert.equal(log.goodLines, 1000);
	expectAll(
		log.entries.map((entry) => entry.path),
		['a', 'b'],
		500,
	);
	// Each process's entries are in the order it sent them.
	for (const tag of ['a', 'b']) {
		const indices = log.entries
			.filter((entry) => entry.path.includes(`/${tag}/`))
			.map((entry) => Number(entry.path.split('/').at(-1)));
		assert.deepEqual(
			indices,
			Array.from({length: 500}, (_, index) => index),
		);
	}

	const listed = await openHistoryStore({directory, limit: 5000}).list();
	assert.equal(listed.length, 1000);
});

test('compactions rewriting the log while two processes append: nothing lost', async (t) => {
	const directory = temporaryDirectory(t);
	const [, , compactions] = await Promise.all([
		run('append-many.ts', [directory, 'a', '400']),
		run('append-many.ts', [directory, 'b', '400']),
		run('compact-loop.ts', [directory, '300']),
	]);
	assert.ok(Number(compactions) > 0, 'the log was rewritten while appends ran');
	const log = readLog(directory);
	assert.equal(log.badLines, 0);
	expectAll(
		log.entries.map((entry) => entry.path),
		['a', 'b'],
		400,
	);
	assert.deepEqual(readdirSync(directory), [historyFileName], 'no lock or temporary file left');
});

test('appenders that compact as they go (limit 300, 2×1000 appends): only the oldest dropped, never a gap', async (t) => {
	const directory = temporaryDirectory(t);
	await Promise.all([
		run('append-many.ts', [directory, 'a', '1000', '300']),
		run('append-many.ts', [directory, 'b', '1000', '300']),
	]);
	const log = readLog(directory);
	assert.equal(log.badLines, 0);
	// Each process compacts once its own count passes 2 × 300 (it does not see the other's
	// appends), so the log stays under 300 kept + 2 × 600 appended since.
	assert.ok(log.goodLines <= 4 * 300, `compacted as it grew (${log.goodLines} lines)`);
	const listed = await openHistoryStore({directory, limit: 300}).list();
	assert.equal(listed.length, 300);
	assert.match(listed[0]?.path ?? '', /\/999$/u);
	for (const tag of ['a', 'b']) {
		// What is left of each process's entries is its newest ones, with no hole (one process may
		// have finished long before the other: then none of its entries are among the newest).
		const indices = listed
			.filter((entry) => entry.path.includes(`/${tag}/`))
			.map((entry) => Number(entry.path.split('/').at(-1)))
			.reverse();
		assert.deepEqual(
			indices,
			Array.from({length: indices.length}, (_, offset) => 1000 - indices.length + offset),
		);
	}
});
