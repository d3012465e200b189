// What every benchmark produces: rows of figures with min/median over their runs, a ratio against
// a baseline measured in the same run where one makes sense, and the target the issue sets.
import {existsSync, mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export type Row = {
	readonly figure: string;
	readonly unit: 'ms' | 'MB';
	readonly runs: number;
	readonly min: number;
	readonly median: number;
	/** The baseline row's figure name and its median, when the ratio is what the target is about. */
	readonly baseline?: {readonly figure: string; readonly median: number};
	/** median / baseline median */
	readonly ratio?: number;
	/** e.g. "≤ 1.5× node -e 0", "≤ 16 ms" */
	readonly target?: string;
	readonly met?: boolean;
};

export type Section = {
	readonly name: string;
	readonly rows: readonly Row[];
	/** What the reader needs to know to read the figures (machine, sizes, how measured). */
	readonly notes?: readonly string[];
};

/** The directory with package.json, found upwards: benchmarks also run bundled, from elsewhere. */
function findRepoRoot(): string {
	let directory = path.dirname(fileURLToPath(import.meta.url));
	while (!existsSync(path.join(directory, 'package.json'))) {
		const parent = path.dirname(directory);
		if (parent === directory) throw new Error('bench: no package.json above the benchmark');
		directory = parent;
	}

	return directory;
}

export const repoRoot = findRepoRoot();
export const resultsDirectory = path.join(repoRoot, 'bench', 'results');

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	if (sorted.length === 0) return Number.NaN;
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A row from raw samples; with `baseline`, the ratio of the medians and a ratio target. */
export function row(
	figure: string,
	samples: readonly number[],
	options: {
		readonly unit?: 'ms' | 'MB';
		readonly baseline?: {readonly figure: string; readonly samples: readonly number[]};
		/** Met when the ratio (with a baseline) or the median (without) is at most this. */
		readonly atMost?: number;
	} = {},
): Row {
	const unit = options.unit ?? 'ms';
	const middle = median(samples);
	const base =
		options.baseline === undefined
			? undefined
			: {figure: options.baseline.figure, median: median(options.baseline.samples)};
	const ratio = base === undefined ? undefined : middle / base.median;
	const limit = options.atMost;
	return {
		figure,
		unit,
		runs: samples.length,
		min: Math.min(...samples),
		median: middle,
		...(base === undefined ? {} : {baseline: base, ratio}),
		...(limit === undefined
			? {}
			: {
					target: base === undefined ? `≤ ${limit} ${unit}` : `≤ ${limit}× ${base.figure}`,
					met: (ratio ?? middle) <= limit,
				}),
	};
}

function number(value: number, unit: string): string {
	if (!Number.isFinite(value)) return '–';
	const digits = value < 10 ? 2 : value < 100 ? 1 : 0;
	return `${value.toFixed(digits)} ${unit}`;
}

/** A Markdown table of the rows (stdout and the README use the same). */
export function table(sections: readonly Section[]): string {
	const lines = [
		'| figure | runs | min | median | ratio | target | met |',
		'|---|---:|---:|---:|---:|---|---|',
	];
	for (const section of sections) {
		lines.push(`| **${section.name}** | | | | | | |`);
		for (const entry of section.rows) {
			const ratio =
				entry.ratio === undefined
					? ''
					: `${entry.ratio.toFixed(2)}× ${entry.baseline?.figure ?? ''}`;
			lines.push(
				`| ${entry.figure} | ${entry.runs} | ${number(entry.min, entry.unit)} | ${number(entry.median, entry.unit)} | ${ratio} | ${entry.target ?? ''} | ${entry.met === undefined ? '' : entry.met ? 'yes' : '**no**'} |`,
			);
		}
	}

	return lines.join('\n');
}

/** Writes the sections as JSON to bench/results/ (gitignored): a dated file and latest.json. */
export function writeResults(sections: readonly Section[], extra: Record<string, unknown>): string {
	mkdirSync(resultsDirectory, {recursive: true});
	const stamp = new Date()
		.toISOString()
		.replaceAll(':', '-')
		.replace(/\.\d+Z$/, 'Z');
	const file = path.join(resultsDirectory, `bench-${stamp}.json`);
	const json = JSON.stringify({...extra, sections}, null, '\t');
	writeFileSync(file, `${json}\n`);
	writeFileSync(path.join(resultsDirectory, 'latest.json'), `${json}\n`);
	return file;
}

/**
 * A bench file run on its own prints its table; run by bench/run.ts (with --json) it prints its
 * section as the last line of stdout for the runner to collect.
 */
export function emit(section: Section): void {
	if (process.argv.includes('--json')) {
		process.stdout.write(`${JSON.stringify(section)}\n`);
	} else {
		process.stdout.write(`${table([section])}\n`);
		for (const note of section.notes ?? []) process.stdout.write(`- ${note}\n`);
	}
}

/** Runs count, from `--runs N` or the default. */
export function runsOption(fallback: number): number {
	const index = process.argv.indexOf('--runs');
	const value = index === -1 ? Number.NaN : Number(process.argv[index + 1]);
	return Number.isInteger(value) && value > 0 ? value : fallback;
}
