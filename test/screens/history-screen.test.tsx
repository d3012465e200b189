import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import type {HistoryEntry} from '../../source/core/history-entry.js';
import {filterHistory, historyHaystack} from '../../source/core/history-filter.js';
import {
	HistoryScreen,
	type ExportFormat,
	type HistoryServices,
} from '../../source/screens/history/history-screen.js';
import {exportService} from '../../source/store/history-export.js';
import {memoryHistoryStore, type HistoryStore} from '../../source/store/history.js';
import type {SavedOrg} from '../../source/store/orgs.js';
import {entry, input, manyEntries, prodOrg, uatOrg} from '../helpers/history-entries.js';
import {renderTerminal, type TestTerminal} from '../helpers/render-terminal.js';
import {waitForText} from '../helpers/wait-for.js';
import {press, pressFor} from './history-press.js';

const down = '\u001B[B';
const escape = '\u001B';
const now = 1_700_000_000_000 + 100_000 * 1000;

/** A store holding prebuilt entries (oldest first), as the file store would after reading them. */
function storeOf(
	entries: readonly HistoryEntry[],
): HistoryStore & {deleted: string[]; cleared: number} {
	const kept = [...entries];
	const listeners = new Set<() => void>();
	const changed = () => {
		for (const listener of listeners) listener();
	};

	const store = {
		deleted: [] as string[],
		cleared: 0,
		location: 'test',
		append: async () => Promise.reject(new Error('not in these tests')),
		list: async () => Promise.resolve([...kept].reverse()),
		get: async (id: string) => Promise.resolve(kept.find((item) => item.id === id)),
		async delete(id: string) {
			const index = kept.findIndex((item) => item.id === id);
			if (index !== -1) kept.splice(index, 1);
			store.deleted.push(id);
			changed();
			return Promise.resolve(index !== -1);
		},
		async clear() {
			kept.splice(0);
			store.cleared++;
			changed();
			return Promise.resolve();
		},
		takeNotice: () => undefined,
		subscribe(listener: () => void) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
	};
	return store;
}

const savedUat: SavedOrg = {
	alias: uatOrg.alias,
	loginUrl: 'https://test.salesforce.com',
	instanceUrl: uatOrg.instanceUrl,
	username: uatOrg.username,
	orgId: uatOrg.orgId,
	userId: '0055g00000AbCdEAAV',
	sandbox: true,
	loginMethod: 'device',
	lastUsedAt: 2,
};
const savedProd: SavedOrg = {
	...savedUat,
	alias: prodOrg.alias,
	username: prodOrg.username,
	orgId: prodOrg.orgId,
	instanceUrl: prodOrg.instanceUrl,
	sandbox: false,
	loginUrl: 'https://login.salesforce.com',
	lastUsedAt: 1,
};

type Exported = {format: ExportFormat; ids: string[]; target: string; overwrite: boolean};

function renderHistory(
	entries: readonly HistoryEntry[],
	options: {
		rows?: number;
		columns?: number;
		services?: Partial<HistoryServices>;
		orgs?: SavedOrg[];
		openProblem?: string;
	} = {},
) {
	const store = storeOf(entries);
	const opened: HistoryEntry[] = [];
	const reran: Array<{entry: HistoryEntry; org: SavedOrg}> = [];
	const exported: Exported[] = [];
	let backs = 0;
	const services: HistoryServices = {
		store,
		now: () => now,
		exportDirectory: '/work/here',
		exportFileName: (format) =>
			format === 'curl' ? 'requests.sh' : 'requests.postman_collection.json',
		async exportTo(format, chosen, target, overwrite) {
			exported.push({format, ids: chosen.map((item) => item.id), target, overwrite});
			return Promise.resolve({ok: true, path: `/work/here/${target}`, count: chosen.length});
		},
		...options.services,
	};
	const terminal = renderTerminal(
		<HistoryScreen
			services={services}
			orgs={options.orgs ?? [savedUat, savedProd]}
			columns={options.columns ?? 120}
			rows={options.rows ?? 20}
			isActive
			onOpen={async (item) => {
				opened.push(item);
				return Promise.resolve(options.openProblem);
			}}
			onRerun={async (item, org) => {
				reran.push({entry: item, org});
				return Promise.resolve(undefined);
			}}
			onBack={() => backs++}
		/>,
		{columns: options.columns ?? 120, rows: options.rows ?? 20},
	);
	return {terminal, store, opened, reran, exported, backs: () => backs};
}

