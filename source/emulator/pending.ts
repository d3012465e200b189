// Approvals in progress in a browser: created by GET authorize or by entering a user code on
// /setup/connect, carried through the login and "Allow access?" forms as a hidden field, and
// bound to the browser session that saw the Allow page so another browser cannot post the answer.
import type {DeviceRequest} from './devices.js';
import type {OrgRecord} from './orgs.js';
import {newHandle} from './random.js';

const lifetimeMs = 30 * 60 * 1000;

export type WebApproval = {
	readonly kind: 'web';
	readonly clientId: string;
	readonly redirectUri: string;
	readonly state: string | undefined;
	readonly scopes: readonly string[];
	readonly codeChallenge: string | undefined;
	readonly challengeMethod: 'S256' | 'plain';
};

export type DeviceApproval = {readonly kind: 'device'; readonly device: DeviceRequest};

export type Pending = (WebApproval | DeviceApproval) & {
	readonly id: string;
	/** Only this org's users may log in (the flow started on its My Domain). */
	readonly onlyOrg: OrgRecord | undefined;
	readonly createdAt: number;
	/** The browser session that was shown the Allow page. */
	sessionId: string | undefined;
};

export class PendingApprovals {
	readonly #pending = new Map<string, Pending>();

	add(fields: (WebApproval | DeviceApproval) & Pick<Pending, 'onlyOrg' | 'createdAt'>): Pending {
		const pending: Pending = {...fields, id: newHandle(), sessionId: undefined};
		this.#pending.set(pending.id, pending);
		return pending;
	}

	find(id: string | null, now: number): Pending | undefined {
		const pending = id === null ? undefined : this.#pending.get(id);
		if (pending === undefined) return undefined;
		if (now - pending.createdAt >= lifetimeMs) {
			this.#pending.delete(pending.id);
			return undefined;
		}
		return pending;
	}

	/** An approval is answered once. */
	finish(pending: Pending): void {
		this.#pending.delete(pending.id);
	}
}
