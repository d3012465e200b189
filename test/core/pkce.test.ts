import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {createPkcePair, pkceChallenge, PKCE_VERIFIER_BYTES} from '../../source/core/pkce.js';

test('matches the RFC 7636 appendix B example', () => {
	const bytes = Uint8Array.from([
		116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77,
		105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
	]);
	assert.deepEqual(createPkcePair(bytes), {
		verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
		challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
		method: 'S256',
	});
});

test('the default byte count gives a verifier inside 43–128 characters', () => {
	const pair = createPkcePair(new Uint8Array(PKCE_VERIFIER_BYTES).fill(7));
	assert.ok(pair.verifier.length >= 43 && pair.verifier.length <= 128);
});

test('any 32–96 bytes give a base64url verifier of 43–128 characters and its S256 challenge', () => {
	fc.assert(
		fc.property(fc.uint8Array({minLength: 32, maxLength: 96}), (bytes) => {
			const pair = createPkcePair(bytes);
			assert.match(pair.verifier, /^[\w-]{43,128}$/u);
			assert.match(pair.challenge, /^[\w-]{43}$/u);
			assert.equal(pair.challenge, pkceChallenge(pair.verifier));
		}),
	);
});

test('too few or too many bytes are a programming error', () => {
	assert.throws(() => createPkcePair(new Uint8Array(31)), RangeError);
	assert.throws(() => createPkcePair(new Uint8Array(97)), RangeError);
});