const rowPattern = /^(?:❯| ) (?:GET|POST|PATCH|PUT|DELETE)\s/u;

function rowsOf(terminal: TestTerminal): string[] {
	return terminal
		.lastFrame()
		.split('\n')
		.filter((line) => rowPattern.test(line));
}

function typeText(terminal: TestTerminal, text: string) {
	for (const char of text) terminal.write(char);
}

test('newest first: method, coloured status, path, org, time taken and age from the injected clock', async () => {
	const {terminal} = renderHistory([
		entry(1, {method: 'GET', path: '/services/data/v66.0/limits', durationMs: 85}),
		entry(2, {
			method: 'POST',
			path: '/services/apexrest/Contacts',
			status: 400,
			org: prodOrg,
			durationMs: 1234,
		}),
	]);
	const frame = await waitForText(terminal.lastFrame, '2 requests');
	const rows = rowsOf(terminal);
	assert.equal(rows.length, 2);
	assert.match(
		rows[0] ?? '',
		/^❯ POST\s+400\s+\/services\/apexrest\/Contacts\s+acme\s+1\.2 s\s+27 h ago/u,
	);
	assert.match(
		rows[1] ?? '',
		/^ {2}GET\s+200\s+\/services\/data\/v66\.0\/limits\s+acme-uat\s+85 ms\s+27 h ago/u,
	);
	assert.match(frame, /2023-11-14 22:13:22 UTC · .* · ada@acme\.com \(production\)/u);
	terminal.unmount();
});

test('filter as you type: every word must match method, path, status or org', async () => {
	const {terminal} = renderHistory([
		entry(1, {method: 'POST', status: 400, path: '/a'}),
		entry(2, {method: 'POST', status: 201, path: '/b'}),
		entry(3, {method: 'POST', status: 400, org: prodOrg, path: '/c'}),
		entry(4, {method: 'GET', status: 400, path: '/d'}),
	]);
	await waitForText(terminal.lastFrame, '4 requests');
	await pressFor(terminal, '/', 'e.g. post 400 uat');
	typeText(terminal, 'post 400 uat');
	const frame = await waitForText(terminal.lastFrame, '1 of 4');
	assert.deepEqual(
		rowsOf(terminal).map((row) => row.split(/\s+/u)[3]),
		['/a'],
	);
	assert.match(frame, /Filter: post 400 uat/u);
	await pressFor(terminal, '\r', 'post 400 uat (/ edit)');
	// Esc clears the filter first, then goes back.
	await pressFor(terminal, escape, '4 requests');
	assert.equal(rowsOf(terminal).length, 4);
	terminal.unmount();
});

test('10 000 entries: the frame draws only the rows in view, and filtering stays correct', async () => {
	const entries = manyEntries(10_000);
	const {terminal} = renderHistory(entries, {rows: 20});
	await waitForText(terminal.lastFrame, '10000 requests');
	assert.equal(rowsOf(terminal).length, 16, 'rows minus the filter, detail and more lines');
	assert.match(terminal.lastFrame(), /↓ 9984 more/u);
	assert.match(rowsOf(terminal)[0] ?? '', /\/services\/apexrest\/Contacts\/9999 /u);
	await pressFor(terminal, '/', 'e.g. post 400 uat');
	typeText(terminal, 'delete 500');
	const haystacks = entries.map((item) => historyHaystack(item));
	const expected = filterHistory(haystacks, 'delete 500').length;
	assert.ok(expected > 800);
	await waitForText(terminal.lastFrame, `${expected} of 10000`);
	const rows = rowsOf(terminal);
	assert.equal(rows.length, 16);
	assert.ok(rows.every((row) => /DELETE\s+500/u.test(row)));
	typeText(terminal, ' uat');
	const narrowed = filterHistory(haystacks, 'delete 500 uat').length;
	assert.ok(narrowed < expected);
	await waitForText(terminal.lastFrame, `${narrowed} of 10000`);
	assert.ok(rowsOf(terminal).length <= 16);
	terminal.unmount();
});

