import {parseLoginTarget} from '../core/login-target.js';
import type {LoginTarget} from '../core/login-target.js';
import type {KeyValueStore} from './config-store.js';
import {readList} from './read-list.js';

const storeKey = 'recentLogins';
export const maxRecentLogins = 5;

/**
 * A login the user chose before. Only its URL is kept in the config file; everything else is
 * derived again on every read, so a hand-edited file can neither break the app nor smuggle in a
 * host that is not a Salesforce login host (the target is where a password and a token go).
 */
export type RecentLogin = LoginTarget;

export type RecentLogins = {
	/** Most recent first, at most maxRecentLogins, only URLs that are still valid login targets. */
	list(): RecentLogin[];
	/** Puts the target first; a URL that is not a valid login target is not kept. */
	remember(target: LoginTarget): void;
	forget(loginUrl: string): void;
};

/**
 * Recently used login URLs, kept in the config store. Recent logins are a convenience: when the
 * config file cannot be read or written, they read as none and remembering does nothing,
 * rather than stopping the user from logging in. The store that opens the file reports the
 * problem (see openConfigStore).
 */
export function recentLogins(store: KeyValueStore): RecentLogins {
	const read = (): RecentLogin[] => {
		const seen = new Set<string>();
		const logins: RecentLogin[] = [];
		for (const entry of readList(store, storeKey)) {
			if (typeof entry !== 'string') continue;
			const parsed = parseLoginTarget(entry);
			if (!parsed.ok || seen.has(parsed.target.loginUrl)) continue;
			seen.add(parsed.target.loginUrl);
			logins.push(parsed.target);
			if (logins.length === maxRecentLogins) break;
		}

		return logins;
	};

	const write = (logins: readonly RecentLogin[]) => {
		try {
			store.set(
				storeKey,
				logins.map((login) => login.loginUrl),
			);
		} catch {
			// See above: an unwritable config costs the user the shortcut, not the login.
		}
	};

	return {
		list: read,
		remember(target) {
			const parsed = parseLoginTarget(target.loginUrl);
			if (!parsed.ok) return;
			const others = read().filter((login) => login.loginUrl !== parsed.target.loginUrl);
			write([parsed.target, ...others].slice(0, maxRecentLogins));
		},
		forget(loginUrl) {
			const logins = read();
			const kept = logins.filter((login) => login.loginUrl !== loginUrl);
			if (kept.length !== logins.length) write(kept);
		},
	};
}
