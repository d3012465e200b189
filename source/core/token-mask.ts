// How a token is shown when the user has not asked to see it: enough to recognise it (which org,
// which token), never enough to use it.

/** What stands for every hidden part; also the whole mask of a token too short to show. */
const hidden = '…';
const fullyMasked = '••••••••';

/** The part after the org id must be this long before its last 4 characters may be shown. */
const minimumSecretToHint = 16;

const sessionId = /^(00D[A-Za-z\d]{12}(?:[A-Za-z\d]{3})?)!([\w.]+)$/u;
const jwt = /^eyJ[\w-]*\.[\w-]+\.[\w-]+$/u;
// Only plain visible ASCII is ever echoed: anything else (escape sequences, line breaks, look-alike
// letters) could move the cursor or mislead, so such input is masked whole.
const plainToken = /^[\w.!~+/=-]+$/u;

/**
 * Masks a token for display: a session id keeps its org id and last 4 characters
 * (`00D5g000004XyZa!…Qz4f`), a JWT its first 6 and last 4, any other long token its first and last
 * 4. A short or unusual input (control characters, spaces, non-ASCII) is masked whole. Never
 * throws, and never shows more than a quarter of a token.
 *
 * @example maskToken('00D5g000004XyZa!AR8AQ…Qz4f') // → '00D5g000004XyZa!…Qz4f'
 * @example maskToken('short') // → '••••••••'
 */
export function maskToken(token: string): string {
	if (typeof token !== 'string' || !plainToken.test(token)) return fullyMasked;
	const session = sessionId.exec(token);
	if (session) {
		const [, orgId = '', secret = ''] = session;
		return secret.length >= minimumSecretToHint
			? `${orgId}!${hidden}${secret.slice(-4)}`
			: `${orgId}!${hidden}`;
	}

	if (jwt.test(token) && token.length >= 40) {
		return `${token.slice(0, 6)}${hidden}${token.slice(-4)}`;
	}

	if (token.length >= 32) return `${token.slice(0, 4)}${hidden}${token.slice(-4)}`;
	return fullyMasked;
}
