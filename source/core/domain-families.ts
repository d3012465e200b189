// The hostname families of DOMAINS.md §3 as data: which suffixes name an org, how the org part
// sits in front of them, and which login host each realm uses. Kept apart from the algorithm so
// a reviewer can compare this table line by line with the document.

/** Partition words (DOMAINS.md §2). `bt`, `sfdcdot` and `sfdctest` are deliberately absent. */
export const partitionKinds = {
	sandbox: 'sandbox',
	develop: 'developer',
	scratch: 'scratch',
	demo: 'demo',
	patch: 'patch',
	trailblaze: 'trailhead_playground',
	free: 'free',
} as const;

export type Partition = keyof typeof partitionKinds;

export function isPartition(label: string): label is Partition {
	return Object.hasOwn(partitionKinds, label);
}

/**
 * How the labels in front of the suffix are shaped.
 * - `org`: `X[--S][.<partition>]`.
 * - `package`: `X[--S]--P[.<partition>]`; the last `--P` is a namespace, not a sandbox.
 * - `instanced-package`: `X[--S]--P.<instance>` (the oldest Visualforce/content hosts).
 */
export type FamilyShape = 'org' | 'package' | 'instanced-package';

export type Family = {
	readonly suffix: string;
	/** The login suffix of the realm the family belongs to: the only hosts we ever emit. */
	readonly loginSuffix: string;
	readonly shape: FamilyShape;
	/** Enhanced families carry partition words; legacy (non-enhanced) ones never do. */
	readonly partitioned: boolean;
	/** Only `my.salesforce.com`: the old sandbox form `X--S.cs87.my.salesforce.com`. */
	readonly legacyInstance?: true;
	/** Only `lightning.force.com`: `na44.lightning.force.com` is a pod, not a My Domain. */
	readonly podHosts?: true;
	/** Set when DOMAINS.md marks the mapping unsure; shown to the user. */
	readonly unsureNote?: string;
	/** Something the user should know about this kind of address (sites). */
	readonly note?: string;
};

const commercial = 'my.salesforce.com';
const alternative = 'my-salesforce.com';
const defense = 'my.salesforce.mil';
const china = 'my.sfcrmproducts.cn';

const siteNote =
	'This is a site address: site members log in on the site itself (e.g. /s/login), internal users at the My Domain URL.';

const enhanced = (suffix: string, loginSuffix: string, extra: Partial<Family> = {}): Family => ({
	suffix,
	loginSuffix,
	shape: 'org',
	partitioned: true,
	...extra,
});

const legacy = (suffix: string, shape: FamilyShape, extra: Partial<Family> = {}): Family => ({
	suffix,
	loginSuffix: commercial,
	shape,
	partitioned: false,
	...extra,
});

