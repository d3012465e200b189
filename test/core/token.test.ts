import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {
	inspectToken,
	sameOrg,
	summarizeInspection,
	type StrayKind,
	type TokenInspection,
	type TokenProblem,
	type TokenWrapper,
} from '../../source/core/token.js';

// Shaped like the samples in SALESFORCE.md §5: 15-char org id, '!', 96 characters.
const orgId = '00D5g000004XyZa';
const secret = 'AR8AQJXg5oV.' + 'kP3_rT9wQzLm'.repeat(6) + 'b1c2d3e44f2Q';
const token = `${orgId}!${secret}`;
const jwt =
	'eyJ0bmsiOiJjb3JlL3Byb2QvMDBENWcwMDAwMDRYeVphIiwidmVyIjoiMS4wIn0.' +
	'eyJzY3AiOlsiYXBpIl0sInN1YiI6InVpZDowMDVkZDAwMDAwNzVRWDUifQ.' +
	'Zm9vYmFyYmF6cXV4';

function kinds(inspection: TokenInspection): string[] {
	return inspection.problems.map((problem) => problem.kind);
}

function wrappers(inspection: TokenInspection): TokenWrapper[] {
	return inspection.problems.flatMap((problem) =>
		problem.kind === 'wrapper' ? [problem.wrapper] : [],
	);
}

function strays(inspection: TokenInspection) {
	const problem = inspection.problems.find(
		(candidate): candidate is Extract<TokenProblem, {kind: 'stray-characters'}> =>
			candidate.kind === 'stray-characters',
	);
	return problem?.characters ?? [];
}

test('the 112-character sample token is clean', () => {
	assert.equal(token.length, 112);
	const inspection = inspectToken(token);
	assert.equal(inspection.clean, true);
	assert.equal(inspection.fixable, true);
	assert.equal(inspection.format, 'session-id');
	assert.equal(inspection.orgId15, orgId);
	assert.equal(inspection.fixed, token);
	assert.deepEqual(inspection.problems, []);
	assert.deepEqual(inspection.removed, []);
	assert.deepEqual(inspection.warnings, []);
	assert.equal(inspection.tokenStart, 0);
	assert.equal(inspection.tokenEnd, 112);
});

test('a session id of another length is valid too (the length is not documented)', () => {
	const long = `${orgId}!${'a.b_C9'.repeat(40)}`;
	assert.equal(inspectToken(long).clean, true);
});

describe('each stray character, leading, trailing and inside', () => {
	const cases: Array<[char: string, kind: StrayKind, name: string, codePoint: string]> = [
		[' ', 'space', 'space', 'U+0020'],
		['\t', 'tab', 'tab', 'U+0009'],
		['\r', 'carriage-return', 'carriage return', 'U+000D'],
		['\n', 'line-feed', 'line break', 'U+000A'],
		['\u00A0', 'no-break-space', 'no-break space', 'U+00A0'],
		['\u202F', 'no-break-space', 'narrow no-break space', 'U+202F'],
		['\u2003', 'unicode-space', 'em space', 'U+2003'],
		['\u2028', 'unicode-space', 'line separator', 'U+2028'],
		['\u200B', 'zero-width-space', 'zero-width space', 'U+200B'],
		['\u200D', 'zero-width-joiner', 'zero-width joiner', 'U+200D'],
		['\u200C', 'zero-width-non-joiner', 'zero-width non-joiner', 'U+200C'],
		['\u2060', 'word-joiner', 'word joiner', 'U+2060'],
		['\uFEFF', 'byte-order-mark', 'byte order mark', 'U+FEFF'],
		['\u00AD', 'soft-hyphen', 'soft hyphen', 'U+00AD'],
		['\u2019', 'smart-quote', 'smart quote ’', 'U+2019'],
		['\u0430', 'other-non-ascii', "non-ASCII character 'а' (U+0430)", 'U+0430'],
		['\u200E', 'other-non-ascii', 'left-to-right mark (U+200E)', 'U+200E'],
		['\u{1F600}', 'other-non-ascii', "non-ASCII character '\u{1F600}' (U+1F600)", 'U+1F600'],
		['\u001B', 'control-character', 'escape character', 'U+001B'],
		['\u0007', 'control-character', 'bell character', 'U+0007'],
		['\u0000', 'control-character', 'null character', 'U+0000'],
		['\u007F', 'control-character', 'delete character', 'U+007F'],
		['\u0001', 'control-character', 'control character U+0001', 'U+0001'],
		['\u0085', 'control-character', 'next-line character', 'U+0085'],
	];
	for (const [char, kind, name, codePoint] of cases) {
		const placements = [
			['leading', char + token, 0],
			['trailing', token + char, 112],
			['inside', token.slice(0, 40) + char + token.slice(40), 40],
		] as const;
		for (const [where, input, index] of placements) {
			test(`${kind} ${codePoint} ${where}`, () => {
				const inspection = inspectToken(input);
				assert.deepEqual(kinds(inspection), ['stray-characters']);
				assert.deepEqual(strays(inspection), [{kind, index, char, codePoint, where, name}]);
				assert.equal(inspection.fixed, token);
				assert.equal(inspection.fixable, true);
				assert.equal(inspection.clean, false);
				assert.equal(inspection.format, 'session-id');
				assert.equal(inspection.orgId15, orgId);
				assert.deepEqual(inspection.removed, [`${name} at ${index + 1}`]);
			});
		}
	}
});

