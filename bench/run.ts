// `npm run bench`: builds, then runs every benchmark in its own process (so one's memory and JIT
// state never colour another's) and prints one table; the JSON goes to bench/results/ (not
// committed). Benchmarks are not tests: nothing here fails on a slow figure, the table says
// whether each target is met.
//   node --import tsx bench/run.ts [name …] [--runs N]
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {build} from 'esbuild';
import {sharedOptions} from '../scripts/build-options.js';
import os from 'node:os';
import path from 'node:path';
import {repoRoot, resultsDirectory, table, writeResults, type Section} from './lib/report.js';

const all = ['startup', 'big-responses', 'typing', 'app-typing', 'history'] as const;
const args = process.argv.slice(2);
const runsIndex = args.indexOf('--runs');
const passThrough = runsIndex === -1 ? [] : args.slice(runsIndex, runsIndex + 2);
const chosen = args.filter(
	(arg, index) => !arg.startsWith('--') && (runsIndex === -1 || index !== runsIndex + 1),
);
const names = chosen.length === 0 ? all : chosen;

/** Benchmarks that run the app's code in their own process: bundled as the app ships. */
const inProcess = new Set<string>(['big-responses', 'typing', 'history']);

/** Bundles an in-process benchmark with the app's build options (React's production build). */
async function bundle(name: string, source: string): Promise<string> {
	const outdir = path.join(resultsDirectory, 'build', name);
	await build({
		...sharedOptions,
		// The pseudo-terminal and the screen reader are native or heavy test tools: left as they are.
		external: [...sharedOptions.external, '@lydell/node-pty', '@xterm/headless'],
		entryPoints: {[name]: source},
		outdir,
		outExtension: {'.js': '.mjs'},
		// As in the app: what Ink loads lazily (its devtools bridge) stays a chunk of its own.
		splitting: true,
	});
	return path.join(outdir, `${name}.mjs`);
}

async function runBench(name: string): Promise<Section> {
	const file = path.join(repoRoot, 'bench', `${name}.ts`);
	const source = existsSync(file) ? file : `${file}x`;
	const command = inProcess.has(name) ? [await bundle(name, source)] : ['--import', 'tsx', source];
	const child = spawn(process.execPath, ['--expose-gc', ...command, '--json', ...passThrough], {
		cwd: repoRoot,
		// React's production build, as in the bundle: the development build is several times slower.
		env: {...process.env, NODE_ENV: 'production'},
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	let stdout = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		stdout += chunk;
	});
	const code = await new Promise<number | null>((resolve) => {
		child.on('close', resolve);
	});
	// The section is the last JSON line (Ink may write a cursor sequence as the process ends).
	const last = stdout.split('\n').findLast((line) => line.startsWith('{')) ?? '';
	if (code !== 0) throw new Error(`bench/${name}.ts exited ${code}:\n${stdout}`);
	return JSON.parse(last) as Section;
}

const machine = {
	node: process.version,
	cpus: os.cpus().length,
	cpuModel: os.cpus()[0]?.model,
	loadAverageAtStart: os.loadavg(),
	date: new Date().toISOString(),
};
process.stderr.write(
	`Node ${machine.node}, ${machine.cpus} CPUs, load ${machine.loadAverageAtStart.map((load) => load.toFixed(2)).join(' ')}\n`,
);
const sections: Section[] = [];
for (const name of names) {
	process.stderr.write(`bench: ${name}…\n`);
	// One at a time: they measure time, and this machine has few cores.
	sections.push(await runBench(name));
}

process.stdout.write(`${table(sections)}\n`);
for (const section of sections) {
	for (const note of section.notes ?? []) process.stdout.write(`- ${section.name}: ${note}\n`);
}

process.stdout.write(`\nJSON: ${path.relative(repoRoot, writeResults(sections, {machine}))}\n`);
