import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {inspectToken, summarizeInspection, type TokenInspection} from '../../source/core/token.js';

const alphanumeric = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'] as const;
const secretCharacters = [...alphanumeric, '.', '_'] as const;

const orgIdArbitrary = fc
	.array(fc.constantFrom(...alphanumeric), {minLength: 12, maxLength: 12})
	.map((characters) => `00D${characters.join('')}`);
const secretArbitrary = fc
	.array(fc.constantFrom(...secretCharacters), {minLength: 20, maxLength: 200})
	.map((characters) => characters.join(''));
const tokenArbitrary = fc
	.tuple(orgIdArbitrary, secretArbitrary)
	.map(([orgId, secret]) => ({orgId, token: `${orgId}!${secret}`}));

/**
 * Every kind of stray character. Smart quotes are left out of the ends: around a token they are
 * a pair of quotes (a wrapper), which the table tests cover.
 */
const strayCharacters = [
	' ',
	'\t',
	'\r',
	'\n',
	'\u00A0',
	'\u202F',
	'\u2003',
	'\u2028',
	'\u200B',
	'\u200C',
	'\u200D',
	'\u2060',
	'\uFEFF',
	'\u00AD',
	'\u0430',
	'\u{1F600}',
	'\u0000',
	'\u0007',
	'\u001B',
	'\u007F',
	'\u0085',
];
const strayArbitrary = fc.constantFrom(...strayCharacters);
const innerStrayArbitrary = fc.constantFrom(...strayCharacters, '\u201C', '\u2019');

/** `group` keeps a cookie line out of another cookie line, which no browser produces. */
type Wrapper = {readonly prefix: string; readonly suffix: string; readonly group: string};
const wrapperArbitrary = fc.uniqueArray(
	fc.constantFrom<Wrapper>(
		{prefix: 'Bearer ', suffix: '', group: 'bearer'},
		{prefix: 'bearer\t', suffix: '', group: 'bearer-tab'},
		{prefix: 'OAuth ', suffix: '', group: 'oauth'},
		{prefix: 'Authorization: Bearer ', suffix: '', group: 'header'},
		{prefix: '"', suffix: '"', group: 'double-quotes'},
		{prefix: "'", suffix: "'", group: 'single-quotes'},
		{prefix: '\u201C', suffix: '\u201D', group: 'smart-quotes'},
		{prefix: '<', suffix: '>', group: 'angle'},
		{prefix: 'sid=', suffix: '; path=/; secure', group: 'cookie'},
		{prefix: 'Cookie: BrowserId=x1; sid=', suffix: '; oid=1', group: 'cookie'},
		{
			prefix: 'https://acme.my.salesforce.com/secur/frontdoor.jsp?sid=',
			suffix: '&retURL=%2F',
			group: 'url',
		},
		{prefix: '"accessToken": "', suffix: '",', group: 'json'},
		{prefix: '"accessToken": "', suffix: '"', group: 'json-last'},
		{prefix: 'SF_ACCESS_TOKEN=', suffix: '', group: 'env'},
		{prefix: 'Access Token     ', suffix: '', group: 'table'},
		{prefix: '', suffix: ',', group: 'comma'},
	),
	{maxLength: 2, selector: (wrapper) => wrapper.group},
);

/** A token damaged the way copy and paste damages it, and where each stray character went. */
const damagedArbitrary = tokenArbitrary.chain(({orgId, token}) =>
	fc
		.record({
			leading: fc.array(strayArbitrary, {maxLength: 4}),
			trailing: fc.array(strayArbitrary, {maxLength: 4}),
			inner: fc.array(fc.tuple(fc.integer({min: 1, max: token.length - 1}), innerStrayArbitrary), {
				maxLength: 4,
			}),
			wrappers: wrapperArbitrary,
		})
		.map(({leading, trailing, inner, wrappers}) => {
			const insertions = new Map<number, string[]>();
			for (const [at, char] of inner) insertions.set(at, [...(insertions.get(at) ?? []), char]);
			let core = '';
			const coreStrays: Array<[number, string]> = [];
			for (let index = 0; index < token.length; index++) {
				for (const char of insertions.get(index) ?? []) {
					coreStrays.push([core.length, char]);
					core += char;
				}
				core += token[index];
			}
			let wrapped = core;
			let coreOffset = 0;
			for (const {prefix, suffix} of wrappers) {
				wrapped = prefix + wrapped + suffix;
				coreOffset += prefix.length;
			}
			const head = leading.join('');
			const input = head + wrapped + trailing.join('');
			const inserted: Array<[number, string]> = [];
			let at = 0;
			for (const char of leading) {
				inserted.push([at, char]);
				at += char.length;
			}
			for (const [index, char] of coreStrays) {
				inserted.push([head.length + coreOffset + index, char]);
			}
			at = head.length + wrapped.length;
			for (const char of trailing) {
				inserted.push([at, char]);
				at += char.length;
			}
			return {orgId, token, input, inserted: mergeCrlf(inserted)};
		}),
);