test('a CRLF is one stray character at the CR', () => {
	const inspection = inspectToken(`${token}\r\n`);
	assert.deepEqual(strays(inspection), [
		{
			kind: 'crlf',
			index: 112,
			char: '\r\n',
			codePoint: 'U+000D U+000A',
			where: 'trailing',
			name: 'line break (CRLF)',
		},
	]);
	assert.deepEqual(inspection.removed, ['line break (CRLF) at 113']);
	assert.equal(inspection.fixed, token);
});

test('LF then CR are two stray characters, not a CRLF', () => {
	const inspection = inspectToken(`${token}\n\r`);
	assert.deepEqual(
		strays(inspection).map((stray) => stray.kind),
		['line-feed', 'carriage-return'],
	);
});

test('a run of the same character reads as one entry in removed', () => {
	const inspection = inspectToken(`  ${token}   \n`);
	assert.equal(strays(inspection).length, 6);
	assert.deepEqual(inspection.removed, [
		'2 spaces at 1–2',
		'3 spaces at 115–117',
		'line break at 118',
	]);
});

test('stray characters everywhere at once are all removed', () => {
	const input = `\uFEFF ${token.slice(0, 16)}\u200B${token.slice(16, 80)}\u00A0${token.slice(80)}\r\n`;
	const inspection = inspectToken(input);
	assert.deepEqual(
		strays(inspection).map((stray) => [stray.kind, stray.where]),
		[
			['byte-order-mark', 'leading'],
			['space', 'leading'],
			['zero-width-space', 'inside'],
			['no-break-space', 'inside'],
			['crlf', 'trailing'],
		],
	);
	assert.equal(inspection.fixed, token);
	assert.equal(inspection.tokenStart, 2);
	assert.equal(inspection.tokenEnd, input.length - 2);
});

