import {render} from 'ink';
import {App} from './app.js';
import type {DemoSetup} from './app-state.js';
import {memoryAuthContext, openAuthContext, type AuthContext} from './auth/context.js';
import {systemServices} from './screens/sign-in/system-services.js';
import {ConfigStoreError, inMemoryStore, openConfigStore} from './store/config-store.js';
import type {KeyValueStore} from './store/config-store.js';
import {openUserHistory} from './store/history-open.js';
import {memoryHistoryStore, type HistoryStore} from './store/history.js';
import {recentLogins} from './store/recent-logins.js';

export type InteractiveOptions = {
	/** The running emulator, for `sftoken --demo`. */
	readonly demo?: DemoSetup;
	/** The config store; the user's own unless a caller (a test) passes another. */
	readonly store?: KeyValueStore;
	/** Where logins are kept; the user's config and keychain unless a caller passes another. */
	readonly auth?: AuthContext;
	/** `--port`: the loopback port of the browser login. */
	readonly browserPort?: number;
	/** `--no-browser`: never open a browser; paste the redirect address back instead. */
	readonly noBrowser?: boolean;
	/** Where requests are kept; the log next to the user's config unless a caller passes another. */
	readonly history?: HistoryStore;
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

async function openAuth(
	options: InteractiveOptions,
): Promise<{auth: AuthContext; notice?: string}> {
	if (options.auth !== undefined) return {auth: options.auth};
	// Demo logins are to the emulator: never into the user's config or keychain.
	if (options.demo !== undefined) return {auth: memoryAuthContext()};
	const opened = await openAuthContext();
	if (opened.ok) return {auth: opened.value};
	return {
		auth: memoryAuthContext(),
		notice: `${opened.problem.title}: ${opened.problem.cause} ${opened.problem.fix} Logins are kept in memory only.`,
	};
}

/**
 * Renders the app and resolves to the process exit code once it unmounts (130 after Ctrl+C).
 * The only place that calls render. Only called when stdin and stdout are terminals (cli.tsx
 * decides), so interactivity is forced on: Ink would otherwise turn itself off under CI=true and
 * draw only the last frame. Ink's own Ctrl+C exit is off: the App owns Ctrl+C, which cancels
 * in-flight work before it quits.
 */
export async function runInteractive(options: InteractiveOptions = {}): Promise<number> {
	const {store, notice: storeNotice} = openStore(options);
	const {auth, notice: authNotice} = await openAuth(options);
	const notice = [storeNotice, authNotice].filter(Boolean).join(' ') || undefined;
	const services = systemServices(auth, {
		...(options.browserPort === undefined ? {} : {browserPort: options.browserPort}),
		...(options.noBrowser === undefined ? {} : {noBrowser: options.noBrowser}),
	});
	// The demo's requests go to the emulator, and a caller's own config is not the user's: either
	// way they stay out of the user's history.
	const history =
		options.history ??
		(options.demo === undefined && options.store === undefined
			? openUserHistory({config: store})
			: memoryHistoryStore());
	const instance = render(
		<App
			recentLogins={recentLogins(store)}
			demo={options.demo}
			notice={notice}
			services={services}
			history={history}
		/>,
		{interactive: true, exitOnCtrlC: false},
	);
	const result = await instance.waitUntilExit();
	return typeof result === 'number' ? result : 0;
}
