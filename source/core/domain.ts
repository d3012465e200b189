// Org URL → My Domain login URL (DOMAINS.md §4). Pure and total: any string in, a value out.
// Security invariant: an accepted login host is always one of our fixed login suffixes with labels
// taken from a host that itself ended in a recognised Salesforce suffix, so whatever is pasted
// can choose the org name but never the domain credentials are sent to.
import {
	families,
	genericLoginHosts,
	instancePattern,
	isPartition,
	lightningPodPattern,
	loginSuffixes,
	partitionKinds,
	proxySuffix,
	salesforceRoots,
	websiteLabels,
	type Family,
	type Partition,
} from './domain-families.js';
import {parseAddress} from './domain-input.js';
import {refusalMessage, type MessageContext} from './domain-messages.js';

export type OrgKind =
	| 'production'
	| 'sandbox'
	| 'developer'
	| 'scratch'
	| 'demo'
	| 'patch'
	| 'trailhead_playground'
	| 'free';

export type DomainRefusalReason =
	| 'empty-input'
	| 'input-too-long'
	| 'invalid-characters'
	| 'unsupported-scheme'
	| 'not-a-url'
	| 'empty-host'
	| 'non-ascii-host'
	| 'userinfo-not-allowed'
	| 'ip-address'
	| 'invalid-hostname'
	| 'punycode-not-allowed'
	| 'port-not-allowed'
	| 'generic-login-host'
	| 'missing-my-domain-name'
	| 'unknown-partition'
	| 'unsupported-format'
	| 'sandbox-name-missing'
	| 'instance-url'
	| 'legacy-site-host'
	| 'legacy-instanced-my-domain'
	| 'not-an-org-host'
	| 'unrecognized-salesforce-host'
	| 'lookalike-host'
	| 'not-salesforce-host';

export type DomainResult =
	| {
			readonly ok: true;
			readonly loginUrl: string;
			readonly kind: OrgKind;
			readonly myDomain: string;
			readonly sandboxName?: string;
			readonly unsure: boolean;
			readonly note?: string;
	  }
	| {readonly ok: false; readonly reason: DomainRefusalReason; readonly message: string};

/** Every login-host suffix an accepted result may end with (e.g. '.my.salesforce.com'). */
export const loginHostSuffixes: readonly string[] = loginSuffixes;

/** Human names of the org kinds, for screens and plain output. */
export const orgKindLabels: Readonly<Record<OrgKind, string>> = {
	production: 'Production',
	sandbox: 'Sandbox',
	developer: 'Developer Edition',
	scratch: 'Scratch org',
	demo: 'Demo org',
	patch: 'Patch org',
	trailhead_playground: 'Trailhead Playground',
	free: 'Free org',
};

type Refusal = Extract<DomainResult, {ok: false}>;

type Mapping = {
	readonly ok: true;
	readonly orgPart: string;
	readonly partition?: Partition;
	readonly myDomain: string;
	readonly sandboxName?: string;
};

function refuse(reason: DomainRefusalReason, context?: MessageContext): Refusal {
	return {ok: false, reason, message: refusalMessage(reason, context)};
}

const orgNamePattern = /^[a-z\d]+(?:-[a-z\d]+)*$/;
const sandboxNamePattern = /^[a-z\d]+$/;

/** Anchored suffix match at a label boundary: never a substring check (DOMAINS.md §4). */
function endsWithDomain(host: string, domain: string): boolean {
	return host === domain || host.endsWith(`.${domain}`);
}

/** Finds the family whose suffix the host ends with, longest suffix first. */
function findFamily(host: string): Family | undefined {
	return families.find((family) => endsWithDomain(host, family.suffix));
}

/** Splits the labels in front of a family suffix into org label and partition (§4 steps 4–5). */
function locateOrgLabel(
	host: string,
	family: Family,
	labels: readonly string[],
): {readonly label: string; readonly partition?: Partition} | Refusal {
	const [first = '', second] = labels;
	if (labels.length > 2) return refuse('unsupported-format');
	if (family.shape === 'instanced-package') {
		if (second === undefined || !instancePattern.test(second)) return refuse('unsupported-format');
		// `c.na21.visual.force.com`: a namespace on a pod, no My Domain at all.
		if (!first.includes('--')) return refuse('instance-url', {host});
		return {label: first};
	}

	if (second === undefined) {
		if (family.podHosts === true && lightningPodPattern.test(first)) {
			return refuse('instance-url', {host});
		}

		// `sandbox.lightning.force.com` has a partition but no org in front of it.
		if (isPartition(first)) {
			return refuse('missing-my-domain-name', {subject: `${first}.${family.suffix}`});
		}

		return {label: first};
	}

	if (family.partitioned && isPartition(second)) return {label: first, partition: second};
	if (family.legacyInstance === true && instancePattern.test(second)) {
		// `X--S.cs87.my.salesforce.com` was an old sandbox host; without `--` it was a scratch org.
		return first.includes('--') ? {label: first} : refuse('legacy-instanced-my-domain', {host});
	}

	return family.partitioned
		? refuse('unknown-partition', {subject: second})
		: refuse('unsupported-format');
}