describe('wrappers are stripped', () => {
	const cases: Array<[label: string, input: string, wrappers: TokenWrapper[], removed: string[]]> =
		[
			['Bearer prefix', `Bearer ${token}`, ['bearer-prefix'], ["'Bearer ' prefix"]],
			[
				'lower-case bearer, two spaces',
				`bearer  ${token}`,
				['bearer-prefix'],
				["'Bearer ' prefix"],
			],
			['BEARER and a tab', `BEARER\t${token}`, ['bearer-prefix'], ["'Bearer ' prefix"]],
			['Bearer glued on', `Bearer${token}`, ['bearer-prefix'], ["'Bearer ' prefix"]],
			['OAuth prefix', `OAuth ${token}`, ['oauth-prefix'], ["'OAuth ' prefix"]],
			[
				'whole Authorization header',
				`Authorization: Bearer ${token}`,
				['authorization-header'],
				["'Authorization: Bearer ' header"],
			],
			[
				'header without spaces, OAuth scheme',
				`authorization:OAuth ${token}`,
				['authorization-header'],
				["'authorization:OAuth ' header"],
			],
			['double quotes', `"${token}"`, ['surrounding-quotes'], ['surrounding quotes "…"']],
			['single quotes', `'${token}'`, ['surrounding-quotes'], ["surrounding quotes '…'"]],
			['backticks', `\`${token}\``, ['surrounding-quotes'], ['surrounding quotes `…`']],
			['smart double quotes', `“${token}”`, ['surrounding-quotes'], ['surrounding quotes “…”']],
			['smart single quotes', `‘${token}’`, ['surrounding-quotes'], ['surrounding quotes ‘…’']],
			['German quotes', `„${token}“`, ['surrounding-quotes'], ['surrounding quotes „…“']],
			['guillemets', `«${token}»`, ['surrounding-quotes'], ['surrounding quotes «…»']],
			['an unmatched quote', `"${token}`, ['unmatched-quote'], ['unmatched quote "']],
			[
				'a JSON string with its comma',
				`"${token}",`,
				['surrounding-quotes', 'trailing-punctuation'],
				['surrounding quotes "…"', "trailing ','"],
			],
			['angle brackets', `<${token}>`, ['angle-brackets'], ['angle brackets <…>']],
			['sid cookie', `sid=${token}; path=/; secure`, ['sid-cookie'], ["cookie text around 'sid='"]],
			[
				'Cookie header line',
				`Cookie: BrowserId=abc123; sid=${token}; oid=${orgId}`,
				['sid-cookie'],
				["cookie text around 'sid='"],
			],
			[
				'URL fragment',
				`https://localhost/callback#access_token=${token}&instance_url=x`,
				['url-parameter'],
				["URL around 'access_token='"],
			],
			[
				'JSON field from sf org display --json',
				`"accessToken": "${token}",`,
				['label', 'unmatched-quote', 'trailing-punctuation'],
				["label 'accessToken'", 'unmatched quote "', "trailing ','"],
			],
			[
				'JSON field, quoted whole',
				`"accessToken": "${token}"`,
				['surrounding-quotes', 'label'],
				['surrounding quotes "…"', "label 'accessToken'"],
			],
			['env line', `SF_ACCESS_TOKEN=${token}`, ['label'], ["label 'SF_ACCESS_TOKEN'"]],
			[
				'export line with quotes',
				`export SF_ACCESS_TOKEN="${token}"`,
				['label', 'unmatched-quote'],
				["label 'SF_ACCESS_TOKEN'", 'unmatched quote "'],
			],
			['row of sf org display', `Access Token     ${token}`, ['label'], ["label 'Access Token'"]],
			[
				'header, quotes and a line break',
				`Authorization: Bearer "${token}"\n`,
				['authorization-header', 'surrounding-quotes'],
				["'Authorization: Bearer ' header", 'surrounding quotes "…"', 'line break at 137'],
			],
		];
	for (const [label, input, expectedWrappers, removed] of cases) {
		test(label, () => {
			const inspection = inspectToken(input);
			assert.deepEqual(wrappers(inspection), expectedWrappers);
			assert.deepEqual(inspection.removed, removed);
			assert.equal(inspection.fixed, token);
			assert.equal(inspection.fixable, true);
			assert.equal(inspection.clean, false);
			assert.equal(inspection.orgId15, orgId);
			assert.equal(input.slice(inspection.tokenStart, inspection.tokenEnd), token);
		});
	}

	test('the wrapper problem holds exactly the removed text', () => {
		const inspection = inspectToken(`Authorization: Bearer "${token}"`);
		assert.deepEqual(
			inspection.problems.map((problem) => (problem.kind === 'wrapper' ? problem.text : '')),
			['Authorization: Bearer ', '""'],
		);
	});

	test('the blanks of a prefix are part of it, a no-break space is not', () => {
		const inspection = inspectToken(`Bearer\u00A0${token}`);
		assert.deepEqual(wrappers(inspection), ['bearer-prefix']);
		assert.deepEqual(
			strays(inspection).map((stray) => [stray.kind, stray.index, stray.where]),
			[['no-break-space', 6, 'leading']],
		);
		assert.equal(inspection.fixed, token);
	});

	test('a lone smart quote is a stray character', () => {
		const inspection = inspectToken(`${token}”`);
		assert.deepEqual(wrappers(inspection), []);
		assert.deepEqual(
			strays(inspection).map((stray) => [stray.kind, stray.where]),
			[['smart-quote', 'trailing']],
		);
		assert.equal(inspection.fixed, token);
	});

	test("a frontdoor URL with the '!' percent-encoded", () => {
		const input = `https://acme.my.salesforce.com/secur/frontdoor.jsp?sid=${token.replace('!', '%21')}&retURL=%2F`;
		const inspection = inspectToken(input);
		assert.deepEqual(kinds(inspection), ['wrapper', 'percent-encoded']);
		assert.deepEqual(inspection.removed, ["URL around 'sid='", "URL encoding: '%21' for '!'"]);
		assert.equal(inspection.fixed, token);
		assert.equal(inspection.fixable, true);
	});

	test('a JWT in a Bearer header', () => {
		const inspection = inspectToken(`Bearer ${jwt}\n`);
		assert.equal(inspection.fixed, jwt);
		assert.equal(inspection.format, 'jwt');
		assert.equal(inspection.fixable, true);
	});
});

