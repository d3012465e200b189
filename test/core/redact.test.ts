import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {
	redactedAccessToken,
	redactedHead,
	redactedRefreshToken,
	redactTokens,
	secretForms,
} from '../../source/core/redact.js';

const sessionId =
	'00D5g000004XyZa!AR8AQJXg5oU0Cq8Ehc7sK3lCM2kVBXH2dbnd8EExqxrT3xOiS0M2TmjEVtPdRTp7zxpRPvPSbLVm4x1nVzsJ8jQzO0JSXwL';
const refreshToken =
	'5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJo7Xr34yOQ7GCFUN5DnNPxzDIoGoWi4evqOl_QT1B9fC2d8qC';
const jwtToken =
	'eyJ0bmsiOiJjb3JlL3Byb2QiLCJ2ZXIiOiIxLjAiLCJraWQiOiJDT1JFX0FUSldULjAwRCJ9.eyJzY3AiOlsiYXBpIl0sInN1YiI6InVpZDowMDUifQ.c2lnbmF0dXJlLWJ5dGVz';
const opaque = 'k9Q2mZx7Lr4Tb8Wc1Ny6Hv3Jp5Sd0Fg';

const cases: ReadonlyArray<readonly [string, string, string]> = [
	['session id alone', sessionId, redactedAccessToken],
	[
		'session id in a query',
		`/services/data/?sid=${sessionId}&x=1`,
		`/services/data/?sid=${redactedAccessToken}&x=1`,
	],
	[
		'URL-encoded session id',
		`/x?token=${encodeURIComponent(sessionId)}`,
		`/x?token=${redactedAccessToken}`,
	],
	['refresh token', `{"t":"${refreshToken}"}`, `{"t":"${redactedRefreshToken}"}`],
	['JWT', `Bearer ${jwtToken}`, `Bearer ${redactedAccessToken}`],
	[
		'Bearer with any value',
		'Authorization: Bearer abc.def',
		`Authorization: Bearer ${redactedAccessToken}`,
	],
	['OAuth scheme', 'OAuth  xyz', `OAuth  ${redactedAccessToken}`],
	['sid cookie', 'Cookie: a=b; sid=opaque123; c=d', `Cookie: a=b; sid=${redactedAccessToken}; c=d`],
	[
		'access_token parameter',
		'#access_token=zzz&instance_url=x',
		`#access_token=${redactedAccessToken}&instance_url=x`,
	],
	[
		'JSON member with an opaque token',
		'{"access_token": "whatever-it-is", "id": 1}',
		`{"access_token": "${redactedAccessToken}", "id": 1}`,
	],
	[
		'camelCase refresh member',
		'{"refreshToken":"abc"}',
		`{"refreshToken":"${redactedRefreshToken}"}`,
	],
	['placeholder variable kept', 'Bearer $SF_ACCESS_TOKEN', 'Bearer $SF_ACCESS_TOKEN'],
	['Postman variable kept', 'Bearer {{access_token}}', 'Bearer {{access_token}}'],
	[
		'ordinary text kept',
		"SELECT Id FROM Account WHERE Name = 'Bearer'",
		"SELECT Id FROM Account WHERE Name = 'Bearer'",
	],
	[
		'record ids kept',
		'/sobjects/Account/001xx000003DGb2AAG',
		'/sobjects/Account/001xx000003DGb2AAG',
	],
	['org id alone kept', '00D5g000004XyZaEAK', '00D5g000004XyZaEAK'],
];

for (const [name, input, expected] of cases) {
	test(`redactTokens: ${name}`, () => {
		assert.equal(redactTokens(input), expected);
	});
}

test('known secrets go in every form: raw, URL-encoded, base64 and base64url at any alignment', () => {
	for (const prefix of ['', 'a', 'ab', 'abc']) {
		const framed = `${prefix}${opaque}:suffix`;
		const texts = [
			`x ${opaque} y`,
			`x=${encodeURIComponent(encodeURIComponent(opaque))}`,
			Buffer.from(framed).toString('base64'),
			Buffer.from(framed).toString('base64url'),
		];
		for (const text of texts) {
			const clean = redactTokens(text, [opaque]);
			assert.ok(!clean.includes(opaque), clean);
			assert.ok(!clean.includes(Buffer.from(opaque).toString('base64').slice(0, 20)), clean);
			assert.ok(!Buffer.from(clean, 'base64').toString('latin1').includes(opaque), clean);
		}
	}
});

test('a known refresh token is labelled as one', () => {
	assert.equal(
		redactTokens(`t=${refreshToken.slice(0, 30)}`, [refreshToken.slice(0, 30)]),
		`t=${redactedRefreshToken}`,
	);
});

test('short known secrets are ignored rather than mangling text', () => {
	assert.deepEqual(secretForms('abc'), []);
	assert.equal(redactTokens('abc abc', ['abc']), 'abc abc');
});

test('redactedHead cuts after redacting, so a token across the cut never leaves a piece', () => {
	const text = `${'x'.repeat(90)}${sessionId}${'y'.repeat(1000)}`;
	const head = redactedHead(text, 100);
	assert.equal(head.truncated, true);
	assert.equal(head.text.length, 100);
	assert.ok(!head.text.includes('AR8AQ'));
	assert.ok(head.text.startsWith(`${'x'.repeat(90)}[REDACTED`));
	const whole = redactedHead('short', 100);
	assert.deepEqual(whole, {text: 'short', truncated: false});
	const huge = redactedHead('z'.repeat(5_000_000), 10);
	assert.deepEqual(huge, {text: 'z'.repeat(10), truncated: true});
});

test('redactedHead never leaves half a surrogate pair', () => {
	const head = redactedHead('ab😀cd', 3);
	assert.equal(head.text, 'ab');
});

test('property: a session id or JWT inside any text never survives', () => {
	const tokenArbitrary = fc.oneof(
		fc
			.tuple(fc.stringMatching(/^[A-Za-z\d]{12}$/u), fc.stringMatching(/^[\w.]{20,100}$/u))
			.map(([org, secret]) => `00D${org}!${secret}`),
		fc
			.tuple(
				fc.stringMatching(/^[\w-]{5,40}$/u),
				fc.stringMatching(/^[\w-]{2,40}$/u),
				fc.stringMatching(/^[\w-]{0,40}$/u),
			)
			.map(([a, b, c]) => `eyJ${a}.${b}.${c}`),
	);
	fc.assert(
		fc.property(fc.string(), tokenArbitrary, fc.string(), (before, token, after) => {
			const clean = redactTokens(`${before}${token}${after}`);
			assert.ok(!clean.includes(token), clean);
		}),
	);
});

test('property: redaction is idempotent', () => {
	fc.assert(
		fc.property(fc.string(), (text) => {
			const once = redactTokens(text);
			assert.equal(redactTokens(once), once);
		}),
	);
});
