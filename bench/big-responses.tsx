// Big responses: 1, 5 and 20 MB query results (compact JSON, as Salesforce sends them) served by
// a loopback server in another process (bench/lib/query-server.js). Times the viewer's first frame after the last byte arrived, one scroll key at
// the top, middle and end, and the memory held with the 20 MB body open.
//   NODE_ENV=production node --expose-gc --import tsx bench/big-responses.tsx [--runs N]
// (npm run bench runs it bundled, as the app ships.)
import {spawn} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {ResponseView, type RawPage} from '../source/components/response-view/response-view.js';
import {timedRender} from './lib/ink-frames.js';
import {emit, repoRoot, row, runsOption, type Row} from './lib/report.js';

const runs = runsOption(15);
const firstFrameRuns = Math.max(3, Math.round(runs / 3));
const megabyte = 1024 * 1024;
const columns = 120;
const rows = 40;

type Served = {
	readonly port: number;
	readonly bytes: number;
	readonly records: number;
	readonly stop: () => void;
};

/** Starts bench/lib/query-server.js serving a query result of about `megabytes`. */
async function serve(megabytes: number): Promise<Served> {
	const child = spawn(
		process.execPath,
		[path.join(repoRoot, 'bench', 'lib', 'query-server.js'), String(megabytes)],
		{
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	let output = '';
	const line = await new Promise<string>((resolve, reject) => {
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			output += chunk;
			if (output.includes('\n')) resolve(output.split('\n')[0]!);
		});
		child.on('exit', (code) => {
			reject(new Error(`query server exited ${code}`));
		});
	});
	const info = JSON.parse(line) as {port: number; bytes: number; records: number};
	return {
		...info,
		stop() {
			child.kill();
		},
	};
}

/** Downloads the served body; resolves to the text and the moment its last byte came. */
async function download(served: Served): Promise<{text: string; lastByte: number}> {
	return new Promise((resolve, reject) => {
		http
			.get(`http://127.0.0.1:${served.port}/services/data/v62.0/query`, (response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => {
					const lastByte = performance.now();
					resolve({text: Buffer.concat(chunks).toString('utf8'), lastByte});
				});
			})
			.on('error', reject);
	});
}

function summary(text: string) {
	return {
		status: 200,
		statusText: 'OK',
		timeMs: 412,
		sizeBytes: Buffer.byteLength(text),
		truncated: false,
		headers: {'content-type': 'application/json;charset=UTF-8'},
	};
}

function view(text: string) {
	const pages: RawPage[] = [{body: text, contentType: 'application/json', label: 'response'}];
	return timedRender(
		<ResponseView
			response={summary(text)}
			pages={pages}
			width={columns}
			height={rows - 2}
			isActive
		/>,
		{columns, rows},
	);
}

function memory(): {rss: number; peak: number; held: number} {
	const status = readFileSync('/proc/self/status', 'utf8');
	const megabytes = (name: string) =>
		Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1]) / 1024;
	const usage = process.memoryUsage();
	return {
		rss: megabytes('VmRSS'),
		peak: megabytes('VmHWM'),
		// What the process still references after a GC: V8's heap and memory outside it (Buffers).
		held: (usage.heapUsed + usage.external) / megabyte,
	};
}

function collectGarbage(): void {
	(globalThis as {gc?: () => void}).gc?.();
}

/** Resets VmHWM (Linux: writing 5 to clear_refs), so the peak is this body's. */
function resetPeak(): void {
	try {
		writeFileSync('/proc/self/clear_refs', '5');
	} catch {
		// Not Linux, or not allowed: the peak then covers the whole run so far.
	}
}

const output: Row[] = [];
const notes: string[] = [];

// Memory first, in a process that has seen no other body.
{
	collectGarbage();
	const before = memory();
	const served = await serve(20);
	const {records} = served;
	const bodyMegabytes = served.bytes / megabyte;
	resetPeak();
	const {text} = await download(served);
	served.stop();
	const rendered = view(text);
	await rendered.firstFrame;
	await rendered.settle(200);
	collectGarbage();
	const open = memory();
	rendered.unmount();
	const added = open.rss - before.rss;
	output.push(
		row('RSS before the body (Ink loaded, idle)', [before.rss], {unit: 'MB', atMost: 80}),
		row(`RSS with the ${bodyMegabytes.toFixed(0)} MB body open and indexed`, [open.rss], {
			unit: 'MB',
			atMost: Math.round(80 + 4 * bodyMegabytes),
		}),
		row(`RSS added by the ${bodyMegabytes.toFixed(0)} MB body`, [added], {
			unit: 'MB',
			atMost: Math.round(4 * bodyMegabytes),
		}),
		row(
			`heap + buffers held for the ${bodyMegabytes.toFixed(0)} MB body`,
			[open.held - before.held],
			{
				unit: 'MB',
			},
		),
		row('peak RSS while it downloaded, drew and indexed', [open.peak], {
			unit: 'MB',
			atMost: Math.round(80 + 4 * bodyMegabytes),
		}),
	);
	notes.push(
		`20 MB body: ${records} records; the open body adds ${(added / bodyMegabytes).toFixed(1)}× its size to RSS (target ≤ 4×).`,
	);
}

for (const size of [1, 5, 20]) {
	const served = await serve(size);
	const {records} = served;
	const first: number[] = [];
	let text = '';
	for (let run = 0; run < firstFrameRuns; run++) {
		const downloaded = await download(served);
		text = downloaded.text;
		const rendered = view(text);

		await rendered.firstFrame;
		first.push(performance.now() - downloaded.lastByte);

		await rendered.settle();
		rendered.unmount();
	}

	served.stop();
	const rendered = view(text);
	await rendered.firstFrame;
	// Wait for the whole body to be indexed: the end is reachable only then.
	await rendered.settle(200);
	const top: number[] = [];
	const middle: number[] = [];
	const end: number[] = [];
	for (let run = 0; run < runs; run++) {
		top.push(await rendered.press(run % 2 === 0 ? 'j' : 'k'));
	}

	// The middle: search for the middle record's name (n/N and Enter jump there).
	await rendered.press('/');
	for (const character of `Account ${String(Math.floor(records / 2)).padStart(7, '0')}`) {
		await rendered.press(character);
	}

	await rendered.press('\r');
	for (let run = 0; run < runs; run++) {
		middle.push(await rendered.press(run % 2 === 0 ? 'j' : 'k'));
	}

	await rendered.press('G');
	for (let run = 0; run < runs; run++) {
		end.push(await rendered.press(run % 2 === 0 ? 'k' : 'j'));
	}

	rendered.unmount();
	output.push(
		row(`${size} MB: last byte → first frame`, first),
		row(`${size} MB: one scroll key at the top`, top, {atMost: 16}),
		row(`${size} MB: one scroll key in the middle`, middle, {atMost: 16}),
		row(`${size} MB: one scroll key at the end`, end, {atMost: 16}),
	);
}

notes.push(
	`In-process: the response viewer rendered by Ink into a ${columns}×${rows} fake terminal that timestamps each write; the body is fetched from a loopback server and the clock starts at its last byte. Each scroll key is sent after the view is idle and timed to the frame it causes.`,
);
emit({name: 'big responses', rows: output, notes});
