import {createHash} from 'node:crypto';

/** Random bytes for a verifier: 64 bytes give an 86-character verifier (RFC 7636 allows 43–128). */
export const PKCE_VERIFIER_BYTES = 64;

export type PkcePair = {
	readonly verifier: string;
	readonly challenge: string;
	readonly method: 'S256';
};

/** Base64url without padding (RFC 4648 §5), as PKCE and OAuth `state` values need. */
export function base64url(bytes: Uint8Array): string {
	return Buffer.from(bytes).toString('base64url');
}

/**
 * Builds a PKCE verifier and its S256 challenge from caller-supplied random bytes (core draws no
 * randomness itself). Hashing is deterministic, so using node:crypto here keeps the function pure.
 *
 * @example createPkcePair(crypto.getRandomValues(new Uint8Array(PKCE_VERIFIER_BYTES)))
 * @throws RangeError when the bytes give a verifier outside RFC 7636's 43–128 characters
 *   (32 to 96 bytes are fine): that is a programming error, not a user error.
 */
export function createPkcePair(randomBytes: Uint8Array): PkcePair {
	const verifier = base64url(randomBytes);
	if (verifier.length < 43 || verifier.length > 128) {
		throw new RangeError(
			`A PKCE verifier must be 43–128 characters; ${randomBytes.length} bytes give ${verifier.length}`,
		);
	}

	return {verifier, challenge: pkceChallenge(verifier), method: 'S256'};
}

/** The S256 challenge of a verifier: base64url(SHA-256(verifier)) without padding. */
export function pkceChallenge(verifier: string): string {
	return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}
