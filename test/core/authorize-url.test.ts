import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {
	buildAuthorizeUrl,
	createState,
	DEFAULT_SCOPE,
	parseRedirectUrl,
} from '../../source/core/authorize-url.js';

test('buildAuthorizeUrl names every parameter of the PKCE authorize request', () => {
	const url = new URL(
		buildAuthorizeUrl({
			loginUrl: 'https://acme.my.salesforce.com/',
			clientId: '3MVG9 key',
			redirectUri: 'http://localhost:1717/OauthRedirect',
			codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
			state: 'st4te',
		}),
	);
	assert.equal(
		url.origin + url.pathname,
		'https://acme.my.salesforce.com/services/oauth2/authorize',
	);
	assert.deepEqual(Object.fromEntries(url.searchParams), {
		response_type: 'code',
		client_id: '3MVG9 key',
		redirect_uri: 'http://localhost:1717/OauthRedirect',
		code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
		code_challenge_method: 'S256',
		state: 'st4te',
		scope: DEFAULT_SCOPE,
		prompt: 'login',
	});
});

test('buildAuthorizeUrl passes scope, prompt and login_hint through', () => {
	const url = new URL(
		buildAuthorizeUrl({
			loginUrl: 'https://test.salesforce.com',
			clientId: 'id',
			redirectUri: 'http://localhost:1717/OauthRedirect',
			codeChallenge: 'c',
			state: 's',
			scope: 'api web',
			prompt: 'login consent',
			loginHint: 'me@example.com',
		}),
	);
	assert.equal(url.searchParams.get('scope'), 'api web');
	assert.equal(url.searchParams.get('prompt'), 'login consent');
	assert.equal(url.searchParams.get('login_hint'), 'me@example.com');
});

test('createState is base64url of the bytes', () => {
	assert.equal(createState(Uint8Array.from([251, 255, 0])), '-_8A');
});

const code = 'aPrxtfAlIdiLb5t.4xrQh8S75g9=='; // shape from SALESFORCE.md §3.2
const encoded = encodeURIComponent(code);

const accepted: Array<[string, string]> = [
	['a plain redirect URL', `http://localhost:1717/OauthRedirect?code=${encoded}&state=abc`],
	[
		'surrounding whitespace and a trailing line break',
		`  http://localhost:1717/OauthRedirect?code=${encoded}&state=abc\r\n`,
	],
	[
		'a URL wrapped over two terminal lines',
		`http://localhost:1717/OauthRedi\nrect?code=${encoded.slice(0, 10)}\n${encoded.slice(10)}&state=abc`,
	],
	['quotes from a chat client', `"http://localhost:1717/OauthRedirect?code=${encoded}&state=abc"`],
	[
		'bracketed paste markers',
		`\u001B[200~http://localhost:1717/OauthRedirect?code=${encoded}&state=abc\u001B[201~`,
	],
	[
		'another host (the redirect never loaded)',
		`https://whatever.example/cb?state=abc&code=${encoded}`,
	],
	['no scheme', `localhost:1717/OauthRedirect?code=${encoded}&state=abc`],
	['only the query', `?code=${encoded}&state=abc`],
	['a fragment after the query', `http://localhost:1717/OauthRedirect?code=${encoded}&state=abc#_`],
	[
		'a zero-width space inside',
		`http://localhost:1717/OauthRedirect?code=${encoded}\u200B&state=abc`,
	],
];

for (const [name, pasted] of accepted) {
	test(`parseRedirectUrl accepts ${name}`, () => {
		assert.deepEqual(parseRedirectUrl(pasted, 'abc'), {ok: true, code});
	});
}

test('parseRedirectUrl keeps a literal + in the code but decodes + in error_description', () => {
	assert.deepEqual(parseRedirectUrl('?code=ab+cd&state=s', 's'), {ok: true, code: 'ab+cd'});
	const denied = parseRedirectUrl(
		'http://localhost:1717/OauthRedirect?error=access_denied&error_description=end-user+denied+authorization&state=s',
		's',
	);
	assert.equal(denied.ok, false);
	assert.equal(!denied.ok && denied.reason, 'error-returned');
	assert.equal(!denied.ok && denied.error, 'access_denied');
	assert.equal(!denied.ok && denied.description, 'end-user denied authorization');
});

const refused: Array<[string, string, string]> = [
	[
		'a wrong state',
		`http://localhost:1717/OauthRedirect?code=${encoded}&state=evil`,
		'state-mismatch',
	],
	['no state', `http://localhost:1717/OauthRedirect?code=${encoded}`, 'state-mismatch'],
	['a wrong state even with an error', '?error=access_denied&state=evil', 'state-mismatch'],
	[
		'an error without state',
		'?error=invalid_client_id&error_description=client%20identifier%20invalid',
		'error-returned',
	],
	['no code', 'http://localhost:1717/OauthRedirect?state=abc', 'no-code'],
	['an empty code', 'http://localhost:1717/OauthRedirect?code=&state=abc', 'no-code'],
	['a URL without query', 'http://localhost:1717/OauthRedirect', 'not-a-url'],
	['plain words', 'I clicked allow', 'not-a-url'],
	['nothing', '   \n', 'not-a-url'],
];

for (const [name, pasted, reason] of refused) {
	test(`parseRedirectUrl refuses ${name} (${reason}) with a message`, () => {
		const result = parseRedirectUrl(pasted, 'abc');
		assert.equal(result.ok, false);
		assert.equal(!result.ok && result.reason, reason);
		assert.ok(!result.ok && result.message.length > 20);
	});
}

const base64url = fc.stringMatching(/^[\w-]{1,40}$/u);

test('parseRedirectUrl returns any code exactly as it was URL-encoded', () => {
	fc.assert(
		// The state is ours (base64url); it never ends in a quote, which a paste would lose (encodeURIComponent keeps ').
		fc.property(fc.string({minLength: 1}), base64url, (anyCode, state) => {
			const url = `http://localhost:1717/OauthRedirect?code=${encodeURIComponent(anyCode)}&state=${encodeURIComponent(state)}`;
			assert.deepEqual(parseRedirectUrl(url, state), {ok: true, code: anyCode});
		}),
	);
});

test('parseRedirectUrl never throws', () => {
	fc.assert(
		fc.property(fc.string(), fc.string(), (pasted, state) => {
			const result = parseRedirectUrl(pasted, state);
			assert.equal(typeof result.ok, 'boolean');
		}),
	);
});
