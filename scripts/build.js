// Bundles the CLI into dist/ with esbuild. Code splitting keeps the headless commands from
// loading React and Ink: each command and the interactive app are their own lazily imported chunk.
// `node scripts/build.js --metafile <file>` also writes esbuild's metafile (which chunk imports
// what, eagerly or lazily) for checking what a start-up path loads.
import {readdirSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {build} from 'esbuild';
import {sharedOptions} from './build-options.js';

const {values} = parseArgs({options: {metafile: {type: 'string'}}});

const result = await build({
	...sharedOptions,
	entryPoints: ['cli.tsx'],
	outdir: 'dist',
	splitting: true,
	chunkNames: 'chunks/[name]-[hash]',
	metafile: true,
});

// Chunk names carry content hashes, so every build leaves the previous build's chunks behind.
// Remove them only now that the new ones exist: a CLI started from the old build a moment ago
// can still import what it needs while this build runs.
const outputs = new Set(Object.keys(result.metafile.outputs).map((file) => path.resolve(file)));
for (const name of readdirSync('dist/chunks')) {
	const file = path.resolve('dist/chunks', name);
	if (!outputs.has(file)) rmSync(file, {force: true});
}

if (values.metafile !== undefined) {
	writeFileSync(values.metafile, JSON.stringify(result.metafile));
}
