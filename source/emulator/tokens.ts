// Access and refresh tokens. One Grant is one approval by a user (a web login, a device approval);
// all tokens minted from it — the first pair and every refresh — hang off the grant, so revoking a
// refresh token (or reusing a rotated one) can kill the whole family at once.
//
// Sessions expire after `sessionTimeoutSeconds` of INACTIVITY, measured with the injected clock:
// Salesforce's session timeout is inactivity-based, so every authenticated use pushes it back.
import type {OrgRecord} from './orgs.js';
import {newAccessToken, newRefreshToken} from './random.js';

export type Grant = {
	readonly clientId: string;
	readonly org: OrgRecord;
	readonly scopes: readonly string[];
	revoked: boolean;
};

export type AccessToken = {
	readonly value: string;
	readonly grant: Grant;
	readonly issuedAt: number;
	lastUsedAt: number;
	/** Revoked on its own, or forced to expire by `expireSessions()`. */
	dead: boolean;
};

export type RefreshToken = {
	readonly value: string;
	readonly grant: Grant;
	readonly issuedAt: number;
	/** Replaced by rotation: presenting it again means it leaked, so the grant is revoked. */
	rotated: boolean;
};

export type Minted = {readonly access: AccessToken; readonly refresh: RefreshToken | undefined};

export class TokenStore {
	readonly #access = new Map<string, AccessToken>();
	readonly #refresh = new Map<string, RefreshToken>();

	grant(clientId: string, org: OrgRecord, scopes: readonly string[]): Grant {
		return {clientId, org, scopes, revoked: false};
	}

	mintAccess(grant: Grant, now: number): AccessToken {
		const access: AccessToken = {
			value: newAccessToken(grant.org.orgId15),
			grant,
			issuedAt: now,
			lastUsedAt: now,
			dead: false,
		};
		this.#access.set(access.value, access);
		return access;
	}

	mintRefresh(grant: Grant, now: number): RefreshToken {
		const refresh: RefreshToken = {value: newRefreshToken(), grant, issuedAt: now, rotated: false};
		this.#refresh.set(refresh.value, refresh);
		return refresh;
	}

	/** The access token if it is still a live session at `now`, without touching it. */
	peekAccess(value: string, now: number, timeoutMs: number): AccessToken | undefined {
		const access = this.#access.get(value);
		if (access === undefined || access.dead || access.grant.revoked) return undefined;
		return now - access.lastUsedAt < timeoutMs ? access : undefined;
	}

	/** Like peekAccess, and counts as activity: the inactivity timer restarts. */
	useAccess(value: string, now: number, timeoutMs: number): AccessToken | undefined {
		const access = this.peekAccess(value, now, timeoutMs);
		if (access !== undefined) access.lastUsedAt = now;
		return access;
	}

	/** A refresh token that may be used; a rotated one revokes its grant and yields undefined. */
	useRefresh(value: string): RefreshToken | undefined {
		const refresh = this.#refresh.get(value);
		if (refresh === undefined || refresh.grant.revoked) return undefined;
		if (refresh.rotated) {
			refresh.grant.revoked = true;
			return undefined;
		}
		return refresh;
	}

	peekRefresh(value: string): RefreshToken | undefined {
		const refresh = this.#refresh.get(value);
		return refresh === undefined || refresh.grant.revoked || refresh.rotated ? undefined : refresh;
	}

	/** Revokes an access token alone, or a refresh token with its whole grant. */
	revoke(value: string): boolean {
		const access = this.#access.get(value);
		if (access !== undefined && !access.dead && !access.grant.revoked) {
			access.dead = true;
			return true;
		}
		const refresh = this.peekRefresh(value);
		if (refresh === undefined) return false;
		refresh.grant.revoked = true;
		return true;
	}

	/** Every access token (of one org) stops working; refresh tokens keep working. */
	expireSessions(orgIndex?: number): void {
		for (const access of this.#access.values()) {
			if (orgIndex === undefined || access.grant.org.index === orgIndex) access.dead = true;
		}
	}
}
