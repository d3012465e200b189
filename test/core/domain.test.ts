import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	deriveLoginUrl,
	loginHostSuffixes,
	type DomainRefusalReason,
	type DomainResult,
	type OrgKind,
} from '../../source/core/domain.js';

type FixtureCase = {
	readonly input: string;
	readonly expect: {
		readonly ok: boolean;
		readonly loginUrl?: string;
		readonly kind?: string;
		readonly reason?: string;
	};
	readonly unsure?: boolean;
	readonly note?: string;
};

// The corpus lives beside the repository (shared/ next to main/, also in CI).
const fixtureUrl = new URL('../../../shared/fixtures/org-urls.json', import.meta.url);
const fixtures = JSON.parse(readFileSync(fixtureUrl, 'utf8')) as readonly FixtureCase[];

/**
 * The fixture marks these cases unsure. Each decision below was made deliberately; every one
 * follows the fixture's expectation (so its loginUrl/kind/reason are asserted as usual) and
 * `flagged` says whether deriveLoginUrl reports `unsure: true` (with a note) to the user.
 * Reason codes: every refusal uses the fixture's own code; none differs.
 */
const unsureDecisions: Readonly<
	Record<
		string,
		{readonly decision: 'accept' | 'refuse'; readonly flagged?: boolean; readonly why: string}
	>
