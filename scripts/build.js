// Bundles the CLI into dist/ with esbuild. Code splitting keeps the headless commands from
// loading React and Ink: each command and the interactive app are their own lazily imported chunk.
import {build} from 'esbuild';

await build({
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
});
