// The orgs the user logged into, kept in the config file WITHOUT their tokens (see secrets.ts).
// The file may be edited by hand: every read re-checks every entry and skips what does not hold
// up, so nonsense in the file costs that entry, never the app.
import {safeInstanceUrl} from '../core/instance-url.js';
import {parseLoginTarget} from '../core/login-target.js';
import type {KeyValueStore} from './config-store.js';
import {readList} from './read-list.js';

const storeKey = 'orgs';

export type LoginMethod = 'device' | 'web' | 'token';

export type SavedOrg = {
	/** Unique name the user types after `--org`. */
	readonly alias: string;
	/** Where tokens are refreshed and revoked: login/test, the My Domain, or the emulator. */
	readonly loginUrl: string;
	/** Where REST calls go. */
	readonly instanceUrl: string;
	/** The consumer key the tokens were issued to; absent for a pasted token. */
	readonly clientId?: string;
	readonly username: string;
	/** 18-character org id (15 when the org only gave that). */
	readonly orgId: string;
	readonly userId: string;
	readonly orgName?: string;
	readonly sandbox?: boolean;
	/** Newest API version of the instance at login, e.g. "66.0". */
	readonly apiVersion?: string;
	readonly loginMethod: LoginMethod;
	/** Milliseconds since the epoch; the most recent one is the default org. */
	readonly lastUsedAt: number;
};

/** An org to save: the alias is derived when absent or taken. */
export type OrgToSave = Omit<SavedOrg, 'alias' | 'lastUsedAt'> & {readonly alias?: string};

export type SaveOutcome = {
	readonly org: SavedOrg;
	/** Another org held the requested alias; it keeps living under this new alias. */
	readonly renamed?: {readonly from: string; readonly to: string; readonly username: string};
	/** The same user of the same org was already saved (a login again): its entry was replaced. */
	readonly replaced: boolean;
};

export type OrgStore = {
	/** Most recently used first. */
	list(): SavedOrg[];
	/**
	 * The org named by alias, else by username, else by org id (15 or 18 characters, when only one
	 * org matches); without a name, the default org (the one used last). Undefined when none.
	 */
	get(name?: string): SavedOrg | undefined;
	/** Saves an org; a second login of the same user in the same org replaces its entry. */
	save(org: OrgToSave, now: number): SaveOutcome;
	/** Changes what a refresh or a use learned (instance URL moved, API version, last use). */
	update(
		alias: string,
		changes: Partial<Pick<SavedOrg, 'instanceUrl' | 'apiVersion' | 'lastUsedAt'>>,
	): SavedOrg | undefined;
	/** Forgets an org; false when there was none by that alias. */
	remove(alias: string): boolean;
};

const aliasPattern = /^[A-Za-z\d][\w.@+-]{0,79}$/u;
const orgIdPattern = /^00D[A-Za-z\d]{12}(?:[A-Za-z\d]{3})?$/u;
const userIdPattern = /^005[A-Za-z\d]{12}(?:[A-Za-z\d]{3})?$/u;
const apiVersionPattern = /^\d{1,3}\.\d$/u;

/** Whether a text can be an alias: a letter or digit, then letters, digits and `_ . @ + -`. */
export function isValidAlias(alias: string): boolean {
	return aliasPattern.test(alias);
}

/** The key of an org's tokens in the secret store: one per user of an org, whatever its alias. */
export function secretAccount(org: Pick<SavedOrg, 'orgId' | 'userId'>): string {
	return `${org.orgId.slice(0, 15)}:${org.userId.slice(0, 15)}`;
}

/** The login URL as the login step would have produced it, or undefined for anything else. */
function safeLoginUrl(text: string): string | undefined {
	const parsed = parseLoginTarget(text, {allowLoopback: true});
	return parsed.ok && parsed.target.loginUrl === text ? text : undefined;
}

function sameUser(a: Pick<SavedOrg, 'orgId' | 'userId'>, b: Pick<SavedOrg, 'orgId' | 'userId'>) {
	return secretAccount(a) === secretAccount(b);
}

/** One entry of the file, checked field by field; undefined when it cannot be trusted. */
function readEntry(raw: unknown): SavedOrg | undefined {
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
	const entry = raw as Record<string, unknown>;
	const text = (name: string): string | undefined => {
		const value = entry[name];
		return typeof value === 'string' && value !== '' && value.length <= 2048 ? value : undefined;
	};

	const alias = text('alias');
	const method = entry['loginMethod'];
	const rawLoginUrl = text('loginUrl') ?? '';
	// A refresh token goes to the login URL, so it must be one the login step accepts; a pasted
	// token has none and is only revoked at its instance.
	const loginUrl =
		safeLoginUrl(rawLoginUrl) ??
		(method === 'token' && safeInstanceUrl(rawLoginUrl) === rawLoginUrl ? rawLoginUrl : undefined);
	const instanceUrl = safeInstanceUrl(text('instanceUrl') ?? '');
	const username = text('username');
	const orgId = text('orgId');
	const userId = text('userId');
	if (
		alias === undefined ||
		!isValidAlias(alias) ||
		loginUrl === undefined ||
		instanceUrl === undefined ||
		username === undefined ||
		orgId === undefined ||
		!orgIdPattern.test(orgId) ||
		userId === undefined ||
		!userIdPattern.test(userId) ||
		(method !== 'device' && method !== 'web' && method !== 'token')
	) {
		return undefined;
	}

	const clientId = text('clientId');
	const orgName = text('orgName');
	const apiVersion = text('apiVersion');
	const sandbox = entry['sandbox'];
	const lastUsedAt = entry['lastUsedAt'];
	return {
		alias,
		loginUrl,
		instanceUrl,
		...(clientId === undefined || /\s/u.test(clientId) ? {} : {clientId}),
		username,
		orgId,
		userId,
		...(orgName === undefined ? {} : {orgName}),
		...(typeof sandbox === 'boolean' ? {sandbox} : {}),
		...(apiVersion !== undefined && apiVersionPattern.test(apiVersion) ? {apiVersion} : {}),
		loginMethod: method,
		lastUsedAt: typeof lastUsedAt === 'number' && Number.isFinite(lastUsedAt) ? lastUsedAt : 0,
	};
}