> = {
	'https://acme.cdn.salesforce-experience.com/cms/delivery/media/MCExample': {
		decision: 'accept',
		flagged: true,
		why: 'DOMAINS.md §3.1 lists CMS channels as "swap (unsure)": mapped, and the user is told.',
	},
	'https://foo.my.sfcrmproducts.cn': {
		decision: 'accept',
		flagged: false,
		why: 'This is the China login host itself (Salesforce CLI code); echoing it adds no guess.',
	},
	'https://acme.database.com': {
		decision: 'accept',
		flagged: true,
		why: 'Old My Domain suffix; DOMAINS.md §7 infers my.salesforce.com after enforcement.',
	},
	'https://acme.cloudforce.com/home/home.jsp': {
		decision: 'accept',
		flagged: true,
		why: 'Old My Domain suffix; DOMAINS.md §7 infers my.salesforce.com after enforcement.',
	},
	'https://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.my.salesforce.com': {
		decision: 'accept',
		flagged: false,
		why: 'The 40-character limit is historical; DNS (63) is the hard rule, and a wrong name merely fails to resolve.',
	},
	'https://acme.my-salesforce.com/': {
		decision: 'accept',
		flagged: true,
		why: 'Alternative domain known only from Salesforce CLI code; kept on its own suffix.',
	},
	'https://foo.lightning.sfcrmapps.cn/lightning/page/home': {
		decision: 'accept',
		flagged: true,
		why: 'Lightning→login mapping for China comes from CLI code only, not from docs.',
	},
	'https://acme.lightning.force.com.mcas.ms/lightning/page/home': {
		decision: 'accept',
		flagged: true,
		why: 'Stripping the Defender for Cloud Apps proxy suffix is policy (DOMAINS.md §3.3).',
	},
	'https://acme.my-lightning.com/lightning/page/home': {
		decision: 'accept',
		flagged: true,
		why: 'Alternative Lightning domain from CLI code; login on my-salesforce.com.',
	},
	'https://acme.my.sfdcopens.com/': {
		decision: 'accept',
		flagged: true,
		why: 'Documented only as reserved for email tracking; mapped like the other My Domain hosts.',
	},
	'https://org62.lightning.force.mil/lightning/page/home': {
		decision: 'accept',
		flagged: true,
		why: 'Seen in third-party extensions only; the realm login suffix .my.salesforce.mil is kept.',
	},
	'https://foo--sbox1.sandbox.lightning.sfcrmapps.cn/': {
		decision: 'accept',
		flagged: true,
		why: 'Same China Lightning mapping, with the usual sandbox partition.',
	},
	'https://acme--uat.sandbox.my.salesforce.com.mcas.ms/': {
		decision: 'accept',
		flagged: true,
		why: 'Proxy suffix stripped (policy).',
	},
	'https://wmp-dh-dev-ed--c.na73.visual.force.com/apex/X': {
		decision: 'accept',
		flagged: true,
		why: 'Unpartitioned Developer Edition: may now live on .develop. (DOMAINS.md §7); the note names that URL.',
	},
	'https://name-dev-ed--c.visualforce.com/apex/MyPage': {
		decision: 'accept',
		flagged: true,
		why: 'Unpartitioned Developer Edition, as above.',
	},
	'https://name-dev-ed.lightning.force.com/lightning/page/home': {
		decision: 'accept',
		flagged: true,
		why: 'Unpartitioned Developer Edition, as above.',
	},
	'https://name-dev-ed.my.salesforce.com/': {
		decision: 'accept',
		flagged: true,
		why: 'Unpartitioned Developer Edition, as above.',
	},
	'https://name--x.develop.my.salesforce.com': {
		decision: 'refuse',
		why: 'Only sandboxes put a --segment into the org part; guessing would invent an org.',
	},
	'https://acme--uat.sandbox.vf.force.com/apex/X': {
		decision: 'refuse',
		why: 'In VF hosts the last --segment is the package, which leaves no sandbox name.',
	},
	'https://acme.sandbox.lightning.force.com/lightning/page/home': {
		decision: 'refuse',
		why: 'Real sandbox hosts always read MyDomain--Sandbox; which sandbox is unknowable.',
	},
	'https://na44.lightning.force.com/lightning/page/home': {
		decision: 'refuse',
		why: 'Classic pod names (na|cs|eu|ap|um|gs + digits) on lightning.force.com are instances, not orgs.',
	},
	'https://acme--a1b2c3.force-user-content.com/': {
		decision: 'refuse',
		why: 'The user-content host format is not verified; no guess.',
	},
	'https://acme.free.lightning.force.com': {
		decision: 'accept',
		flagged: false,
		why: 'free is a documented partition word; the mapping is the same pattern as every partition.',
	},
	'https://acme.bt.lightning.force.com': {
		decision: 'refuse',
		why: 'bt appears only in CLI tests, not in the documented partition list.',
	},
	'https://computing-ability-8387-dev-ed.cs22.my.salesforce.com/': {
		decision: 'refuse',
		why: 'Instanced host without --sandbox is an old scratch org, which expired long ago.',
	},
	'https:acme.my.salesforce.com': {
		decision: 'refuse',
		why: 'Policy: a scheme must be followed by //, so nothing is guessed from a malformed URL.',
	},
	'https:///acme.my.salesforce.com': {
		decision: 'refuse',
		why: 'Policy: the authority is empty; WHATWG would skip the slash, we do not repair.',
	},
};

function caseName(input: string): string {
	const shown = JSON.stringify(input);
	return shown.length > 90 ? `${shown.slice(0, 87)}…` : shown;
}

function assertAccepted(
	result: DomainResult,
	loginUrl: string,
	kind: string,
): asserts result is Extract<DomainResult, {ok: true}> {
	assert.equal(result.ok, true, result.ok ? '' : `refused: ${result.reason}: ${result.message}`);
	assert.equal(result.loginUrl, loginUrl);
	assert.equal(result.kind, kind);
}

function assertRefused(result: DomainResult, reason: string): void {
	assert.equal(result.ok, false, result.ok ? `accepted as ${result.loginUrl}` : '');
	if (!result.ok) assert.equal(result.reason, reason);
}

