// History at scale: 10 000 entries in the log. Times opening the history screen (until the newest
// entry is drawn), one filter keystroke, and appending one entry (the store's append, and the
// frame the open screen draws for it).
//   NODE_ENV=production node --import tsx bench/history.tsx [--runs N]
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {serializeRecord} from '../source/core/history-entry.js';
import {HistoryScreen, type HistoryServices} from '../source/screens/history/history-screen.js';
import {historyFileName} from '../source/store/history-file.js';
import {openHistoryStore, type HistoryStore} from '../source/store/history.js';
import {input, manyEntries} from '../test/helpers/history-entries.js';
import {timedRender} from './lib/ink-frames.js';
import {emit, row, runsOption} from './lib/report.js';

const runs = runsOption(20);
const count = 10_000;
const directory = mkdtempSync(path.join(tmpdir(), 'sftoken-bench-history-'));
const entries = manyEntries(count);
const newest = entries.at(-1)!;
writeFileSync(
	path.join(directory, historyFileName),
	`${entries.map((entry) => serializeRecord({type: 'entry', entry})).join('\n')}\n`,
	{mode: 0o600},
);

function servicesFor(store: HistoryStore): HistoryServices {
	return {
		store,
		now: () => newest.time + 60_000,
		exportDirectory: directory,
		exportFileName: (format) => `export.${format === 'curl' ? 'sh' : 'json'}`,
		exportTo: async () =>
			Promise.resolve({ok: false, reason: 'failed', message: 'not in the benchmark'} as const),
	};
}

function screen(store: HistoryStore) {
	return timedRender(
		<HistoryScreen
			services={servicesFor(store)}
			orgs={[]}
			columns={120}
			rows={40}
			isActive
			onOpen={() => undefined}
			onRerun={() => undefined}
			onBack={() => undefined}
		/>,
		{columns: 120, rows: 40},
	);
}

// Opening: a new store each time, so the log is read and parsed every time (as on a new start).
const opening: number[] = [];
for (let run = 0; run < Math.max(5, Math.round(runs / 2)); run++) {
	const store = openHistoryStore({directory, limit: count});
	const start = performance.now();
	const rendered = screen(store);

	opening.push(await rendered.timeUntil(newest.path, start));

	await rendered.settle();
	rendered.unmount();
}

const store = openHistoryStore({directory, limit: count + runs * 2});
const rendered = screen(store);
await rendered.timeUntil(newest.path, 0);

// Filter: '/', then a query typed one key at a time; each key is timed to its frame. The keys
// alternate a digit and Backspace so that the filter keeps matching about a tenth of the list.
await rendered.press('/');
const filtering: number[] = [];
for (let run = 0; run < runs; run++) {
	filtering.push(await rendered.press(run % 2 === 0 ? '7' : '\u007F'));
}

await rendered.press('\u001B');

// Appending: the store's own time, and from the call to the frame that shows the new entry.
const appending: number[] = [];
const appendToFrame: number[] = [];
for (let run = 0; run < runs; run++) {
	await rendered.settle();
	const path = `/services/data/v66.0/sobjects/Account/bench${run}`;
	const start = performance.now();

	await store.append(input({path}));
	appending.push(performance.now() - start);

	appendToFrame.push(await rendered.timeUntil(path, start));
}

rendered.unmount();
rmSync(directory, {recursive: true, force: true});

emit({
	name: 'history (10 000 entries)',
	rows: [
		row('open the history screen (read the log, draw)', opening),
		row('one filter keystroke → frame', filtering, {atMost: 16}),
		row('append one entry (store)', appending, {atMost: 5}),
		row('append one entry → frame on the open screen', appendToFrame, {atMost: 16}),
	],
	notes: [
		'In-process: the history screen rendered by Ink into a 120×40 fake terminal that timestamps each write, over a history.jsonl of 10 000 entries in a temporary directory (limit raised to 10 000).',
	],
});