/** A readable alias from the username (`ada@acme.com.uat`) or the org name, else the org id. */
function baseAlias(org: OrgToSave): string {
	const candidates = [
		org.username,
		org.orgName
			?.toLowerCase()
			.replaceAll(/[^a-z\d]+/gu, '-')
			.replaceAll(/^-+|-+$/gu, ''),
		org.orgId,
	];
	for (const candidate of candidates) {
		const trimmed = candidate?.slice(0, 70);
		if (trimmed !== undefined && isValidAlias(trimmed)) return trimmed;
	}

	return 'org';
}

function uniqueAlias(base: string, taken: ReadonlySet<string>): string {
	if (!taken.has(base)) return base;
	for (let suffix = 2; ; suffix++) {
		const candidate = `${base}-${suffix}`;
		if (!taken.has(candidate)) return candidate;
	}
}

/**
 * The remembered orgs, in the config store under `orgs`. Reads never throw: an unreadable value
 * reads as no orgs, a bad entry is skipped, a duplicate alias keeps its first entry. Writes throw
 * what the store throws (a full disk must not pass for a saved login).
 */
export function orgStore(store: KeyValueStore): OrgStore {
	const read = (): SavedOrg[] => {
		const seen = new Set<string>();
		const orgs: SavedOrg[] = [];
		for (const item of readList(store, storeKey)) {
			const org = readEntry(item);
			if (org === undefined || seen.has(org.alias)) continue;
			seen.add(org.alias);
			orgs.push(org);
		}

		return orgs;
	};

	const write = (orgs: readonly SavedOrg[]) => {
		store.set(storeKey, orgs);
	};

	const byRecency = (orgs: SavedOrg[]) => orgs.sort((a, b) => b.lastUsedAt - a.lastUsedAt);

	return {
		list: () => byRecency(read()),
		get(name) {
			const orgs = byRecency(read());
			if (name === undefined) return orgs[0];
			const byAlias = orgs.find((org) => org.alias === name);
			if (byAlias) return byAlias;
			const byUsername = orgs.filter((org) => org.username === name);
			if (byUsername.length === 1) return byUsername[0];
			const byOrgId =
				name.length === 15 || name.length === 18
					? orgs.filter((org) => org.orgId.slice(0, 15) === name.slice(0, 15))
					: [];
			return byOrgId.length === 1 ? byOrgId[0] : undefined;
		},
		save(org, now) {
			const existing = read();
			const previous = existing.find((entry) => sameUser(entry, org));
			const others = existing.filter((entry) => entry !== previous);
			const taken = new Set(others.map((entry) => entry.alias));
			let alias: string;
			let renamed: SaveOutcome['renamed'];
			if (org.alias !== undefined && isValidAlias(org.alias)) {
				alias = org.alias;
				const holder = others.find((entry) => entry.alias === alias);
				if (holder) {
					const to = uniqueAlias(baseAlias(holder), new Set([...taken, alias]));
					renamed = {from: alias, to, username: holder.username};
					others[others.indexOf(holder)] = {...holder, alias: to};
				}
			} else {
				alias = previous?.alias ?? uniqueAlias(baseAlias(org), taken);
			}

			// Saved exactly as it will read back; what would not read back must not be written, or
			// the login would vanish silently.
			const saved = readEntry({...org, alias, lastUsedAt: now});
			if (saved === undefined) {
				throw new TypeError(`Refusing to save an org with invalid fields (${org.username})`);
			}

			write([...others, saved]);
			return {org: saved, replaced: previous !== undefined, ...(renamed ? {renamed} : {})};
		},
		update(alias, changes) {
			const orgs = read();
			const index = orgs.findIndex((org) => org.alias === alias);
			const current = orgs[index];
			if (current === undefined) return undefined;
			const instanceUrl =
				changes.instanceUrl === undefined ? undefined : safeInstanceUrl(changes.instanceUrl);
			const updated: SavedOrg = {
				...current,
				...(instanceUrl === undefined ? {} : {instanceUrl}),
				...(changes.apiVersion === undefined ? {} : {apiVersion: changes.apiVersion}),
				...(changes.lastUsedAt === undefined ? {} : {lastUsedAt: changes.lastUsedAt}),
			};
			orgs[index] = updated;
			write(orgs);
			return updated;
		},
		remove(alias) {
			const orgs = read();
			const kept = orgs.filter((org) => org.alias !== alias);
			if (kept.length === orgs.length) return false;
			write(kept);
			return true;
		},
	};
}