for (const fixture of fixtures) {
	test(`fixture ${caseName(fixture.input)}`, () => {
		const result = deriveLoginUrl(fixture.input);
		const {expect} = fixture;
		if (expect.ok) {
			assertAccepted(result, expect.loginUrl ?? '', expect.kind ?? '');
		} else {
			assertRefused(result, expect.reason ?? '');
		}

		const decision = unsureDecisions[fixture.input];
		if (fixture.unsure === true) {
			assert.ok(decision, 'every unsure fixture case needs a decision in unsureDecisions');
			assert.equal(result.ok, decision.decision === 'accept');
			if (result.ok) {
				assert.equal(result.unsure, decision.flagged);
				if (result.unsure) assert.ok(result.note, 'an unsure mapping explains itself');
			}
		}
	});
}

test('unsureDecisions names only fixture cases marked unsure', () => {
	const unsureInputs = new Set(fixtures.filter((fixture) => fixture.unsure).map((f) => f.input));
	for (const input of Object.keys(unsureDecisions)) {
		assert.ok(unsureInputs.has(input), `stale decision for ${input}`);
	}

	assert.equal(Object.keys(unsureDecisions).length, unsureInputs.size);
});

type ExtraCase =
	| {
			readonly input: string;
			readonly loginUrl: string;
			readonly kind: OrgKind;
			readonly why: string;
	  }
	| {readonly input: string; readonly reason: DomainRefusalReason; readonly why: string};

