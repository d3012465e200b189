// The emulator's browser login session (Salesforce's `sid` cookie). It is what makes a second
// authorize without `prompt=login` skip the login page — and approve whichever org the browser is
// logged in to, which is exactly the trap prompt=login exists for. Cookies are not isolated by
// port, so each listener uses its own cookie name.
import type {OrgRecord} from './orgs.js';
import {newHandle} from './random.js';

export type BrowserSession = {
	readonly id: string;
	readonly port: number;
	readonly org: OrgRecord;
	lastUsedAt: number;
};

export function cookieName(port: number): string {
	return `sid_${port}`;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
	for (const part of (header ?? '').split(';')) {
		const [key, ...value] = part.trim().split('=');
		if (key === name) return value.join('=');
	}
	return undefined;
}

export class BrowserSessions {
	readonly #sessions = new Map<string, BrowserSession>();

	create(port: number, org: OrgRecord, now: number): BrowserSession {
		const session = {id: newHandle(), port, org, lastUsedAt: now};
		this.#sessions.set(session.id, session);
		return session;
	}

	/** The live session named by the request's cookie for this listener, if any (and touches it). */
	fromCookie(
		cookieHeader: string | undefined,
		port: number,
		now: number,
		timeoutMs: number,
	): BrowserSession | undefined {
		const id = readCookie(cookieHeader, cookieName(port));
		const session = id === undefined ? undefined : this.#sessions.get(id);
		if (session === undefined || session.port !== port || now - session.lastUsedAt >= timeoutMs) {
			return undefined;
		}
		session.lastUsedAt = now;
		return session;
	}
}

export function sessionCookie(session: BrowserSession): string {
	return `${cookieName(session.port)}=${session.id}; Path=/; HttpOnly; SameSite=Lax`;
}
