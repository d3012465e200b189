// Bundles the CLI into dist/ with esbuild. Code splitting keeps the headless commands from
// loading React and Ink: each command and the interactive app are their own lazily imported chunk.
// `node scripts/build.js --metafile <file>` also writes esbuild's metafile (which chunk imports
// what, eagerly or lazily) for checking what a start-up path loads.
import http from 'node:http';
import {readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {build} from 'esbuild';

const {values} = parseArgs({options: {metafile: {type: 'string'}}});

/**
 * yoga-layout (Ink's layout engine) ships its WebAssembly as a base64 data: URI and, because
 * Node 22 has a global fetch, "downloads" it with fetch() — which loads undici and percent-decodes
 * 95 KB before the first frame (~25 ms here). Handing Emscripten the bytes as `wasmBinary`, decoded
 * by Buffer, skips fetch altogether; the data: URI is emptied so the bytes are bundled only once.
 */
/**
 * `import … from 'node:http'` in ESM makes Node build the module's ESM facade, which reads every
 * export — including the lazy WebSocket/CloseEvent/MessageEvent getters that load undici: ~20 ms
 * for nothing (require('node:http') is ~4 ms). got and the loopback servers import it that way, so
 * ESM imports of node:http are served by a small module that requires it instead.
 */
const httpWithoutUndici = {
	name: 'http-without-undici',
	setup(build) {
		const lazyUndiciGetters = new Set(['WebSocket', 'CloseEvent', 'MessageEvent']);
		const names = Object.keys(http).filter((name) => !lazyUndiciGetters.has(name));
		build.onResolve({filter: /^(node:)?http$/}, (args) =>
			args.kind === 'import-statement' || args.kind === 'dynamic-import'
				? {path: 'node:http', namespace: 'http-without-undici'}
				: undefined,
		);
		build.onLoad({filter: /.*/, namespace: 'http-without-undici'}, () => ({
			contents: [
				"import {createRequire} from 'node:module';",
				"const http = createRequire(import.meta.url)('node:http');",
				'export default http;',
				`export const {${names.join(', ')}} = http;`,
			].join('\n'),
			loader: 'js',
		}));
	},
};

const yogaWasmBinary = {
	name: 'yoga-wasm-binary',
	setup(build) {
		const dataUri = /"data:application\/octet-stream;base64,([^"]+)"/;
		build.onLoad(
			{filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/},
			(args) => {
				const source = readFileSync(args.path, 'utf8');
				const base64 = dataUri.exec(source)?.[1];
				if (base64 === undefined) throw new Error(`yoga-wasm-binary: no data: URI in ${args.path}`);
				const contents = source
					.replace(dataUri, '"data:application/octet-stream;base64,"')
					// Emscripten reads Module.wasmBinary before it looks at the URI.
					.replace(
						/^var loadYoga = \(\(\) => \{$/m,
						`const wasmBinary = Buffer.from(${JSON.stringify(base64)}, 'base64');\n$&`,
					)
					.replace(/loadYoga = loadYoga \|\| \{\};/, 'loadYoga = {wasmBinary, ...loadYoga};');
				if (!contents.includes('{wasmBinary, ...loadYoga}')) {
					throw new Error('yoga-wasm-binary: the Emscripten loader changed; update the patch');
				}

				return {contents, loader: 'js'};
			},
		);
	},
};

const result = await build({
	entryPoints: ['cli.tsx'],
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node22',
	jsx: 'automatic',
	chunkNames: 'chunks/[name]-[hash]',
	// Ink imports react-devtools-core only when DEV=true; it is not a dependency. The keychain
	// binding is a native addon: it stays in node_modules and loads only when secrets are used.
	external: ['react-devtools-core', '@napi-rs/keyring'],
	// Bundled CommonJS dependencies still call require() for Node built-ins.
	banner: {
		js: "import {createRequire as __sftokenCreateRequire} from 'node:module'; const require = __sftokenCreateRequire(import.meta.url);",
	},
	define: {'process.env.NODE_ENV': '"production"'},
	legalComments: 'none',
	logLevel: 'warning',
	metafile: true,
	plugins: [yogaWasmBinary, httpWithoutUndici],
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