/** Cases the corpus lacks that pin down a rule of DOMAINS.md §4 or a policy of ours. */
const extraCases: readonly ExtraCase[] = [
	{
		input: 'https://acme--uat.my.salesforce.com',
		loginUrl: 'https://acme--uat.sandbox.my.salesforce.com',
		kind: 'sandbox',
		why: 'legacy sandbox login host is upgraded to .sandbox.',
	},
	{
		input: 'https://acme--uat.lightning.force.com/lightning/page/home',
		loginUrl: 'https://acme--uat.sandbox.my.salesforce.com',
		kind: 'sandbox',
		why: 'legacy sandbox Lightning host (cross-org redirect help page)',
	},
	{
		input: 'https://acme--uat--c.visualforce.com/apex/X',
		loginUrl: 'https://acme--uat.sandbox.my.salesforce.com',
		kind: 'sandbox',
		why: 'stabilized legacy sandbox VF host',
	},
	{
		input: 'https://acme--uat--c.cs87.content.force.com/sfc/x',
		loginUrl: 'https://acme--uat.sandbox.my.salesforce.com',
		kind: 'sandbox',
		why: 'oldest sandbox content host',
	},
	{
		input: 'https://org62.develop.lightning.crmforce.mil/',
		loginUrl: 'https://org62.develop.my.salesforce.mil',
		kind: 'developer',
		why: 'partition kept inside the Defense realm',
	},
	{
		input: 'https://name-dev-ed.develop.lightning.force.com',
		loginUrl: 'https://name-dev-ed.develop.my.salesforce.com',
		kind: 'developer',
		why: 'partitioned Developer Edition is not unsure',
	},
	{
		input: 'https://acme.scratch.lightning.force.com',
		loginUrl: 'https://acme.scratch.my.salesforce.com',
		kind: 'scratch',
		why: 'scratch partition',
	},
	{
		input: 'https://abc123.lightning.force.com',
		loginUrl: 'https://abc123.my.salesforce.com',
		kind: 'production',
		why: 'digits in a My Domain are fine; only classic pod names are instances',
	},
	{
		input: 'acme.my.salesforce.com:443',
		loginUrl: 'https://acme.my.salesforce.com',
		kind: 'production',
		why: 'a name with a dot before ":" is a host, not a scheme',
	},
	{
		input: 'acme.my.salesforce.com:',
		loginUrl: 'https://acme.my.salesforce.com',
		kind: 'production',
		why: 'an empty port means the default one (as in WHATWG)',
	},
	{
		input: '\u00A0 <https://acme.lightning.force.com> \r\n',
		loginUrl: 'https://acme.my.salesforce.com',
		kind: 'production',
		why: 'no-break spaces, angle brackets (mail clients) and CRLF are trimmed',
	},
	{
		input: `" 'https://acme.lightning.force.com' "`,
		loginUrl: 'https://acme.my.salesforce.com',
		kind: 'production',
		why: 'wrappers are trimmed repeatedly',
	},
	{
		input: '//acme.my.salesforce.com',
		loginUrl: 'https://acme.my.salesforce.com',
		kind: 'production',
		why: 'scheme-relative host alone',
	},
	{
		input: 'https://acme.lightning.force.com/\uD800',
		loginUrl: 'https://acme.my.salesforce.com',
		kind: 'production',
		why: 'a lone surrogate in the path is never looked at',
	},
	{
		input: 'localhost:1717',
		reason: 'not-salesforce-host',
		why: '"localhost:" followed by a port is a host, not a scheme (DOMAINS.md §4 step 9 example)',
	},
	{input: 'https://my.salesforce.com', reason: 'missing-my-domain-name', why: 'suffix alone'},
	{
		input: 'https://sandbox.lightning.force.com',
		reason: 'missing-my-domain-name',
		why: 'a partition word with nothing in front of it',
	},
	{
		input: 'https://acme--my-sb.sandbox.lightning.force.com',
		reason: 'unsupported-format',
		why: 'sandbox names are alphanumeric (DOMAINS.md §2)',
	},
	{
		input: 'https://acme---uat.sandbox.lightning.force.com',
		reason: 'unsupported-format',
		why: 'DOMAINS.md §4 step 6',
	},
	{
		input: 'https://acme---c.vf.force.com',
		reason: 'unsupported-format',
		why: 'dropping the package "--c" leaves the invalid name "acme-"',
	},
	{
		input: 'https://acme--uat--c.visual.force.com',
		reason: 'unsupported-format',
		why: 'visual.force.com hosts always carry an instance',
	},
	{input: 'https://x.y.z.lightning.force.com', reason: 'unsupported-format', why: 'three labels'},
	{
		input: 'https://acme.sfdctest.lightning.force.com',
		reason: 'unknown-partition',
		why: 'reserved for internal use',
	},
	{
		input: 'https://acme.sfdcdot.my.salesforce.com',
		reason: 'unknown-partition',
		why: 'undocumented, seen only in CLI tests',
	},
	{
		input: 'https://acme--uat.cs87.lightning.force.com',
		reason: 'unknown-partition',
		why: 'the instanced sandbox form exists only on my.salesforce.com',
	},
	{input: 'https://usa2s.salesforce.com', reason: 'instance-url', why: 'Hyperforce sandbox pod'},
	{input: 'https://cs42.salesforce.com/', reason: 'instance-url', why: 'sandbox pod'},
	{input: 'https://c.cs87.visual.force.com/apex/X', reason: 'instance-url', why: 'no My Domain'},
	{input: 'https://acme.secure.force.com/x', reason: 'legacy-site-host', why: 'secure site'},
	{
		input: 'https://uat-thedisputeservice.cs87.force.com/',
		reason: 'legacy-site-host',
		why: 'sandbox site on a pod',
	},
	{input: 'https://developer.force.com', reason: 'not-an-org-host', why: 'website'},
	{input: 'https://salesforce.com', reason: 'not-an-org-host', why: 'website'},
	{
		input: 'https://x.stm.salesforce.com',
		reason: 'unrecognized-salesforce-host',
		why: 'internal hosts are treated as unrecognised (DOMAINS.md §3.3)',
	},
	{input: 'https://acme.lightning.com', reason: 'unrecognized-salesforce-host', why: 'no family'},
	{input: 'https://acme.force.com.evil.com', reason: 'lookalike-host', why: 'suffix then more'},
	{
		input: 'https://acme.lightning.force.com.mcas.ms.evil.com',
		reason: 'lookalike-host',
		why: 'the proxy suffix is stripped only at the very end',
	},
	{input: 'https://evil.com/acme.my.salesforce.com', reason: 'not-salesforce-host', why: 'path'},
	{input: 'https://evil.com?acme.my.salesforce.com', reason: 'not-salesforce-host', why: 'query'},
	{input: 'https://evil.com.mcas.ms', reason: 'not-salesforce-host', why: 'proxy of any host'},
	{
		input: 'https://evil.com/?redirect_uri=https://acme.my.salesforce.com',
		reason: 'not-salesforce-host',
		why: 'parameters can name any host',
	},
	{
		input: 'https://evil.com\\acme.my.salesforce.com',
		reason: 'invalid-characters',
		why: 'backslash differential',
	},
	{
		input: 'https://acme.my.salesforce.com%2eevil.com',
		reason: 'invalid-characters',
		why: 'percent-escape in the host',
	},
	{
		input: 'https://acme.lightning.force.com/path with space',
		reason: 'invalid-characters',
		why: 'inner whitespace anywhere',
	},
	{
		input: '\u001B[200~https://acme.lightning.force.com\u001B[201~',
		reason: 'invalid-characters',
		why: 'control characters (here bracketed-paste markers the text field failed to strip)',
	},
	{input: 'https://acme.lightning.force.com\u0000', reason: 'invalid-characters', why: 'NUL'},
	{input: 'https://acme\uD800.lightning.force.com', reason: 'non-ascii-host', why: 'surrogate'},
	{
		input: 'https://login.salesforce.com:8443',
		reason: 'generic-login-host',
		why: 'the host-based reason wins over the port',
	},
	{
		input: 'https://login.salesforce.com.mcas.ms/',
		reason: 'generic-login-host',
		why: 'generic host behind the proxy',
	},
	{
		input: 'https://acme.my.salesforce.com.mcas.ms:8443',
		reason: 'port-not-allowed',
		why: 'port checked once the org host is known',
	},
	{input: 'https://1.2.3.4/', reason: 'ip-address', why: 'dotted quad'},
	{input: 'http://0x7f.1', reason: 'ip-address', why: 'WHATWG reads this as 127.0.0.1'},
	{
		input: 'mailto:admin@acme.my.salesforce.com',
		reason: 'unsupported-scheme',
		why: 'not a web address',
	},
	{
		input: 'blob:https://acme.lightning.force.com/x',
		reason: 'unsupported-scheme',
		why: 'blob URL',
	},
	{input: 'https:/acme.my.salesforce.com', reason: 'not-a-url', why: 'one slash'},
	{input: '///acme.my.salesforce.com', reason: 'empty-host', why: 'three slashes'},
	{
		input: 'acme.lightning.force.com/'.padEnd(4097, 'a'),
		reason: 'input-too-long',
		why: 'one over the cap',
	},
	{
		input: 'acme.lightning.force.com/'.padEnd(4096, 'a'),
		loginUrl: 'https://acme.my.salesforce.com',
		kind: 'production',
		why: 'exactly at the cap: parsed normally',
	},
];

