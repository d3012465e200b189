import assert from 'node:assert/strict';
import {
	chmodSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	utimesSync,
	writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {configDirectory, openConfigStore} from '../../source/store/config-store.js';
import {historyFileName} from '../../source/store/history-file.js';
import {memoryHistoryStore, openHistoryStore} from '../../source/store/history.js';
import {readHistorySettings} from '../../source/store/history-settings.js';
import {serializeRecord} from '../../source/core/history-entry.js';
import {entry, input, prodOrg} from '../helpers/history-entries.js';

function temporaryDirectory(t: {after(fn: () => void): void}): string {
	const directory = mkdtempSync(path.join(tmpdir(), 'sftoken-history-'));
	t.after(() => {
		rmSync(directory, {recursive: true, force: true});
	});
	return directory;
}

function counter() {
	let next = 0;
	return () => `id${String(next++).padStart(4, '0')}`;
}

function logLines(directory: string): string[] {
	return readFileSync(path.join(directory, historyFileName), 'utf8')
		.split('\n')
		.filter((line) => line !== '');
}

test('the log sits next to config.json, in the directory conf uses', (t) => {
	const directory = temporaryDirectory(t);
	const viaCwd = openConfigStore({cwd: directory});
	assert.equal(configDirectory({cwd: directory}), path.dirname(viaCwd.path));
	const viaEnv = openConfigStore({env: {SFTOKEN_CONFIG_DIR: directory}});
	assert.equal(configDirectory({env: {SFTOKEN_CONFIG_DIR: directory}}), path.dirname(viaEnv.path));
	const previous = process.env['XDG_CONFIG_HOME'];
	process.env['XDG_CONFIG_HOME'] = directory;
	t.after(() => {
		if (previous === undefined) delete process.env['XDG_CONFIG_HOME'];
		else process.env['XDG_CONFIG_HOME'] = previous;
	});
	if (process.platform === 'linux') {
		assert.equal(configDirectory({env: {}}), path.dirname(openConfigStore({env: {}}).path));
		assert.equal(configDirectory({env: {}}), path.join(directory, 'sftoken'));
	}
});

test('appends one line per request, mode 0600, newest first; the file is only ever appended to', async (t) => {
	const directory = temporaryDirectory(t);
	const history = openHistoryStore({directory, newId: counter(), now: () => 1000});
	const first = await history.append(input({path: '/first'}));
	const file = path.join(directory, historyFileName);
	const before = readFileSync(file);
	const {ino} = statSync(file);
	assert.equal(statSync(file).mode & 0o777, 0o600);
	await history.append(input({path: '/second', time: 2000}));
	const after = readFileSync(file);
	assert.equal(statSync(file).ino, ino, 'no rewrite');
	assert.deepEqual(after.subarray(0, before.length), before, 'earlier bytes untouched');
	assert.equal(logLines(directory).length, 2);
	assert.equal(first.time, 1000);
	const listed = await history.list();
	assert.deepEqual(
		listed.map((item) => item.path),
		['/second', '/first'],
	);
	// Another process (another store) reads the same.
	const again = openHistoryStore({directory});
	assert.deepEqual(
		(await again.list()).map((item) => item.id),
		['id0001', 'id0000'],
	);
	assert.equal((await again.get('id0001'))?.path, '/second');
	assert.equal(await again.get('id'), undefined, 'an ambiguous prefix matches nothing');
	assert.equal(again.takeNotice(), undefined);
});

test('delete and clear survive a restart; clear rewrites the log so nothing of it stays on disk', async (t) => {
	const directory = temporaryDirectory(t);
	const history = openHistoryStore({directory, newId: counter()});
	let changes = 0;
	const unsubscribe = history.subscribe(() => changes++);
	for (let index = 0; index < 3; index++)
		await history.append(input({path: `/p${index}`, requestBody: 'SECRET-ISH BODY'}));
	assert.equal(await history.delete('id0001'), true);
	assert.equal(await history.delete('nope'), false);
	assert.deepEqual(
		(await openHistoryStore({directory}).list()).map((item) => item.path),
		['/p2', '/p0'],
	);
	await history.clear();
	assert.deepEqual(await history.list(), []);
	assert.deepEqual(await openHistoryStore({directory}).list(), []);
	// Only the clear record itself is left on disk.
	assert.deepEqual(
		logLines(directory).map((line) => (JSON.parse(line) as {type: string}).type),
		['clear'],
	);
	assert.ok(!readFileSync(path.join(directory, historyFileName), 'utf8').includes('SECRET-ISH'));
	assert.equal(changes, 5);
	unsubscribe();
	await history.append(input());
	assert.equal(changes, 5);
});

test('past twice the limit the log is compacted to the newest entries, tombstones gone', async (t) => {
	const directory = temporaryDirectory(t);
	const history = openHistoryStore({directory, limit: 5, newId: counter()});
	for (let index = 0; index < 10; index++) await history.append(input({path: `/p${index}`}));
	assert.equal(await history.delete('id0009'), true);
	assert.equal(logLines(directory).length, 11);
	await history.append(input({path: '/p10'}));
	// 12 lines > 2 × 5: rewritten to the 5 newest live entries.
	const lines = logLines(directory);
	assert.equal(lines.length, 5);
	assert.ok(lines.every((line) => line.includes('"type":"entry"')));
	const paths = (await openHistoryStore({directory, limit: 5}).list()).map((item) => item.path);
	assert.deepEqual(paths, ['/p10', '/p8', '/p7', '/p6', '/p5']);
	assert.deepEqual(
		(await history.list()).map((item) => item.path),
		paths,
	);
	assert.equal(existsSync(path.join(directory, `${historyFileName}.lock`)), false);
	assert.deepEqual(readdirSync(directory).sort(), [historyFileName]);
});

test('a store that never read the log counts its lines once to know when to compact', async (t) => {
	const directory = temporaryDirectory(t);
	const lines = Array.from({length: 9}, (_, index) =>
		serializeRecord({type: 'entry', entry: entry(index)}),
	);
	writeFileSync(path.join(directory, historyFileName), `${lines.join('\n')}\n`, {mode: 0o600});
	const history = openHistoryStore({directory, limit: 4});
	await history.append(input({path: '/new'}));
	assert.equal(logLines(directory).length, 4);
	assert.equal((await history.list())[0]?.path, '/new');
});

test('a long log is measured from its two ends: compacted when it is, left alone when it is not', async (t) => {
	const lines = Array.from({length: 3000}, (_, index) =>
		serializeRecord({type: 'entry', entry: entry(index, {path: `/p/${index}`})}),
	);
	const text = `${lines.join('\n')}\n`;
	assert.ok(text.length > 4 * 65_536, 'longer than the two samples');
	const roomy = temporaryDirectory(t);
	writeFileSync(path.join(roomy, historyFileName), text, {mode: 0o600});
	await openHistoryStore({directory: roomy, limit: 2000}).append(input());
	assert.equal(logLines(roomy).length, 3001, 'under 2 × 2000: appended, not rewritten');
	const tight = temporaryDirectory(t);
	writeFileSync(path.join(tight, historyFileName), text, {mode: 0o600});
	await openHistoryStore({directory: tight, limit: 1000}).append(input({path: '/new'}));
	assert.equal(logLines(tight).length, 1000);
	const listed = await openHistoryStore({directory: tight, limit: 1000}).list();
	assert.equal(listed[0]?.path, '/new');
	assert.equal(listed.at(-1)?.path, '/p/2001');
});

test('no token in any form anywhere in the config directory', async (t) => {
	const directory = temporaryDirectory(t);
	const accessToken =
		'00D5g000004XyZa!AR8AQJXg5oU0Cq8Ehc7sK3lCM2kVBXH2dbnd8EExqxrT3xOiS0M2TmjEVtPdRTp7zxpRPvPSbLVm4x1nVzsJ8jQzO0JSXwL';
	const refreshToken =
		'5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJo7Xr34yOQ7GCFUN5DnNPxzDIoGoWi4evqOl_QT1B9fC2d8qC';
	const opaque = 'opaqueAccessTokenWithoutAnyShape123';
	const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIwMDV4eCJ9.c2lnbmF0dXJl';
	const config = openConfigStore({cwd: directory});
	config.set('historyLimit', 50);
	const history = openHistoryStore({directory, ...readHistorySettings(config)});
	const forms = (token: string) => [
		token,
		encodeURIComponent(token),
		Buffer.from(token).toString('base64'),
		Buffer.from(token).toString('base64url'),
	];
	for (const token of [accessToken, refreshToken, jwt]) {
		for (const form of forms(token)) {
			await history.append(
				input({
					method: 'POST',
					path: `/services/apexrest/Echo?sid=${form}&t=${form}`,
					requestHeaders: {
						Authorization: `Bearer ${token}`,
						'X-Token': form,
						'X-Basic': `Basic ${Buffer.from(`user:${token}`).toString('base64')}`,
					},
					requestBody: JSON.stringify({token: form, nested: {refresh_token: token}}),
					responseBody: JSON.stringify({access_token: token, echo: form}),
					error: `failed near ${form}`,
					secrets: [token],
				}),
			);
		}
	}

	await history.append(
		input({
			path: `/x?q=${opaque}`,
			requestHeaders: {'X-A': Buffer.from(opaque).toString('base64')},
			responseBody: encodeURIComponent(opaque),
			secrets: [accessToken, opaque],
		}),
	);
	await history.delete((await history.list())[0]?.id ?? '');
	const needles = [accessToken, refreshToken, opaque, jwt].flatMap((token) => [
		...forms(token),
		token.slice(-24),
	]);
	const files = readdirSync(directory);
	assert.ok(files.includes(historyFileName) && files.includes('config.json'), files.join());
	for (const name of files) {
		const bytes = readFileSync(path.join(directory, name));
		for (const needle of needles) {
			assert.equal(bytes.includes(needle), false, `${needle.slice(0, 12)}… found in ${name}`);
		}
	}

	assert.equal((await history.list()).length, 12);
});

test('a damaged log is set aside byte for byte, the readable entries kept, the user told once', async (t) => {
	const directory = temporaryDirectory(t);
	const file = path.join(directory, historyFileName);
	const good = serializeRecord({type: 'entry', entry: entry(1)});
	const damaged = `garbage\n${good}\n\u0001\u0002 more garbage\n[1,2,3]\n`;
	writeFileSync(file, damaged, {mode: 0o600});
	const history = openHistoryStore({directory, now: () => Date.UTC(2025, 0, 2, 3, 4, 5)});
	assert.deepEqual(
		(await history.list()).map((item) => item.id),
		['e00001'],
	);
	const backup = `${file}.corrupt-20250102T030405Z`;
	assert.equal(readFileSync(backup, 'utf8'), damaged);
	assert.deepEqual(logLines(directory), [good]);
	const notice = history.takeNotice();
	assert.match(
		notice ?? '',
		/damaged \(3 unreadable lines\)\. A copy is kept at .*corrupt-20250102T030405Z; history goes on with the 1 entry/u,
	);
	assert.equal(history.takeNotice(), undefined);
	await history.append(input());
	assert.equal(history.takeNotice(), undefined);
	// The next run finds a clean log: nothing more to say.
	const next = openHistoryStore({directory});
	assert.equal((await next.list()).length, 2);
	assert.equal(next.takeNotice(), undefined);
});

test('a file that is not text at all is set aside too; history starts empty', async (t) => {
	const directory = temporaryDirectory(t);
	const file = path.join(directory, historyFileName);
	writeFileSync(file, Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x0a]));
	const history = openHistoryStore({directory});
	assert.deepEqual(await history.list(), []);
	assert.match(history.takeNotice() ?? '', /damaged \(it is not text\)/u);
	assert.ok(readdirSync(directory).some((name) => name.startsWith(`${historyFileName}.corrupt-`)));
});

