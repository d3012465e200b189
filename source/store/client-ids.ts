// The consumer key (client id) of the user's own External Client App, asked once per login host
// and remembered in the config file. Not a secret: it travels in every authorize URL.
import type {KeyValueStore} from './config-store.js';
import {readList} from './read-list.js';

const storeKey = 'clientIds';

/** Consumer keys are long runs of letters, digits, `.` and `_` (`3MVG9…`); nothing else is kept. */
const clientIdPattern = /^[\w.-]{1,256}$/u;

export function isValidClientId(clientId: string): boolean {
	return clientIdPattern.test(clientId);
}

export type ClientIdStore = {
	/** The client id remembered for this login URL, if any. */
	get(loginUrl: string): string | undefined;
	remember(loginUrl: string, clientId: string): void;
	forget(loginUrl: string): void;
};

/** The origin a login URL is remembered under, so `https://Login.salesforce.com/` matches too. */
function hostKey(loginUrl: string): string | undefined {
	try {
		return new URL(loginUrl).origin;
	} catch {
		return undefined;
	}
}

type Entry = {readonly loginUrl: string; readonly clientId: string};

/**
 * Client ids per login host, in the config store under `clientIds` as a list of
 * `{loginUrl, clientId}` (a list, not an object keyed by URL: conf reads dots in keys as paths).
 * Reads never throw and skip entries that are not a valid pair.
 */
export function clientIdStore(store: KeyValueStore): ClientIdStore {
	const read = (): Entry[] => {
		const entries: Entry[] = [];
		for (const item of readList(store, storeKey)) {
			if (typeof item !== 'object' || item === null) continue;
			const {loginUrl, clientId} = item as Record<string, unknown>;
			if (typeof loginUrl !== 'string' || typeof clientId !== 'string') continue;
			const key = hostKey(loginUrl);
			if (key === undefined || !isValidClientId(clientId)) continue;
			if (!entries.some((entry) => entry.loginUrl === key)) entries.push({loginUrl: key, clientId});
		}

		return entries;
	};

	return {
		get(loginUrl) {
			const key = hostKey(loginUrl);
			return read().find((entry) => entry.loginUrl === key)?.clientId;
		},
		remember(loginUrl, clientId) {
			const key = hostKey(loginUrl);
			if (key === undefined || !isValidClientId(clientId)) return;
			const others = read().filter((entry) => entry.loginUrl !== key);
			store.set(storeKey, [...others, {loginUrl: key, clientId}]);
		},
		forget(loginUrl) {
			const key = hostKey(loginUrl);
			const entries = read();
			const kept = entries.filter((entry) => entry.loginUrl !== key);
			if (kept.length !== entries.length) store.set(storeKey, kept);
		},
	};
}