for (const extra of extraCases) {
	test(`extra ${caseName(extra.input)} (${extra.why})`, () => {
		const result = deriveLoginUrl(extra.input);
		if ('reason' in extra) {
			assertRefused(result, extra.reason);
		} else {
			assertAccepted(result, extra.loginUrl, extra.kind);
		}
	});
}

test('accepted results name the org and sandbox', () => {
	const result = deriveLoginUrl('https://acme--uat--c.sandbox.vf.force.com/apex/X');
	assertAccepted(result, 'https://acme--uat.sandbox.my.salesforce.com', 'sandbox');
	assert.equal(result.myDomain, 'acme');
	assert.equal(result.sandboxName, 'uat');
	assert.equal(result.unsure, false);
	assert.equal(result.note, undefined);

	const production = deriveLoginUrl('acme.lightning.force.com');
	assertAccepted(production, 'https://acme.my.salesforce.com', 'production');
	assert.equal(production.myDomain, 'acme');
	assert.equal('sandboxName' in production, false);
});

test('notes: sites, session ids, Developer Edition and the proxy', () => {
	const site = deriveLoginUrl('https://acme.my.site.com/partners/s/login/');
	assertAccepted(site, 'https://acme.my.salesforce.com', 'production');
	assert.equal(site.unsure, false);
	assert.match(site.note ?? '', /site members log in on the site itself/);

	const frontdoor = deriveLoginUrl(
		'https://acme.my.salesforce.com/secur/frontdoor.jsp?sid=00DHs000000AbCd!AQ0&retURL=%2F',
	);
	assertAccepted(frontdoor, 'https://acme.my.salesforce.com', 'production');
	assert.equal(frontdoor.unsure, false);
	assert.match(frontdoor.note ?? '', /session id \(sid=\)/);

	const developer = deriveLoginUrl('https://name-dev-ed.lightning.force.com.mcas.ms/');
	assertAccepted(developer, 'https://name-dev-ed.my.salesforce.com', 'developer');
	assert.equal(developer.unsure, true);
	assert.match(developer.note ?? '', /https:\/\/name-dev-ed\.develop\.my\.salesforce\.com/);
	assert.match(developer.note ?? '', /\.mcas\.ms/);
});