test('a half-written last line (a crash mid-write) is skipped quietly, and the next append is not lost', async (t) => {
	const directory = temporaryDirectory(t);
	const file = path.join(directory, historyFileName);
	const lines = [1, 2, 3].map((index) => serializeRecord({type: 'entry', entry: entry(index)}));
	const half = serializeRecord({type: 'entry', entry: entry(4)}).slice(0, 50);
	writeFileSync(file, `${lines.join('\n')}\n${half}`, {mode: 0o600});
	const history = openHistoryStore({directory});
	await history.append(input({path: '/after-crash'}));
	const listed = await openHistoryStore({directory}).list();
	assert.deepEqual(
		listed.map((item) => (item.path.startsWith('/after-crash') ? 'new' : item.id)),
		['new', 'e00003', 'e00002', 'e00001'],
	);
	assert.equal(history.takeNotice(), undefined);
	assert.equal(readdirSync(directory).length, 1, 'no backup for one cut line');
});

test('a config directory that cannot be written: warned once, history kept in memory', async (t) => {
	const base = temporaryDirectory(t);
	// A regular file where a directory should be: mkdir fails with ENOTDIR even for root.
	writeFileSync(path.join(base, 'not-a-directory'), 'x');
	const directory = path.join(base, 'not-a-directory', 'sftoken');
	const history = openHistoryStore({directory, newId: counter()});
	const kept = await history.append(input({path: '/one'}));
	await history.append(input({path: '/two'}));
	assert.deepEqual(
		(await history.list()).map((item) => item.path),
		['/two', '/one'],
	);
	assert.equal((await history.get(kept.id))?.path, '/one');
	assert.match(
		history.takeNotice() ?? '',
		/History cannot be saved in .*not-a-directory.* \(a part of the path is a file, not a directory\): this run's requests are kept in memory only\./u,
	);
	assert.equal(history.takeNotice(), undefined);
	assert.equal(await history.delete(kept.id), true);
	await history.clear();
	assert.deepEqual(await history.list(), []);
});

