// esbuild options shared by the app's build (scripts/build.js) and the benchmarks' builds
// (bench/run.ts), so that what is measured is built the way it ships.
import {readFileSync} from 'node:fs';
import http from 'node:http';

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

/**
 * yoga-layout (Ink's layout engine) ships its WebAssembly as a base64 data: URI and, because
 * Node 22 has a global fetch, "downloads" it with fetch() — which loads undici and percent-decodes
 * 95 KB before the first frame (~25 ms here). Handing Emscripten the bytes as `wasmBinary`, decoded
 * by Buffer, skips fetch altogether; the data: URI is emptied so the bytes are bundled only once.
 */
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

/** Everything but the entry points and where the output goes. */
export const sharedOptions = {
	bundle: true,
	format: 'esm',
	platform: 'node',
	target: 'node22',
	jsx: 'automatic',
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
	plugins: [yogaWasmBinary, httpWithoutUndici],
};
