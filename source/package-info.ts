// The version and description come from package.json at build time (esbuild inlines the JSON),
// so `--version` never reads the file system.
import packageJson from '../package.json' with {type: 'json'};

export const packageInfo = {
	name: packageJson.name,
	version: packageJson.version,
	description: packageJson.description,
} as const;