/** Applies §4 steps 4–7 to a host that ends with a family suffix. */
function mapFamily(host: string, family: Family): Mapping | Refusal {
	if (host === family.suffix) return refuse('missing-my-domain-name', {subject: family.suffix});
	const labels = host.slice(0, -(family.suffix.length + 1)).split('.');
	const located = locateOrgLabel(host, family, labels);
	if ('ok' in located) return located;
	let orgPart = located.label;
	if (family.shape !== 'org') {
		// In Visualforce/container/content hosts the last `--segment` is the package namespace.
		const separator = orgPart.lastIndexOf('--');
		if (separator === -1 || !orgNamePattern.test(orgPart.slice(separator + 2))) {
			return refuse('unsupported-format');
		}

		orgPart = orgPart.slice(0, separator);
	}

	const parts = orgPart.split('--');
	const [myDomain = '', sandboxName] = parts;
	if (parts.length > 2 || !orgNamePattern.test(myDomain)) return refuse('unsupported-format');
	if (sandboxName !== undefined && !sandboxNamePattern.test(sandboxName)) {
		return refuse('unsupported-format');
	}

	const {partition} = located;
	if (partition === 'sandbox' && sandboxName === undefined) return refuse('sandbox-name-missing');
	if (partition !== undefined && partition !== 'sandbox' && sandboxName !== undefined) {
		return refuse('unsupported-format');
	}

	// No partition but a sandbox name: a legacy sandbox host, upgraded to the enhanced form.
	const loginPartition = partition ?? (sandboxName === undefined ? undefined : 'sandbox');
	const base = {ok: true, orgPart, myDomain} as const;
	const withPartition = loginPartition === undefined ? base : {...base, partition: loginPartition};
	return sandboxName === undefined ? withPartition : {...withPartition, sandboxName};
}

/** Names the refusal for a host that matches no family (§4 "Hosts that match no family"). */
function classifyUnmapped(host: string): Refusal {
	const labels = host.split('.');
	if (endsWithDomain(host, 'salesforce.com')) {
		if (labels.length === 3 && instancePattern.test(labels[0] ?? '')) {
			return refuse('instance-url', {host});
		}

		return labels.length <= 3
			? refuse('not-an-org-host', {host})
			: refuse('unrecognized-salesforce-host', {host});
	}

	if (endsWithDomain(host, 'force.com')) {
		const [first = '', second = ''] = labels;
		if (labels.length === 2) return refuse('not-an-org-host', {host});
		if (labels.length === 3) {
			return websiteLabels.has(first)
				? refuse('not-an-org-host', {host})
				: refuse('legacy-site-host', {host});
		}

		// `sub.secure.force.com`, `S-sub.cs87.force.com`.
		if (labels.length === 4 && (second === 'secure' || instancePattern.test(second))) {
			return refuse('legacy-site-host', {host});
		}

		return refuse('unrecognized-salesforce-host', {host});
	}

	if (salesforceRoots.some((root) => endsWithDomain(host, root))) {
		return refuse('unrecognized-salesforce-host', {host});
	}

	// `acme.my.salesforce.com.evil.com`: a Salesforce name followed by more labels.
	const dotted = `.${host}.`;
	if (salesforceRoots.some((root) => dotted.includes(`.${root}.`))) {
		return refuse('lookalike-host', {host});
	}

	return refuse('not-salesforce-host', {host});
}

/** Unpartitioned Developer Edition hosts may be dead since Winter '25 (DOMAINS.md §7). */
function developerEditionNote(orgPart: string, loginSuffix: string): string {
	return `Developer Edition orgs may have moved to the partitioned host https://${orgPart}.develop.${loginSuffix}; if this URL does not work, try that one.`;
}

const proxyNote =
	'The Microsoft Defender for Cloud Apps proxy suffix .mcas.ms was removed; log in at the org itself.';
const sessionIdNote =
	'This link contains a session id (sid=): treat it like a password and never share it.';

/**
 * Derives the My Domain login URL from whatever the user pasted from the org's browser tab.
 * Never throws; refusals carry a reason code and a message that says what to paste instead.
 *
 * @example deriveLoginUrl('https://acme--uat.sandbox.lightning.force.com/lightning/page/home')
 * // → {ok: true, loginUrl: 'https://acme--uat.sandbox.my.salesforce.com', kind: 'sandbox',
 * //    myDomain: 'acme', sandboxName: 'uat', unsure: false}
 */
export function deriveLoginUrl(input: string): DomainResult {
	const address = parseAddress(input);
	if (!address.ok) {
		return refuse(address.reason, address.detail === undefined ? {} : {detail: address.detail});
	}

	let {host} = address;
	const viaProxy = host.endsWith(proxySuffix);
	if (viaProxy) host = host.slice(0, -proxySuffix.length);
	if (genericLoginHosts.has(host)) return refuse('generic-login-host', {host});
	const family = findFamily(host);
	if (family === undefined) return classifyUnmapped(host);
	const mapping = mapFamily(host, family);
	if (!mapping.ok) return mapping;
	// Only now does the port matter: a refusal about the host is more useful than one about it.
	if (address.port !== undefined && address.port !== '' && address.port !== '443') {
		return refuse('port-not-allowed');
	}

	const loginHost = [mapping.orgPart, mapping.partition, family.loginSuffix]
		.filter((part) => part !== undefined)
		.join('.');
	const kind: OrgKind =
		mapping.partition === undefined
			? mapping.myDomain.endsWith('-dev-ed')
				? 'developer'
				: 'production'
			: partitionKinds[mapping.partition];
	const unsureNotes = [
		family.unsureNote,
		viaProxy ? proxyNote : undefined,
		kind === 'developer' && mapping.partition === undefined
			? developerEditionNote(mapping.orgPart, family.loginSuffix)
			: undefined,
	].filter((note) => note !== undefined);
	const notes = [
		family.note,
		...unsureNotes,
		/[?&#]sid=/i.test(address.rest) ? sessionIdNote : undefined,
	].filter((note) => note !== undefined);
	return {
		ok: true,
		loginUrl: `https://${loginHost}`,
		kind,
		myDomain: mapping.myDomain,
		...(mapping.sandboxName === undefined ? {} : {sandboxName: mapping.sandboxName}),
		unsure: unsureNotes.length > 0,
		...(notes.length === 0 ? {} : {note: notes.join(' ')}),
	};
}
