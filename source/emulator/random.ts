// Every secret the emulator hands out comes from the crypto RNG: tests and clients must never be
// able to predict a token, and a predictable token would hide client bugs that leak them.
import {randomBytes, randomInt} from 'node:crypto';

/** The characters seen after the `!` of real access tokens and in refresh tokens. */
const tokenAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._';
const userCodeAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function randomChars(length: number, alphabet = tokenAlphabet): string {
	let text = '';
	for (let index = 0; index < length; index++) text += alphabet.charAt(randomInt(alphabet.length));
	return text;
}

/** `<15-char org id>!<96 chars>`: 112 characters, like every real sample. */
export function newAccessToken(orgId15: string): string {
	return `${orgId15}!${randomChars(96)}`;
}

/** Real refresh tokens start with `5Aep861`; one sample was 87 characters long. */
export function newRefreshToken(): string {
	return `5Aep861${randomChars(80)}`;
}

/** Authorization codes look base64-ish and end in `==`, so clients must URL-decode them. */
export function newAuthorizationCode(): string {
	return `aPrx${randomChars(60)}==`;
}

/** Opaque standard base64 (may contain `+`, `/`, `=`): clients must form-encode it when polling. */
export function newDeviceCode(): string {
	return randomBytes(45).toString('base64');
}

/** Eight upper-case letters and digits, like X1D9SEET. */
export function newUserCode(): string {
	return randomChars(8, userCodeAlphabet);
}

/** Ids of server-side records (browser sessions, pending approvals) that appear in forms/cookies. */
export function newHandle(): string {
	return randomBytes(24).toString('base64url');
}

/** A connected app's consumer secret: 64 upper-case hex digits. */
export function newClientSecret(): string {
	return randomBytes(32).toString('hex').toUpperCase();
}