/** Every family, longest suffix first so the most specific one wins. */
export const families: readonly Family[] = [
	// §3.1 enhanced domains, commercial realm.
	enhanced('my.salesforce.com', commercial, {legacyInstance: true}),
	enhanced('lightning.force.com', commercial, {podHosts: true}),
	enhanced('my.salesforce-setup.com', commercial),
	enhanced('vf.force.com', commercial, {shape: 'package'}),
	enhanced('file.force.com', commercial),
	enhanced('container.force.com', commercial, {shape: 'package'}),
	enhanced('my.site.com', commercial, {note: siteNote}),
	enhanced('my.salesforce-sites.com', commercial, {note: siteNote}),
	enhanced('builder.salesforce-experience.com', commercial),
	enhanced('preview.salesforce-experience.com', commercial),
	enhanced('live-preview.salesforce-experience.com', commercial),
	enhanced('cdn.salesforce-experience.com', commercial, {
		unsureNote:
			'CMS channel hosts are assumed to carry the My Domain name like the other site hosts; Salesforce documents this only for scratch orgs.',
	}),
	enhanced('my.salesforce-scrt.com', commercial),
	enhanced('my.sfdcopens.com', commercial, {
		unsureNote:
			'Salesforce documents sfdcopens.com only as reserved for email tracking; the mapping follows the other My Domain hosts.',
	}),
	// §3.2 legacy (non-enhanced) formats: no partitions, legacy sandboxes upgraded to .sandbox.
	legacy('visualforce.com', 'package'),
	legacy('visual.force.com', 'instanced-package'),
	legacy('documentforce.com', 'package'),
	legacy('content.force.com', 'instanced-package'),
	legacy('container.lightning.com', 'package'),
	legacy('cloudforce.com', 'org', {
		unsureNote:
			'cloudforce.com was an old My Domain suffix; that the org now answers at my.salesforce.com is inferred, not documented.',
	}),
	legacy('database.com', 'org', {
		unsureNote:
			'database.com was an old My Domain suffix; that the org now answers at my.salesforce.com is inferred, not documented.',
	}),
	// Alternative domains (Salesforce CLI), unsure.
	enhanced('my-salesforce.com', alternative, {
		unsureNote:
			'my-salesforce.com is an alternative domain known only from Salesforce CLI code, not from the documentation.',
	}),
	enhanced('my-lightning.com', alternative, {
		unsureNote:
			'my-lightning.com is an alternative domain known only from Salesforce CLI code, not from the documentation.',
	}),
	// §3.3 Government Cloud Plus – Defense.
	enhanced('my.salesforce.mil', defense),
	enhanced('lightning.crmforce.mil', defense),
	enhanced('lightning.force.mil', defense, {
		unsureNote:
			'lightning.force.mil appears only in third-party tools; Salesforce code uses lightning.crmforce.mil.',
	}),
	// §3.3 Salesforce on Alibaba Cloud (China): login on sfcrmproducts.cn, Lightning on sfcrmapps.cn.
	enhanced('my.sfcrmproducts.cn', china),
	enhanced('lightning.sfcrmapps.cn', china, {
		unsureNote:
			'The China (Alibaba Cloud) Lightning host is mapped to sfcrmproducts.cn as the Salesforce CLI does; the public docs do not show it.',
	}),
].toSorted((a, b) => b.suffix.length - a.suffix.length);

/** The login suffixes, each with its leading dot, in a stable order. */
export const loginSuffixes: readonly string[] = [
	...new Set(families.map((family) => `.${family.loginSuffix}`)),
];

/** Registrable domains Salesforce serves org or website content from (for lookalike detection). */
export const salesforceRoots: readonly string[] = [
	...new Set([
		...families.map((family) => family.suffix.split('.').slice(-2).join('.')),
		'force-user-content.com',
		'salesforceliveagent.com',
		'visualforce.mil',
		'cloudforce.mil',
	]),
];

/** First labels of Salesforce websites under force.com / as My Domain names: never an org. */
export const websiteLabels: ReadonlySet<string> = new Set([
	'www',
	'developer',
	'developers',
	'appexchange',
	'trailhead',
	'help',
	'status',
	'trust',
]);

/** `login.salesforce.com` & co.: Salesforce's generic login pages (DOMAINS.md §6). */
export const genericLoginHosts: ReadonlySet<string> = new Set([
	'login.salesforce.com',
	'test.salesforce.com',
	'welcome.salesforce.com',
]);

/** Instance (pod) names directly under salesforce.com: na123, cs42, gs0, usa2s… (DOMAINS.md §4). */
export const instancePattern = /^[a-z]{2,3}\d+s?$/;

/** Only classic pod names count on lightning.force.com, so a My Domain like `abc123` survives. */
export const lightningPodPattern = /^(?:na|cs|eu|ap|um|gs)\d+$/;

/** Proxy suffix of Microsoft Defender for Cloud Apps (DOMAINS.md §3.3), stripped by policy. */
export const proxySuffix = '.mcas.ms';