describe('placeholders cannot be fixed', () => {
	const cases = [
		'[REDACTED]',
		'***',
		'********',
		'<token>',
		'<your access token>',
		'{{access_token}}',
		'{token}',
		'$SF_ACCESS_TOKEN',
		'${SF_ACCESS_TOKEN}',
		'%SF_ACCESS_TOKEN%',
		'YOUR_TOKEN_HERE',
		'ACCESS_TOKEN',
		'token',
		'null',
		'xxxxxxxxxxxx',
		'00D5g000004XyZa!••••••••…4f2Q',
		'00D5g000004XyZa!AR8AQ****',
	];
	for (const input of cases) {
		test(input, () => {
			const inspection = inspectToken(input);
			assert.deepEqual(inspection.problems, [{kind: 'placeholder', text: input}]);
			assert.equal(inspection.fixable, false);
			assert.equal(inspection.clean, false);
			assert.equal(inspection.format, 'unknown');
			assert.equal(inspection.orgId15, undefined);
		});
	}

	test('a placeholder inside a wrapper: the wrapper is still reported', () => {
		const inspection = inspectToken('Authorization: Bearer [REDACTED]\n');
		assert.deepEqual(kinds(inspection), ['stray-characters', 'wrapper', 'placeholder']);
		assert.equal(inspection.fixed, '[REDACTED]');
		assert.equal(inspection.fixable, false);
	});

	test('a quoted template variable', () => {
		const inspection = inspectToken('"{{access_token}}"');
		assert.deepEqual(kinds(inspection), ['wrapper', 'placeholder']);
		assert.equal(inspection.fixed, '{{access_token}}');
	});
});

describe('refresh tokens', () => {
	const refresh =
		'5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJrRZ3OxjNlWd5YL2hNqFbAGN3yNx8Rs_ihpWQ.R5dfNaoe4Ow';

	test('a refresh token where an access token belongs', () => {
		const inspection = inspectToken(refresh);
		assert.deepEqual(inspection.problems, [{kind: 'refresh-token'}]);
		assert.equal(inspection.fixable, false);
		assert.equal(inspection.format, 'unknown');
	});

	test('with a prefix and a line break, still a refresh token', () => {
		const inspection = inspectToken(`Bearer ${refresh}\n`);
		assert.deepEqual(kinds(inspection), ['stray-characters', 'wrapper', 'refresh-token']);
		assert.equal(inspection.fixable, false);
		assert.equal(inspection.fixed, refresh);
	});
});

