// A saved org as plain data for `--json` output and lists: everything but the tokens.
import type {SavedOrg} from '../store/orgs.js';

export type OrgSummary = {
	readonly alias: string;
	readonly username: string;
	readonly orgId: string;
	readonly userId: string;
	readonly orgName?: string;
	readonly sandbox?: boolean;
	readonly instanceUrl: string;
	readonly loginUrl: string;
	readonly apiVersion?: string;
	readonly loginMethod: SavedOrg['loginMethod'];
	/** ISO 8601, or undefined when the org was never used (a hand-edited entry). */
	readonly lastUsed?: string;
};

export function orgSummary(org: SavedOrg): OrgSummary {
	return {
		alias: org.alias,
		username: org.username,
		orgId: org.orgId,
		userId: org.userId,
		...(org.orgName === undefined ? {} : {orgName: org.orgName}),
		...(org.sandbox === undefined ? {} : {sandbox: org.sandbox}),
		instanceUrl: org.instanceUrl,
		loginUrl: org.loginUrl,
		...(org.apiVersion === undefined ? {} : {apiVersion: org.apiVersion}),
		loginMethod: org.loginMethod,
		...(org.lastUsedAt > 0 ? {lastUsed: new Date(org.lastUsedAt).toISOString()} : {}),
	};
}

/** "Acme Corporation (sandbox, 00D…)", or "org 00D…" when its name is unknown. */
export function orgLabel(org: SavedOrg): string {
	const kind = org.sandbox === undefined ? '' : org.sandbox ? 'sandbox, ' : 'production, ';
	return org.orgName === undefined ? `org ${org.orgId}` : `${org.orgName} (${kind}${org.orgId})`;
}