test('refusal messages say what to paste instead', () => {
	const messageOf = (input: string): string => {
		const result = deriveLoginUrl(input);
		assert.equal(result.ok, false);
		return result.ok ? '' : result.message;
	};

	const instance = messageOf('https://na123.salesforce.com/001');
	assert.match(instance, /na123\.salesforce\.com/);
	assert.match(instance, /avatar menu \(top right\)/);
	assert.match(instance, /\.my\.salesforce\.com/);
	assert.match(instance, /Setup → My Domain/);
	assert.match(
		messageOf('login.salesforce.com'),
		/choose Production or Sandbox instead of My Domain/,
	);
	assert.match(messageOf('https://acme.my.salesforce.com.evil.com'), /is not a Salesforce host/);
	assert.match(
		messageOf('https://acme.force.com/s/'),
		/site address whose subdomain need not match/,
	);
	assert.match(
		messageOf('https://evil.com@acme.my.salesforce.com'),
		/not a genuine Salesforce URL/,
	);
	assert.match(messageOf('https://acme.bt.lightning.force.com'), /"bt" is not a known org type/);
});

test('every refusal message is one or two sentences without a trailing newline', () => {
	const inputs = [...fixtures.map((fixture) => fixture.input), ...extraCases.map((c) => c.input)];
	for (const input of inputs) {
		const result = deriveLoginUrl(input);
		if (result.ok) continue;
		assert.ok(result.message.length > 20, `${result.reason}: message too short`);
		assert.equal(result.message, result.message.trim());
		assert.doesNotMatch(result.message, /\n/);
		const sentences = result.message.split(/[.!?]\s+(?=[A-Z])/).length;
		assert.ok(sentences <= 2, `${result.reason}: ${sentences} sentences: ${result.message}`);
	}
});

test('loginHostSuffixes lists the four realms', () => {
	assert.deepEqual([...loginHostSuffixes].toSorted(), [
		'.my-salesforce.com',
		'.my.salesforce.com',
		'.my.salesforce.mil',
		'.my.sfcrmproducts.cn',
	]);
});

test('huge and odd inputs are refused without throwing', () => {
	assertRefused(deriveLoginUrl('x'.repeat(1_000_000)), 'input-too-long');
	assertRefused(deriveLoginUrl('\uDFFF\uD800'), 'non-ascii-host');
	assertRefused(deriveLoginUrl('\u0000'), 'invalid-characters');
	// JavaScript callers can pass anything; the screen must never crash on it.
	assertRefused(deriveLoginUrl(undefined as unknown as string), 'empty-input');
});
