// Startup: how long until a command is done or the first screen is drawn, against `node -e 0`
// measured in the same run and the same harness (the ratio is what holds from machine to machine).
//   node --import tsx bench/startup.ts [--runs N]      (after npm run build)
import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {cleanEnv, cliPath, keys, startTerminal} from '../test/e2e/helpers/terminal.js';
import {emit, row, runsOption, type Row} from './lib/report.js';

const runs = runsOption(30);
const warmups = 3;
const title = 'Where do you log in?';
const configDir = mkdtempSync(path.join(tmpdir(), 'sftoken-bench-'));
const env = cleanEnv(configDir);

/** Milliseconds from spawn to exit, output piped and read (as a script would). */
async function timeToExit(args: readonly string[]): Promise<number> {
	const start = performance.now();
	const child = spawn(process.execPath, args, {env, stdio: ['ignore', 'pipe', 'pipe']});
	child.stdout.resume();
	child.stderr.resume();
	const code = await new Promise<number | null>((resolve) => {
		child.on('exit', resolve);
	});
	const elapsed = performance.now() - start;
	if (code !== 0) throw new Error(`${args.join(' ')} exited ${code}`);
	return elapsed;
}

/** Milliseconds from spawn in a pseudo-terminal until `text` is on its screen (or it exited). */
async function timeInTerminal(
	options: Parameters<typeof startTerminal>[0],
	until: 'exit' | {text: string},
): Promise<number> {
	const start = performance.now();
	const terminal = startTerminal(options);
	try {
		if (until === 'exit') {
			await terminal.waitForExit();
			return performance.now() - start;
		}

		await terminal.waitForText(until.text);
		const elapsed = performance.now() - start;
		terminal.write(keys.ctrlC);
		await terminal.waitForExit();
		return elapsed;
	} finally {
		await terminal.dispose();
	}
}

/** Peak and current RSS (MB) of the app idle on its first screen, read from /proc. */
async function idleMemory(): Promise<{peak: number; current: number}> {
	const terminal = startTerminal();
	try {
		await terminal.waitForText(title);
		// Let the first screen settle: effects, timers, the config read.
		await new Promise((resolve) => setTimeout(resolve, 1000));
		const status = readFileSync(`/proc/${terminal.pid}/status`, 'utf8');
		const kilobytes = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1]);
		terminal.write(keys.ctrlC);
		await terminal.waitForExit();
		return {peak: kilobytes('VmHWM') / 1024, current: kilobytes('VmRSS') / 1024};
	} finally {
		await terminal.dispose();
	}
}

const url = 'https://acme--uat.sandbox.lightning.force.com/lightning/page/home';
const headless = {
	node: ['-e', '0'],
	version: [cliPath, '--version'],
	domain: [cliPath, 'domain', url, '--json'],
} as const;
const samples: Record<string, number[]> = {
	node: [],
	version: [],
	domain: [],
	ptyNode: [],
	firstFrame: [],
};

// Warm-up: the compile cache is filled by the first runs, as on a user's machine after one start.
for (let index = 0; index < warmups; index++) {
	for (const args of Object.values(headless)) await timeToExit(args);
	await timeInTerminal({}, {text: title});
}

// Interleaved, so that a burst of load on the machine hits every figure alike.
for (let index = 0; index < runs; index++) {
	for (const [name, args] of Object.entries(headless)) samples[name]!.push(await timeToExit(args));
	samples['ptyNode']!.push(
		await timeInTerminal({command: {file: process.execPath, args: ['-e', '0']}}, 'exit'),
	);
	samples['firstFrame']!.push(await timeInTerminal({}, {text: title}));
}

// A first start ever: an empty compile cache each time.
const cold: number[] = [];
for (let index = 0; index < Math.min(runs, 10); index++) {
	const cacheDir = mkdtempSync(path.join(tmpdir(), 'sftoken-bench-cache-'));
	cold.push(await timeInTerminal({env: {NODE_COMPILE_CACHE: cacheDir}}, {text: title}));
	rmSync(cacheDir, {recursive: true, force: true});
}

const memory: Array<{peak: number; current: number}> = [];
for (let index = 0; index < 5; index++) memory.push(await idleMemory());
rmSync(configDir, {recursive: true, force: true});

const node = {figure: 'node -e 0', samples: samples['node']!};
const ptyNode = {figure: 'node -e 0 in a PTY', samples: samples['ptyNode']!};
const rows: Row[] = [
	row('node -e 0', samples['node']!),
	row('sftoken --version', samples['version']!, {baseline: node, atMost: 1.5}),
	row('sftoken domain <url> --json', samples['domain']!, {baseline: node, atMost: 1.5}),
	row('node -e 0 in a PTY', samples['ptyNode']!),
	row('first frame of sftoken in a PTY', samples['firstFrame']!, {baseline: ptyNode, atMost: 2.5}),
	row('first frame, empty compile cache', cold, {baseline: ptyNode}),
	row(
		'peak RSS, idle on the first screen',
		memory.map((entry) => entry.peak),
		{unit: 'MB', atMost: 80},
	),
	row(
		'RSS, idle on the first screen',
		memory.map((entry) => entry.current),
		{unit: 'MB'},
	),
];

emit({
	name: 'startup',
	rows,
	notes: [
		'Headless: spawn to exit with stdout and stderr piped. PTY: spawn in a 100×30 pseudo-terminal until the title is on the screen (read through @xterm/headless).',
		'Compile cache warm except in the "empty compile cache" row (NODE_COMPILE_CACHE pointed at a new directory each run).',
	],
});
