/**
 * Checks made before anything leaves the machine (PRODUCT.md step 4): the token's shape, that
 * the token belongs to the org the request goes to, and that the token travels only to the org's
 * own host over https (plain http only to loopback, for the emulator). Whatever can only fail is
 * refused; whatever is probably a mistake (a stray line break, another org's token) stops the
 * send until the user confirms it.
 */
import {resolvePath} from './request.js';
import {inspectToken, sameOrg, summarizeInspection, type TokenInspection} from './token.js';

export type KnownOrg = {readonly orgId: string; readonly label: string};

export type PreflightInput = {
	/** The token as it is in the token field. */
	readonly token: string;
	/** The org the request goes to. */
	readonly target: {
		readonly orgId: string;
		readonly instanceUrl: string;
		/** "Acme Corporation" or the alias. */
		readonly label?: string;
	};
	/** What the path field holds; a full URL is only accepted on the instance's host. */
	readonly path?: string;
	/** Orgs the app knows, to name the org a token belongs to. */
	readonly knownOrgs?: readonly KnownOrg[];
};

export type Severity = 'refuse' | 'confirm' | 'note';

export type PreflightIssue =
	| {
			readonly kind: 'token';
			readonly severity: Severity;
			readonly message: string;
			/** `f` makes the token clean. */
			readonly fixable: boolean;
	  }
	| {
			readonly kind: 'wrong-org';
			readonly severity: 'confirm';
			readonly message: string;
			readonly tokenOrgId: string;
			readonly tokenOrgLabel?: string;
			readonly targetOrgId: string;
	  }
	| {readonly kind: 'insecure'; readonly severity: 'refuse'; readonly message: string}
	| {readonly kind: 'other-host'; readonly severity: 'refuse'; readonly message: string};

export type Preflight = {
	/** go: send; confirm: stop until the user says so; refuse: never send this. */
	readonly verdict: 'go' | 'confirm' | 'refuse';
	readonly issues: readonly PreflightIssue[];
	readonly inspection: TokenInspection;
};

/** 127.0.0.0/8, ::1 and localhost: the only hosts plain http may carry a token to. */
export function isLoopbackHostname(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/gu, '').toLowerCase();
	if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
	return /^127(?:\.\d{1,3}){3}$/u.test(host);
}

/** Whether a token may be sent to this instance URL: https, or http to loopback. */
export function checkTransport(instanceUrl: string): PreflightIssue | undefined {
	let url: URL;
	try {
		url = new URL(instanceUrl);
	} catch {
		return {kind: 'insecure', severity: 'refuse', message: 'The org has no valid instance URL.'};
	}

	if (url.protocol === 'https:') return undefined;
	if (url.protocol === 'http:' && isLoopbackHostname(url.hostname)) return undefined;
	return {
		kind: 'insecure',
		severity: 'refuse',
		message: `Not sent: ${url.origin} is not https. A token only travels over https (plain http only to this machine, for the emulator).`,
	};
}

function orgName(orgId: string, label: string | undefined): string {
	return label === undefined ? `org ${orgId}` : `${label} (${orgId})`;
}

function tokenIssue(inspection: TokenInspection): PreflightIssue | undefined {
	if (inspection.clean) {
		return inspection.format === 'jwt'
			? {
					kind: 'token',
					severity: 'note',
					message:
						'A JWT access token carries no org id, so its org cannot be checked before sending.',
					fixable: false,
				}
			: undefined;
	}

	const message = summarizeInspection(inspection);
	const kinds = new Set(inspection.problems.map((problem) => problem.kind));
	if (kinds.has('empty') || kinds.has('placeholder') || kinds.has('refresh-token')) {
		return {kind: 'token', severity: 'refuse', message, fixable: false};
	}

	return {kind: 'token', severity: 'confirm', message, fixable: inspection.fixable};
}

/**
 * Runs every check. The org check uses the token as `f` would fix it, so a token with a stray
 * line break that belongs to another org is reported for both.
 *
 * @example
 * preflight({token: `${orgB}!…`, target: {orgId: orgA, instanceUrl: 'https://a.my.salesforce.com'}})
 * // => {verdict: 'confirm', issues: [{kind: 'wrong-org', …}], …}
 */
export function preflight(input: PreflightInput): Preflight {
	const issues: PreflightIssue[] = [];
	const transport = checkTransport(input.target.instanceUrl);
	if (transport) issues.push(transport);
	if (input.path !== undefined && !transport) {
		const path = resolvePath(input.target.instanceUrl, input.path);
		if (!path.ok && path.reason === 'other-host') {
			issues.push({kind: 'other-host', severity: 'refuse', message: path.message});
		}
	}

	const inspection = inspectToken(input.token);
	const token = tokenIssue(inspection);
	if (token) issues.push(token);
	const tokenOrgId = inspection.orgId15;
	const {target} = input;
	if (tokenOrgId !== undefined && !sameOrg(tokenOrgId, target.orgId)) {
		const tokenOrgLabel = input.knownOrgs?.find((org) => sameOrg(org.orgId, tokenOrgId))?.label;
		issues.push({
			kind: 'wrong-org',
			severity: 'confirm',
			message: `Wrong org: this token is for ${orgName(tokenOrgId, tokenOrgLabel)}, but the request goes to ${orgName(target.orgId, target.label)}. Salesforce would answer INVALID_SESSION_ID.`,
			tokenOrgId,
			...(tokenOrgLabel === undefined ? {} : {tokenOrgLabel}),
			targetOrgId: target.orgId,
		});
	}

	const severities = new Set(issues.map((issue) => issue.severity));
	const verdict = severities.has('refuse')
		? 'refuse'
		: severities.has('confirm')
			? 'confirm'
			: 'go';
	return {verdict, issues, inspection};
}