test('a read-only directory with a history in it: the old entries still listed, new ones in memory', async (t) => {
	if (process.getuid?.() === 0) {
		t.skip('root writes through chmod 0500; the ENOTDIR test above covers the fallback');
		return;
	}

	const directory = temporaryDirectory(t);
	writeFileSync(
		path.join(directory, historyFileName),
		`${serializeRecord({type: 'entry', entry: entry(1)})}\n`,
		{mode: 0o400},
	);
	chmodSync(directory, 0o500);
	t.after(() => {
		chmodSync(directory, 0o700);
	});
	const history = openHistoryStore({directory});
	await history.append(input({path: '/new'}));
	assert.deepEqual(
		(await history.list()).map((item) => (item.path.startsWith('/new') ? 'new' : item.id)),
		['new', 'e00001'],
	);
	assert.match(history.takeNotice() ?? '', /permission denied/u);
});

test('a lock left by a crashed compaction is taken over once stale; a fresh one makes appends wait', async (t) => {
	const directory = temporaryDirectory(t);
	const lock = path.join(directory, `${historyFileName}.lock`);
	writeFileSync(lock, '999999 0\n');
	const old = new Date(Date.now() - 60_000);
	utimesSync(lock, old, old);
	const history = openHistoryStore({directory, limit: 1, staleLockMs: 5000});
	for (let index = 0; index < 4; index++) await history.append(input({path: `/p${index}`}));
	assert.equal(logLines(directory).length <= 2, true, 'compacted despite the old lock');
	assert.equal(existsSync(lock), false);
	// A fresh lock: the append waits for it (here until it is stale), then checks the file.
	writeFileSync(lock, `${process.pid} ${Date.now()}\n`);
	const waiting = openHistoryStore({directory, limit: 100, staleLockMs: 200});
	await waiting.append(input({path: '/after-lock'}));
	assert.equal((await openHistoryStore({directory}).list())[0]?.path, '/after-lock');
});

test('settings: limit and caps from the config, defaults for nonsense', () => {
	const values = new Map<string, unknown>([
		['historyLimit', 20],
		['historyPreviewChars', 'lots'],
		['historyRequestBodyChars', -1],
	]);
	const settings = readHistorySettings({get: (key) => values.get(key), set() {}});
	assert.deepEqual(settings, {limit: 20, caps: {previewChars: 8192, requestBodyChars: 32_768}});
});

test('memory history: same contract, no files', async () => {
	const history = memoryHistoryStore({limit: 2, newId: counter()});
	await history.append(input({path: '/a'}));
	await history.append(input({path: '/b', org: prodOrg}));
	await history.append(input({path: '/c'}));
	assert.deepEqual(
		(await history.list()).map((item) => item.path),
		['/c', '/b'],
	);
	assert.equal((await history.get('id0001'))?.org.alias, 'acme');
	assert.equal(await history.delete('id0001'), true);
	await history.clear();
	assert.deepEqual(await history.list(), []);
	assert.equal(history.takeNotice(), undefined);
});