describe('JWT access tokens', () => {
	test('valid, but no org id', () => {
		const inspection = inspectToken(jwt);
		assert.equal(inspection.clean, true);
		assert.equal(inspection.format, 'jwt');
		assert.equal(inspection.orgId15, undefined);
	});

	test('two parts only is a bad shape', () => {
		const inspection = inspectToken(jwt.slice(0, jwt.lastIndexOf('.')));
		assert.deepEqual(inspection.problems, [
			{kind: 'bad-shape', detail: "a JWT has 3 parts separated by '.', this has 2"},
		]);
	});

	test("a '!' in a JWT is a bad shape with its position", () => {
		const inspection = inspectToken(`${jwt.slice(0, 10)}!${jwt.slice(10)}`);
		assert.deepEqual(inspection.problems, [
			{kind: 'bad-shape', detail: "character '!' at 11 is not allowed in a JWT"},
		]);
	});
});

describe('empty input', () => {
	test('nothing at all', () => {
		const inspection = inspectToken('');
		assert.deepEqual(inspection.problems, [{kind: 'empty'}]);
		assert.equal(inspection.fixable, false);
		assert.equal(summarizeInspection(inspection), 'No token');
	});

	test('only whitespace', () => {
		const inspection = inspectToken(' \t\n');
		assert.deepEqual(kinds(inspection), ['stray-characters', 'empty']);
		assert.equal(inspection.fixed, '');
		assert.equal(inspection.fixable, false);
		assert.equal(
			summarizeInspection(inspection),
			'No token, only 3 stray characters: space at 1, tab at 2, line break at 3',
		);
	});

	test('a Bearer prefix and nothing after it', () => {
		const inspection = inspectToken('Bearer ');
		// The space is peeled as a trailing stray before the prefix is recognised.
		assert.deepEqual(kinds(inspection), ['stray-characters', 'wrapper', 'empty']);
		assert.equal(
			summarizeInspection(inspection),
			"No token, only 'Bearer ' prefix; 1 stray character: space at 7",
		);
	});
});

describe('bad shapes', () => {
	const cases: Array<[label: string, input: string, detail: string]> = [
		['no bang', `${orgId}${secret}`, "no '!' after the org id (a session id looks like 00D…!…)"],
		['not a token at all', 'hello', 'neither a session id (00D…!…) nor a JWT (eyJ…)'],
		[
			'org id one character short',
			`${orgId.slice(0, 14)}!${secret}`,
			"the org id before '!' has 14 characters instead of 15",
		],
		[
			'18-character org id',
			`${orgId}EAK!${secret}`,
			"the org id before '!' is the 18-character form; a session id starts with the 15-character org id",
		],
		[
			'not an org id',
			`001${orgId.slice(3)}!${secret}`,
			"the org id before '!' should start with 00D, not '001'",
		],
		[
			'illegal character in the org id',
			`00D5g-00004XyZa!${secret}`,
			"character '-' at 6 is not allowed in the org id before '!'",
		],
		['nothing after the bang', `${orgId}!`, "nothing after the '!'"],
		['a second bang', `${token.slice(0, 50)}!${token.slice(50)}`, "a second '!' at 51"],
		[
			'illegal character in the secret',
			`${token.slice(0, 50)}+${token.slice(50)}`,
			"character '+' at 51 is not allowed after the '!'",
		],
	];
	for (const [label, input, detail] of cases) {
		test(label, () => {
			const inspection = inspectToken(input);
			assert.deepEqual(inspection.problems, [{kind: 'bad-shape', detail}]);
			assert.equal(inspection.fixable, false);
			assert.equal(inspection.format, 'unknown');
		});
	}

	test('positions in a bad-shape detail count from the input, stray characters included', () => {
		const input = `\n Bearer ${token.slice(0, 20)}\u200B${token.slice(20, 50)}/${token.slice(50)}`;
		const inspection = inspectToken(input);
		assert.deepEqual(kinds(inspection), ['stray-characters', 'wrapper', 'bad-shape']);
		const detail = inspection.problems.at(-1);
		assert.deepEqual(detail, {
			kind: 'bad-shape',
			detail: `character '/' at ${input.indexOf('/') + 1} is not allowed after the '!'`,
		});
	});

	test('a very short secret is a warning, not a refusal', () => {
		const inspection = inspectToken(`${orgId}!abc.def`);
		assert.equal(inspection.clean, true);
		assert.deepEqual(inspection.warnings, [{kind: 'short-secret', length: 7}]);
		assert.equal(
			summarizeInspection(inspection),
			`Looks like a valid access token for org ${orgId} (but only 7 characters after the '!', real ones have about 96)`,
		);
	});
});

