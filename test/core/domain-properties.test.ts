import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {deriveLoginUrl, loginHostSuffixes, type DomainResult} from '../../source/core/domain.js';

const fixtureUrl = new URL('../../../shared/fixtures/org-urls.json', import.meta.url);
const fixtures = JSON.parse(readFileSync(fixtureUrl, 'utf8')) as ReadonlyArray<{
	readonly input: string;
	readonly expect: {readonly ok: boolean};
}>;

// Written out here rather than imported, so the properties check the implementation's tables
// against DOMAINS.md instead of against themselves.
const salesforceRoots = [
	'force.com',
	'salesforce.com',
	'salesforce-setup.com',
	'site.com',
	'salesforce-sites.com',
	'salesforce-experience.com',
	'salesforce-scrt.com',
	'sfdcopens.com',
	'visualforce.com',
	'documentforce.com',
	'lightning.com',
	'cloudforce.com',
	'database.com',
	'my-salesforce.com',
	'my-lightning.com',
	'salesforce.mil',
	'crmforce.mil',
	'force.mil',
	'sfcrmproducts.cn',
	'sfcrmapps.cn',
];

const endsWithDomain = (host: string, domain: string): boolean =>
	host === domain || host.endsWith(`.${domain}`);

function trimLikeAPaste(text: string): string {
	let start = 0;
	let end = text.length;
	const trimmable = (character: string): boolean => /[\s"'<>`]/.test(character);
	while (start < end && trimmable(text.charAt(start))) start++;
	while (end > start && trimmable(text.charAt(end - 1))) end--;
	return text.slice(start, end);
}

/** The host a browser would go to for this input, or undefined when WHATWG can't parse it. */
function browserHost(input: string): string | undefined {
	const text = trimLikeAPaste(input);
	const withScheme = /^https?:\/\//i.test(text)
		? text
		: text.startsWith('//')
			? `https:${text}`
			: `https://${text}`;
	if (!URL.canParse(withScheme)) return undefined;
	return new URL(withScheme).hostname.replace(/\.$/, '').replace(/\.mcas\.ms$/, '');
}

/** The security invariant of DOMAINS.md §4, checked on every accepted result. */
function assertSafe(input: string, result: DomainResult): void {
	assert.equal(typeof result.ok, 'boolean');
	if (!result.ok) {
		assert.equal(typeof result.reason, 'string');
		assert.ok(result.message.length > 0);
		return;
	}

	const url = new URL(result.loginUrl);
	assert.equal(url.protocol, 'https:');
	assert.equal(url.href, `${result.loginUrl}/`, 'no path, query, fragment or trailing slash');
	assert.equal(url.username + url.password + url.port, '');
	assert.equal(result.loginUrl, `https://${url.hostname}`);
	assert.ok(
		loginHostSuffixes.some((suffix) => url.hostname.endsWith(suffix)),
		`${url.hostname} ends with no login suffix`,
	);
	// No parser differential: where a browser can read the input, it names a Salesforce host too.
	const host = browserHost(input);
	if (host !== undefined) {
		assert.ok(
			salesforceRoots.some((root) => endsWithDomain(host, root)),
			`accepted ${JSON.stringify(input)} although a browser would go to ${host}`,
		);
	}
}

const codeUnit = fc.integer({min: 0, max: 0xff_ff}).map((code) => String.fromCharCode(code));
const trickyCharacter = fc.constantFrom(
	...'@/\\:.%#?[]- \t\n\r\0"\'<>`',
	'\u200B',
	'\u00A0',
	'\u3002',
	'\uFF0E',
	'\uD800',
	'xn--',
	'--',
	'.mcas.ms',
	'.evil.com',
	'.salesforce.com',
);

test('never throws on any string', () => {
	fc.assert(
		fc.property(
			fc.oneof(
				fc.string({maxLength: 300}),
				fc.string({unit: 'binary', maxLength: 300}),
				fc.string({unit: codeUnit, maxLength: 300}),
				fc.string({unit: trickyCharacter, maxLength: 60}),
				fc.string({unit: 'binary', minLength: 4000, maxLength: 4200}),
			),
			(input) => {
				assertSafe(input, deriveLoginUrl(input));
			},
		),
		{numRuns: 2000},
	);
});

const mutation = fc.record({
	at: fc.nat(),
	remove: fc.nat({max: 3}),
	insert: fc.oneof(trickyCharacter, fc.string({unit: codeUnit, maxLength: 3})),
});

test('mutated real URLs never throw and never leave a Salesforce login suffix', () => {
	const real = fixtures.map((fixture) => fixture.input).filter((input) => input.length < 500);
	fc.assert(
		fc.property(fc.constantFrom(...real), fc.array(mutation, {maxLength: 4}), (start, edits) => {
			let input = start;
			for (const edit of edits) {
				const at = edit.at % (input.length + 1);
				input = input.slice(0, at) + edit.insert + input.slice(at + edit.remove);
			}

			assertSafe(input, deriveLoginUrl(input));
		}),
		{numRuns: 3000},
	);
});

const partitions = ['sandbox', 'develop', 'scratch', 'demo', 'patch', 'trailblaze', 'free'];
const kindOfPartition: Record<string, string> = {
	sandbox: 'sandbox',
	develop: 'developer',
	scratch: 'scratch',
	demo: 'demo',
	patch: 'patch',
	trailblaze: 'trailhead_playground',
	free: 'free',
};

type FamilySpec = {
	readonly suffix: string;
	readonly login: string;
	readonly shape: 'org' | 'package' | 'instanced';
	readonly partitioned: boolean;
};

// DOMAINS.md §3 tables, one row each.
const familySpecs: readonly FamilySpec[] = [
	{suffix: 'my.salesforce.com', login: 'my.salesforce.com', shape: 'org', partitioned: true},
	{suffix: 'lightning.force.com', login: 'my.salesforce.com', shape: 'org', partitioned: true},
	{suffix: 'my.salesforce-setup.com', login: 'my.salesforce.com', shape: 'org', partitioned: true},
	{suffix: 'vf.force.com', login: 'my.salesforce.com', shape: 'package', partitioned: true},
	{suffix: 'file.force.com', login: 'my.salesforce.com', shape: 'org', partitioned: true},
	{suffix: 'container.force.com', login: 'my.salesforce.com', shape: 'package', partitioned: true},
	{suffix: 'my.site.com', login: 'my.salesforce.com', shape: 'org', partitioned: true},
	{suffix: 'my.salesforce-sites.com', login: 'my.salesforce.com', shape: 'org', partitioned: true},
	{
		suffix: 'builder.salesforce-experience.com',
		login: 'my.salesforce.com',
		shape: 'org',
		partitioned: true,
	},
	{suffix: 'my.salesforce-scrt.com', login: 'my.salesforce.com', shape: 'org', partitioned: true},
	{suffix: 'visualforce.com', login: 'my.salesforce.com', shape: 'package', partitioned: false},
	{suffix: 'visual.force.com', login: 'my.salesforce.com', shape: 'instanced', partitioned: false},
	{suffix: 'documentforce.com', login: 'my.salesforce.com', shape: 'package', partitioned: false},
	{suffix: 'content.force.com', login: 'my.salesforce.com', shape: 'instanced', partitioned: false},
	{
		suffix: 'container.lightning.com',
		login: 'my.salesforce.com',
		shape: 'package',
		partitioned: false,
	},
	{suffix: 'my.salesforce.mil', login: 'my.salesforce.mil', shape: 'org', partitioned: true},
	{suffix: 'lightning.crmforce.mil', login: 'my.salesforce.mil', shape: 'org', partitioned: true},
	{suffix: 'my.sfcrmproducts.cn', login: 'my.sfcrmproducts.cn', shape: 'org', partitioned: true},
	{suffix: 'lightning.sfcrmapps.cn', login: 'my.sfcrmproducts.cn', shape: 'org', partitioned: true},
	{suffix: 'my-salesforce.com', login: 'my-salesforce.com', shape: 'org', partitioned: true},
];

const myDomainName = fc
	.tuple(
		fc.stringMatching(/^[a-z][a-z\d]{0,9}(?:-[a-z\d]{1,6}){0,2}$/),
		fc.constantFrom('', '', '', '-dev-ed'),
	)
	.map(([name, suffix]) => name + suffix)
	// A partition word alone or a classic pod name is refused on purpose (see domain.test.ts), and
	// so is `xn` (with `--sandbox` or `--package` after it, the label reads as punycode `xn--…`).
	.filter(
		(name) =>
			!partitions.includes(name) && !/^(?:na|cs|eu|ap|um|gs)\d+$/.test(name) && name !== 'xn',
	);

/** A valid org host of any family plus the login URL and kind DOMAINS.md says it maps to. */
const orgHost = fc
	.record({
		family: fc.constantFrom(...familySpecs),
		myDomain: myDomainName,
		sandbox: fc.option(fc.stringMatching(/^[a-z\d]{1,10}$/), {nil: undefined}),
		partition: fc.option(fc.constantFrom(...partitions), {nil: undefined}),
		namespace: fc.stringMatching(/^[a-z][a-z\d]{0,7}$/),
		instance: fc.stringMatching(/^(?:na|cs|eu|ap)\d{1,3}$/),
	})
	.map(({family, myDomain, sandbox, partition: wanted, namespace, instance}) => {
		// Sandbox names go with the sandbox partition (or none: the legacy form); others with none.
		const partition = !family.partitioned
			? undefined
			: sandbox === undefined
				? wanted === 'sandbox'
					? undefined
					: wanted
				: wanted === undefined
					? undefined
					: 'sandbox';
		const org = sandbox === undefined ? myDomain : `${myDomain}--${sandbox}`;
		const first = family.shape === 'org' ? org : `${org}--${namespace}`;
		const middle = family.shape === 'instanced' ? instance : partition;
		const host = [first, middle, family.suffix].filter(Boolean).join('.');
		const loginPartition = partition ?? (sandbox === undefined ? undefined : 'sandbox');
		return {
			host,
			loginUrl: `https://${[org, loginPartition, family.login].filter(Boolean).join('.')}`,
			kind:
				loginPartition === undefined
					? myDomain.endsWith('-dev-ed')
						? 'developer'
						: 'production'
					: kindOfPartition[loginPartition],
		};
	});

const dressed = fc.record({
	scheme: fc.constantFrom('', 'https://', 'http://', '//', 'HTTPS://'),
	upper: fc.boolean(),
	trailingDot: fc.boolean(),
	port: fc.constantFrom('', '', ':443'),
	rest: fc.constantFrom('', '/', '/lightning/page/home', '?a=b@evil.com', '#x', '/apex/P?x=1'),
	wrap: fc.constantFrom(['', ''], ['"', '"'], ['<', '>'], [' ', '\n']),
});

test('generated org hosts of every family map to the login URL DOMAINS.md gives', () => {
	fc.assert(
		fc.property(orgHost, dressed, (org, dress) => {
			const host =
				(dress.upper ? org.host.toUpperCase() : org.host) + (dress.trailingDot ? '.' : '');
			const [open = '', close = ''] = dress.wrap;
			const input = `${open}${dress.scheme}${host}${dress.port}${dress.rest}${close}`;
			const result = deriveLoginUrl(input);
			assert.equal(result.ok, true, result.ok ? '' : `${input}: ${result.reason}`);
			assert.equal(result.ok && result.loginUrl, org.loginUrl, input);
			assert.equal(result.ok && result.kind, org.kind, input);
			assertSafe(input, result);
		}),
		{numRuns: 2000},
	);
});

function assertFixedPoint(input: string): void {
	const first = deriveLoginUrl(input);
	if (!first.ok) return;
	const second = deriveLoginUrl(first.loginUrl);
	assert.equal(second.ok, true, `${first.loginUrl} is refused`);
	assert.equal(second.ok && second.loginUrl, first.loginUrl);
	assert.equal(second.ok && second.kind, first.kind);
}

test('a derived login URL derives to itself (fixtures)', () => {
	const accepted = fixtures.filter((fixture) => fixture.expect.ok);
	assert.ok(accepted.length > 50);
	for (const fixture of accepted) assertFixedPoint(fixture.input);
});

test('a derived login URL derives to itself (generated hosts)', () => {
	fc.assert(
		fc.property(orgHost, (org) => {
			assert.equal(deriveLoginUrl(org.host).ok, true);
			assertFixedPoint(org.host);
		}),
		{numRuns: 1000},
	);
});

// `.example` is reserved (RFC 2606): the attacker's domain can never be a Salesforce one.
const evilDomain = fc.domain().map((domain) => `${domain}.example`);

const hostileTemplates: ReadonlyArray<(org: string, evil: string) => string> = [
	(org, evil) => `https://${org}.${evil}/`,
	(org, evil) => `${org}.${evil}`,
	(org, evil) => `https://${evil}/${org}`,
	(org, evil) => `https://${evil}?${org}`,
	(org, evil) => `https://${evil}#@${org}`,
	(org, evil) => `https://${evil}/?redirect_uri=https://${org}&startURL=${org}`,
	(org, evil) => `https://${org}@${evil}/`,
	(org, evil) => `https://${org}:443@${evil}/`,
	(org, evil) => `https://${evil}\\@${org}`,
	(org, evil) => `https://${org}\\@${evil}`,
	(org, evil) => `https://${org}%2e${evil}`,
	(org, evil) => `https://${org}\t.${evil}`,
	(org, evil) => `https://${org}/\nhttps://${evil}`,
	(org, evil) => `https://${org}.mcas.ms.${evil}`,
	(org, evil) => `${evil}:443/${org}`,
	(org, evil) => `https://${evil}:${org}`,
	(org, evil) => `https:${evil}/${org}`,
	(org, evil) => `view-source:https://${org}@${evil}`,
];

test('hosts that only mention an org are refused', () => {
	fc.assert(
		fc.property(
			orgHost,
			evilDomain,
			fc.constantFrom(...hostileTemplates),
			(org, evil, template) => {
				const input = template(org.host, evil);
				const result = deriveLoginUrl(input);
				assert.equal(result.ok, false, `${input} accepted`);
			},
		),
		{numRuns: 2000},
	);
});

test('an org host followed by more labels is a lookalike', () => {
	fc.assert(
		fc.property(orgHost, evilDomain, (org, evil) => {
			const result = deriveLoginUrl(`https://${org.host}.${evil}/lightning/page/home`);
			assert.equal(result.ok ? 'accepted' : result.reason, 'lookalike-host');
		}),
	);
});