test('Enter opens the highlighted entry; keys typed ahead in one chunk act in order', async () => {
	const {terminal, opened} = renderHistory([entry(1), entry(2), entry(3)]);
	await waitForText(terminal.lastFrame, '3 requests');
	await press(terminal, `${down}${down}\r`, () => opened.length === 1);
	assert.equal(opened[0]?.id, 'e00001');
	terminal.unmount();
});

test('an entry that cannot be opened says why, and the list stays', async () => {
	const {terminal, opened} = renderHistory([entry(1)], {
		openProblem: 'Not logged in to acme-uat any more',
	});
	await waitForText(terminal.lastFrame, '1 request');
	await pressFor(terminal, '\r', 'Not logged in to acme-uat any more');
	assert.equal(opened.length, 1);
	assert.equal(rowsOf(terminal).length, 1);
	terminal.unmount();
});

test('r re-runs a GET against the org chosen, its own first; no question asked', async () => {
	const {terminal, reran} = renderHistory([entry(1, {method: 'GET', org: prodOrg})]);
	await waitForText(terminal.lastFrame, '1 request');
	const frame = await pressFor(terminal, 'r', 'Re-run GET');
	assert.match(frame, /❯ Same org: acme\s/u);
	assert.match(frame, /acme-uat/u);
	await press(terminal, '\r', () => reran.length === 1);
	assert.equal(reran[0]?.org.alias, 'acme');
	terminal.unmount();
});

test('re-running a POST against production asks first: n cancels, y sends; a sandbox does not ask', async () => {
	const post = entry(1, {method: 'POST', org: prodOrg, path: '/services/apexrest/Contacts'});
	const {terminal, reran} = renderHistory([post]);
	await waitForText(terminal.lastFrame, '1 request');
	await pressFor(terminal, 'r', 'Same org: acme');
	await pressFor(terminal, '\r', 'changes data in PRODUCTION org acme (ada@acme.com). Send it?');
	await pressFor(terminal, 'n', '1 request');
	assert.equal(reran.length, 0);
	await pressFor(terminal, 'r', 'Same org: acme');
	await pressFor(terminal, '\r', 'PRODUCTION');
	await press(terminal, 'y', () => reran.length === 1);
	// Back on the list once the screen has been told the request went.
	await waitForText(terminal.lastFrame, '1 request');
	// Against the sandbox instead: straight away.
	await pressFor(terminal, 'r', 'Same org: acme');
	await pressFor(terminal, down, '❯ acme-uat');
	await press(terminal, '\r', () => reran.length === 2);
	assert.equal(reran[1]?.org.alias, 'acme-uat');
	terminal.unmount();
});

test('r without any saved org says what to do', async () => {
	const {terminal} = renderHistory([entry(1)], {orgs: []});
	await waitForText(terminal.lastFrame, '1 request');
	await pressFor(terminal, 'r', 'Log in to an org first');
	terminal.unmount();
});

test('d deletes the highlighted entry; c asks, then clears everything', async () => {
	const {terminal, store} = renderHistory([
		entry(1, {path: '/one'}),
		entry(2, {path: '/two'}),
		entry(3, {path: '/three'}),
	]);
	await waitForText(terminal.lastFrame, '3 requests');
	await pressFor(terminal, 'd', 'Deleted GET /three');
	await waitForText(terminal.lastFrame, '2 requests');
	assert.deepEqual(store.deleted, ['e00003']);
	await pressFor(terminal, 'c', 'Clear all 2 requests from history?');
	await pressFor(terminal, '\r', '2 requests');
	assert.equal(store.cleared, 0, 'Enter is not yes');
	await pressFor(terminal, 'c', 'Clear all');
	await pressFor(terminal, 'y', 'No requests yet');
	assert.equal(store.cleared, 1);
	terminal.unmount();
});

