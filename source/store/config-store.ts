import {readFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';

/** The app's main config file: small, slow-changing settings only (conf rewrites it on every set). */
export type ConfigStore = Conf<Record<string, unknown>>;

/**
 * The part of a config store that the stores built on it use. conf satisfies it; so does
 * inMemoryStore, for demo mode (which must not touch the user's config) and for tests.
 */
export type KeyValueStore = {
	get(key: string): unknown;
	set(key: string, value: unknown): void;
};

/** A store that lives and dies with the process. */
export function inMemoryStore(): KeyValueStore {
	const values = new Map<string, unknown>();
	return {
		get: (key) => values.get(key),
		set(key, value) {
			values.set(key, value);
		},
	};
}

/** The config file could not be opened; `fix` says what the user can do about it. */
export class ConfigStoreError extends Error {
	readonly fix: string;

	constructor(message: string, fix: string, options?: ErrorOptions) {
		super(message, options);
		this.name = 'ConfigStoreError';
		this.fix = fix;
	}
}

export type ConfigStoreOptions = {
	/** Directory of config.json; tests pass a temporary one. */
	readonly cwd?: string;
	/** Where SFTOKEN_CONFIG_DIR is read from (process.env unless a test passes its own). */
	readonly env?: Readonly<Record<string, string | undefined>>;
};

/**
 * The directory openConfigStore puts config.json in, without opening it: for files that live next
 * to it (the history log). `options.cwd`, else $SFTOKEN_CONFIG_DIR, else the directory conf picks
 * through env-paths for project "sftoken" with no suffix (read from process.env, as conf does):
 * $XDG_CONFIG_HOME/sftoken or ~/.config/sftoken on Linux, ~/Library/Preferences/sftoken on macOS,
 * %APPDATA%\sftoken\Config on Windows.
 */
export function configDirectory(options: ConfigStoreOptions = {}): string {
	// env-paths treats an empty variable as unset.
	const set = (value: string | undefined) => (value === '' ? undefined : value);
	const override = set((options.env ?? process.env)['SFTOKEN_CONFIG_DIR']);
	const cwd = options.cwd ?? override;
	if (cwd !== undefined) return path.resolve(cwd);
	const home = os.homedir();
	if (process.platform === 'darwin') return path.join(home, 'Library', 'Preferences', 'sftoken');
	if (process.platform === 'win32') {
		const appData = set(process.env['APPDATA']) ?? path.join(home, 'AppData', 'Roaming');
		return path.join(appData, 'sftoken', 'Config');
	}

	return path.join(set(process.env['XDG_CONFIG_HOME']) ?? path.join(home, '.config'), 'sftoken');
}

/**
 * Opens the config store: the one place the conf instance is created. The directory is
 * `options.cwd`, else $SFTOKEN_CONFIG_DIR (end-to-end tests point it at a temporary directory),
 * else the system's config directory ($XDG_CONFIG_HOME/sftoken on Linux). The file is readable
 * by its owner only. Throws ConfigStoreError when the file cannot be read or is not JSON: conf
 * would otherwise either throw a bare error or, with clearInvalidConfig, silently wipe a file
 * the user may have edited by hand.
 */
export function openConfigStore(options: ConfigStoreOptions = {}): ConfigStore {
	const env = options.env ?? process.env;
	const override = env['SFTOKEN_CONFIG_DIR'];
	const cwd = options.cwd ?? (override === undefined || override === '' ? undefined : override);
	const fix = 'Correct the file by hand, or delete it (sftoken creates a new one).';
	let store: ConfigStore;
	try {
		store = new Conf<Record<string, unknown>>({
			projectName: 'sftoken',
			// ~/.config/sftoken rather than conf's default ~/.config/sftoken-nodejs.
			projectSuffix: '',
			configFileMode: 0o600,
			...(cwd === undefined ? {} : {cwd}),
		});
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		// conf names the file for a JSON error, not for a system error (EISDIR, EACCES…).
		const file = path.join(configDirectory({...options, env}), 'config.json');
		const where = message.includes(file) ? '' : ` ${file}`;
		throw new ConfigStoreError(`sftoken cannot read its config${where}: ${message}`, fix, {
			cause: error,
		});
	}

	const wrong = wrongShape(store.path);
	if (wrong !== undefined) {
		throw new ConfigStoreError(
			`sftoken cannot use its config ${store.path}: ${wrong}, not what sftoken writes`,
			fix,
		);
	}

	return store;
}

/**
 * What is wrong with the shape of a config file that is JSON, if anything. conf reads a file whose
 * top level is not an object as empty and the next write replaces it, and orgs.ts reads an `orgs`
 * that is not a list as none: either way the next login would silently drop every saved org.
 * (Bad entries in the list, and a bad clientIds or recentLogins, are skipped: nothing hangs on
 * them.)
 */
function wrongShape(file: string): string | undefined {
	let json: unknown;
	try {
		// conf has just read and parsed it; an empty file is conf's empty config.
		const text = readFileSync(file, 'utf8').replace(/^\uFEFF/u, '');
		if (text.trim() === '') return undefined;
		json = JSON.parse(text);
	} catch {
		return undefined;
	}

	if (typeof json !== 'object' || json === null || Array.isArray(json)) {
		return `its top level is ${json === null ? 'null' : Array.isArray(json) ? 'a list' : `a ${typeof json}`} instead of an object`;
	}

	const {orgs} = json as Record<string, unknown>;
	return orgs === undefined || Array.isArray(orgs) ? undefined : '“orgs” is not a list';
}
