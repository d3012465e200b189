import {render} from 'ink';
import {App} from './app.js';
import type {DemoSetup} from './app-state.js';
import {ConfigStoreError, inMemoryStore, openConfigStore} from './store/config-store.js';
import type {KeyValueStore} from './store/config-store.js';
import {recentLogins} from './store/recent-logins.js';

export type InteractiveOptions = {
	/** The running emulator, for `sftoken --demo`. */
	readonly demo?: DemoSetup;
	/** The config store; the user's own unless a caller (a test) passes another. */
	readonly store?: KeyValueStore;
};

function openStore(options: InteractiveOptions): {store: KeyValueStore; notice?: string} {
	if (options.store !== undefined) return {store: options.store};
	// The demo runs against made-up orgs: nothing it does belongs in the user's config.
	if (options.demo !== undefined) return {store: inMemoryStore()};
	try {
		return {store: openConfigStore()};
	} catch (error) {
		if (!(error instanceof ConfigStoreError)) throw error;
		return {store: inMemoryStore(), notice: `${error.message} ${error.fix}`};
	}
}

/**
 * Renders the app and resolves to the process exit code once it unmounts (130 after Ctrl+C).
 * The only place that calls render. Only called when stdin and stdout are terminals (cli.tsx
 * decides), so interactivity is forced on: Ink would otherwise turn itself off under CI=true and
 * draw only the last frame. Ink's own Ctrl+C exit is off: the App owns Ctrl+C, which cancels
 * in-flight work before it quits.
 */
export async function runInteractive(options: InteractiveOptions = {}): Promise<number> {
	const {store, notice} = openStore(options);
	const instance = render(
		<App recentLogins={recentLogins(store)} demo={options.demo} notice={notice} />,
		{interactive: true, exitOnCtrlC: false},
	);
	const result = await instance.waitUntilExit();
	return typeof result === 'number' ? result : 0;
}