test('e exports the selected entry or the filtered list, as curl or Postman, where the user says', async () => {
	const {terminal, exported} = renderHistory([
		entry(1, {method: 'GET'}),
		entry(2, {method: 'POST'}),
		entry(3, {method: 'POST'}),
	]);
	await waitForText(terminal.lastFrame, '3 requests');
	await pressFor(terminal, '/', 'e.g. post 400 uat');
	typeText(terminal, 'post');
	await waitForText(terminal.lastFrame, '2 of 3');
	await pressFor(terminal, '\r', 'post (/ edit)');
	await pressFor(terminal, 'e', 'Export as:');
	await pressFor(terminal, down, '❯ Postman collection');
	await pressFor(terminal, '\r', 'Export what:');
	await pressFor(terminal, down, '❯ The 2 requests the filter shows');
	await pressFor(terminal, '\r', 'Write to (relative to /work/here):');
	assert.match(terminal.lastFrame(), /requests\.postman_collection\.json/u);
	await pressFor(terminal, '\r', 'Wrote 2 requests to /work/here/requests.postman_collection.json');
	assert.deepEqual(exported, [
		{
			format: 'postman',
			ids: ['e00003', 'e00002'],
			target: 'requests.postman_collection.json',
			overwrite: false,
		},
	]);
	// The selected one as curl, to a path typed.
	await pressFor(terminal, 'e', 'Export as:');
	await pressFor(terminal, '\r', 'Export what:');
	await pressFor(terminal, '\r', 'Write to');
	terminal.write('\u0015');
	typeText(terminal, 'out/x.sh');
	await waitForText(terminal.lastFrame, 'out/x.sh');
	await pressFor(terminal, '\r', 'Wrote 1 request to /work/here/out/x.sh');
	assert.deepEqual(exported[1], {
		format: 'curl',
		ids: ['e00003'],
		target: 'out/x.sh',
		overwrite: false,
	});
	terminal.unmount();
});

test('exporting to a file that exists asks before replacing it (real files)', async (t) => {
	const directory = mkdtempSync(path.join(tmpdir(), 'sftoken-history-screen-'));
	t.after(() => {
		rmSync(directory, {recursive: true, force: true});
	});
	writeFileSync(path.join(directory, 'requests.sh'), 'old');
	const service = exportService(directory, () => now);
	const {terminal} = renderHistory([entry(1)], {
		services: {...service, exportFileName: () => 'requests.sh'},
	});
	await waitForText(terminal.lastFrame, '1 request');
	await pressFor(terminal, 'e', 'Export as:');
	await pressFor(terminal, '\r', 'Write to');
	await pressFor(terminal, '\r', 'requests.sh already exists. Replace it?');
	assert.equal(readFileSync(path.join(directory, 'requests.sh'), 'utf8'), 'old');
	await pressFor(terminal, 'y', `Wrote 1 request to ${path.join(directory, 'requests.sh')}`);
	assert.match(readFileSync(path.join(directory, 'requests.sh'), 'utf8'), /^#!\/bin\/sh/u);
	terminal.unmount();
});

test('Esc goes back; hostile paths are drawn visibly, never as escape sequences', async () => {
	const {terminal, backs} = renderHistory([entry(1, {path: '/x\u001B]0;pwned\u0007\u001B[2J'})]);
	const frame = await waitForText(terminal.lastFrame, '1 request');
	assert.match(frame, /\/x⟨U\+001B⟩\]0;pwned⟨U\+0007⟩⟨U\+001B⟩\[2J/u);
	await press(terminal, escape, () => backs() === 1);
	terminal.unmount();
});

test('a narrow terminal drops org, time and age before the path', async () => {
	const {terminal} = renderHistory([entry(1, {path: '/services/data/v66.0/limits'})], {
		columns: 40,
	});
	await waitForText(terminal.lastFrame, '1 request');
	const [row] = rowsOf(terminal);
	assert.equal(row, '❯ GET     200  /services/data/v66.0/lim…');
	terminal.unmount();
});

test('with a real memory store: an append shows up while the screen is open', async () => {
	const store = memoryHistoryStore({now: () => now});
	await store.append(input({path: '/first'}));
	const terminal = renderTerminal(
		<HistoryScreen
			services={{store, now: () => now, ...exportService('/tmp', () => now)}}
			orgs={[]}
			columns={100}
			rows={20}
			isActive
			onOpen={async () => Promise.resolve(undefined)}
			onRerun={async () => Promise.resolve(undefined)}
			onBack={() => undefined}
		/>,
	);
	await waitForText(terminal.lastFrame, '/first');
	await store.append(input({path: '/second'}));
	await waitForText(terminal.lastFrame, '/second');
	terminal.unmount();
});