describe('summaries', () => {
	const hint = {fixHint: 'press f to fix'};
	const cases: Array<[label: string, input: string, summary: string]> = [
		['clean', token, `Looks like a valid access token for org ${orgId}`],
		[
			'two stray characters (the example in the issue)',
			`${token}\n `,
			'2 stray characters: line break at 113, space at 114 — press f to fix',
		],
		[
			'wrapper and stray characters',
			`Bearer ${token}\r\n`,
			"'Bearer ' prefix; 1 stray character: line break (CRLF) at 120 — press f to fix",
		],
		[
			'many stray characters',
			`\u200B${token.slice(0, 30)} ${token.slice(30, 60)}\t${token.slice(60)}\n `,
			'5 stray characters: zero-width space at 1, space at 32, tab at 63, and 2 more — press f to fix',
		],
		[
			'placeholder',
			'Bearer [REDACTED]',
			"Not a token but a placeholder: [REDACTED]; also 'Bearer ' prefix — paste the real access token",
		],
		[
			'refresh token',
			'5Aep861TSESvWeug_xvFHRBTTbf',
			'This is a refresh token (5Aep…), not an access token — paste the access token',
		],
		[
			'bad shape and a stray character',
			`${orgId.slice(0, 14)}!${secret}\n`,
			"Not a valid access token: the org id before '!' has 14 characters instead of 15; also 1 stray character: line break at 112",
		],
		['JWT', jwt, 'Looks like a valid JWT access token (it carries no org id to check)'],
	];
	for (const [label, input, summary] of cases) {
		test(label, () => {
			assert.equal(summarizeInspection(inspectToken(input), hint), summary);
		});
	}

	test('without a fix hint, a fixable summary ends with the fixes', () => {
		assert.equal(summarizeInspection(inspectToken(` ${token}`)), '1 stray character: space at 1');
	});

	test('control characters in a placeholder never reach the summary raw', () => {
		const summary = summarizeInspection(inspectToken('[RED\u001B[2JACTED\u0007]'));
		assert.equal(
			summary,
			'Not a token but a placeholder: [RED<U+001B>[2JACTED<U+0007>] — paste the real access token',
		);
	});

	test('a long placeholder is shortened', () => {
		const summary = summarizeInspection(inspectToken(`[${'REDACTED '.repeat(20)}]`));
		assert.ok(summary.includes('…'));
		assert.ok(summary.length < 120, summary);
	});
});

describe('sameOrg', () => {
	test('the 18-character id of an identity URL matches the 15-character token prefix', () => {
		assert.equal(sameOrg('00D5g000004XyZaEAK', orgId), true);
		assert.equal(sameOrg(orgId, '00D5g000004XyZaEAK'), true);
		assert.equal(sameOrg(orgId, orgId), true);
	});

	test('different orgs', () => {
		assert.equal(sameOrg('00D5g000004XyZb', orgId), false);
		assert.equal(sameOrg('00DD00000008Uw2MAE', orgId), false);
	});

	test('comparison is case-sensitive, as Salesforce ids are', () => {
		assert.equal(sameOrg('00D5g000004XYZa', orgId), false);
	});

	test('ids that are neither 15 nor 18 characters never match', () => {
		assert.equal(sameOrg('00D5g000004XyZ', '00D5g000004XyZ'), false);
		assert.equal(sameOrg('', ''), false);
		assert.equal(sameOrg(`${orgId}E`, orgId), false);
	});
});

describe('odd input never throws', () => {
	for (const input of [
		'\uD800',
		'\uDC00abc',
		`${token}\uD83D`,
		'!',
		'!!!',
		'00D',
		'"',
		'<>',
		'[]',
		'sid=',
		';',
		'Bearer Bearer Bearer',
	]) {
		test(JSON.stringify(input), () => {
			const inspection = inspectToken(input);
			assert.equal(typeof summarizeInspection(inspection), 'string');
			assert.equal(inspection.clean, false);
		});
	}
});