/** A CR the generator put right before an LF is reported as one CRLF. */
function mergeCrlf(inserted: Array<[number, string]>): Array<[number, string]> {
	const merged: Array<[number, string]> = [];
	for (const [index, char] of inserted) {
		const previous = merged.at(-1);
		if (previous && previous[1] === '\r' && char === '\n' && previous[0] + 1 === index) {
			previous[1] = '\r\n';
			continue;
		}
		merged.push([index, char]);
	}
	return merged;
}

function reported(inspection: TokenInspection): Array<[number, string]> {
	return inspection.problems.flatMap((problem) =>
		problem.kind === 'stray-characters'
			? problem.characters.map((stray): [number, string] => [stray.index, stray.char])
			: [],
	);
}

test('any damaged valid token fixes back to itself, and every stray character is reported', () => {
	fc.assert(
		fc.property(damagedArbitrary, ({orgId, token, input, inserted}) => {
			const inspection = inspectToken(input);
			assert.equal(inspection.fixed, token);
			assert.equal(inspection.fixable, true);
			assert.equal(inspection.format, 'session-id');
			assert.equal(inspection.orgId15, orgId);
			assert.equal(inspection.clean, input === token);
			assert.deepEqual(reported(inspection), inserted);
		}),
		{numRuns: 500},
	);
});

test('the fix is idempotent: the fixed token of a fixable input is clean', () => {
	fc.assert(
		fc.property(damagedArbitrary, ({input}) => {
			const fixed = inspectToken(input).fixed;
			const again = inspectToken(fixed);
			assert.equal(again.clean, true);
			assert.equal(again.fixed, fixed);
		}),
		{numRuns: 300},
	);
});

/** Invariants that hold for every input, however odd. */
function checkInvariants(input: string): void {
	const inspection = inspectToken(input);
	assert.equal(inspection.input, input);
	assert.equal(inspection.clean, inspection.problems.length === 0);
	if (inspection.clean) assert.equal(inspection.fixed, input);
	if (!inspection.fixable) assert.equal(inspection.clean, false);
	assert.ok(inspection.tokenStart <= inspection.tokenEnd && inspection.tokenEnd <= input.length);
	for (const stray of reported(inspection)) {
		assert.equal(input.slice(stray[0], stray[0] + stray[1].length), stray[1]);
	}
	if (inspection.fixable) {
		const again = inspectToken(inspection.fixed);
		assert.equal(again.clean, true);
	}
	const summary = summarizeInspection(inspection, {fixHint: 'press f to fix'});
	assert.doesNotMatch(summary, /[\u0000-\u001F\u007F-\u009F]/);
}

test('inspection never throws and keeps its invariants on any string', () => {
	fc.assert(fc.property(fc.string({maxLength: 300}), checkInvariants), {numRuns: 1000});
	fc.assert(fc.property(fc.string({unit: 'binary', maxLength: 300}), checkInvariants), {
		numRuns: 1000,
	});
	fc.assert(fc.property(fc.string({unit: 'binary-ascii', maxLength: 300}), checkInvariants), {
		numRuns: 1000,
	});
});

test('inspection never throws on raw UTF-16, lone surrogates included', () => {
	const codeUnit = fc.integer({min: 0, max: 0xff_ff}).map((unit) => String.fromCharCode(unit));
	fc.assert(fc.property(fc.string({unit: codeUnit, maxLength: 300}), checkInvariants), {
		numRuns: 1000,
	});
});

test('inspection never throws on a mix of token pieces, wrappers and stray characters', () => {
	const piece = fc.constantFrom(
		'00D',
		'5g000004XyZa',
		'!',
		'Bearer ',
		'OAuth',
		'Authorization:',
		'sid=',
		'access_token=',
		'?',
		'&',
		';',
		',',
		'"',
		'“',
		'”',
		'<',
		'>',
		'[',
		']',
		'{{',
		'}}',
		'$',
		'%21',
		'*',
		'•',
		'eyJ',
		'.',
		'5Aep',
		'export ',
		'accessToken',
		': ',
		'=',
		...strayCharacters,
	);
	fc.assert(
		fc.property(
			fc.array(piece, {maxLength: 30}).map((pieces) => pieces.join('')),
			checkInvariants,
		),
		{numRuns: 2000},
	);
});

test('large inputs are inspected without throwing', () => {
	const token = `00D5g000004XyZa!${'a'.repeat(96)}`;
	const inputs = [
		`00D5g000004XyZa!${'a'.repeat(1_000_000)}`,
		' '.repeat(1_000_000),
		'ab \u200B'.repeat(250_000),
		'"'.repeat(1_000_000),
		'sid='.repeat(250_000),
		'Bearer '.repeat(150_000),
		'\u{1F600}'.repeat(500_000),
		`${token}\n`.repeat(9000),
	];
	for (const input of inputs) {
		const inspection = inspectToken(input);
		assert.equal(inspection.input.length, input.length);
		assert.equal(typeof summarizeInspection(inspection), 'string');
	}
	assert.equal(inspectToken(inputs[0] ?? '').clean, true);
});
