// Authorization codes of the web server flow: single use, 15 minutes (Salesforce help).
import type {OrgRecord} from './orgs.js';
import {newAuthorizationCode} from './random.js';

export const codeLifetimeMs = 15 * 60 * 1000;

export type AuthorizationCode = {
	readonly value: string;
	readonly clientId: string;
	readonly redirectUri: string;
	readonly scopes: readonly string[];
	readonly codeChallenge: string | undefined;
	readonly challengeMethod: 'S256' | 'plain';
	readonly org: OrgRecord;
	readonly issuedAt: number;
};

export class CodeStore {
	readonly #codes = new Map<string, AuthorizationCode>();

	issue(fields: Omit<AuthorizationCode, 'value'>): AuthorizationCode {
		const code = {...fields, value: newAuthorizationCode()};
		this.#codes.set(code.value, code);
		return code;
	}

	find(value: string): AuthorizationCode | undefined {
		return this.#codes.get(value);
	}

	/** Codes are single use: a redeemed code is forgotten. */
	redeem(code: AuthorizationCode): void {
		this.#codes.delete(code.value);
	}
}
