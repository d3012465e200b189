/**
 * Cuts tokens out of text that is about to be kept (history) or shared (exports): anything shaped
 * like a Salesforce access or refresh token, whatever the user typed it into (a URL, a header, a
 * JSON body), plus the exact tokens of the session in every form they could have been pasted in
 * (raw, URL-encoded, base64). Pure and linear in the text: no regex here can backtrack.
 */

/** What replaces an access token (session id, JWT, bearer value, `sid` cookie). */
export const redactedAccessToken = '[REDACTED access token]';
/** What replaces a refresh token. */
export const redactedRefreshToken = '[REDACTED refresh token]';

// A session id: the 15- or 18-character org id, '!' (or its URL encodings), the secret.
const sessionId = /00D[A-Za-z\d]{12}(?:[A-Za-z\d]{3})?(?:!|%21|%2521)[\w.]+/gu;
// A refresh token: `5Aep` then at least 20 token characters (shorter is a word, not a token).
const refreshToken = /5Aep[\w.]{20,}/gu;
// A JWT (JWT-based access tokens, id tokens): base64url `{"` header, payload, optional signature.
const jwt = /eyJ[\w-]{5,}\.[\w-]{2,}\.[\w-]*/gu;
// `Bearer x` / `OAuth x` wherever they appear (a header value, a pasted curl line). A value that
// is already a placeholder (`$SF_ACCESS_TOKEN`, `{{access_token}}`, `[REDACTED …]`) is left alone.
const schemeValue = /\b(bearer|oauth)([ \t]+)(?![$[{<])([^\s"',;]+)/giu;
// The session cookie and URL parameters that carry tokens: `sid=…`, `access_token=…`.
const tokenParameter = /\b(sid|access_token|refresh_token)=(?![$[{<])([^\s"'&;#,]+)/giu;
// JSON members that hold tokens: `"access_token": "…"`, `"refreshToken":"…"`.
const tokenMember =
	/"(access_?token|refresh_?token|session_?id|sid)"(\s*:\s*)"(?![$[{<])[^"\\]*(?:\\.[^"\\]*)*"/giu;

/** Known secrets shorter than this are not searched for: they would mangle ordinary text. */
const minimumKnownLength = 8;

function labelFor(secret: string): string {
	return secret.startsWith('5Aep') ? redactedRefreshToken : redactedAccessToken;
}

function base64Of(bytes: Uint8Array, url: boolean): string {
	const text = Buffer.from(bytes).toString(url ? 'base64url' : 'base64');
	return text.replace(/=+$/u, '');
}

/**
 * The parts of `base64(anything + secret + anything)` that depend on the secret alone, for each
 * of the three ways the secret can be aligned in a base64 stream: whichever way the user's tool
 * framed it, the middle of its encoding is one of these.
 */
function base64Cores(secret: string, url: boolean): string[] {
	const bytes = new TextEncoder().encode(secret);
	const cores: string[] = [];
	for (let offset = 0; offset < 3; offset++) {
		const padded = new Uint8Array(offset + bytes.length);
		padded.set(bytes, offset);
		const encoded = base64Of(padded, url);
		// Characters from the first group mix in the padding bytes; the tail group may mix in
		// whatever followed the secret.
		const start = offset === 0 ? 0 : 4;
		const end = Math.floor(padded.length / 3) * 4;
		const core = encoded.slice(start, end);
		if (core.length >= minimumKnownLength) cores.push(core);
	}

	return cores;
}

/**
 * Every form of a known secret worth searching for: raw, URL-encoded (once and twice), and the
 * secret-only parts of its base64 and base64url encodings. Longest first, so a longer form is
 * replaced before a shorter one inside it.
 */
export function secretForms(secret: string): string[] {
	if (secret.length < minimumKnownLength) return [];
	const encoded = encodeURIComponent(secret);
	const forms = new Set([
		secret,
		encoded,
		encodeURIComponent(encoded),
		...base64Cores(secret, false),
		...base64Cores(secret, true),
	]);
	return [...forms].sort((a, b) => b.length - a.length);
}

/**
 * Replaces every token in `text`: the `known` secrets (the session's own tokens) in any form, then
 * anything shaped like a token: session ids `00D…!…` (also with `%21`), refresh tokens `5Aep…`,
 * JWTs `eyJ….….…`, `Bearer x` values, `sid=`/`access_token=` parameters and token JSON members.
 *
 * @example
 * redactTokens('Authorization: Bearer 00D5g000004XyZa!AQ8AQ.x_y') // => 'Authorization: Bearer [REDACTED access token]'
 * @example
 * redactTokens('/services/data?sid=abc123') // => '/services/data?sid=[REDACTED access token]'
 */
export function redactTokens(text: string, known: readonly string[] = []): string {
	let result = text;
	for (const secret of known) {
		const label = labelFor(secret);
		for (const form of secretForms(secret)) {
			if (result.includes(form)) result = result.replaceAll(form, label);
		}
	}

	return result
		.replaceAll(sessionId, redactedAccessToken)
		.replaceAll(refreshToken, redactedRefreshToken)
		.replaceAll(jwt, redactedAccessToken)
		.replaceAll(tokenMember, (_match, name: string, separator: string) => {
			const label = /refresh/iu.test(name) ? redactedRefreshToken : redactedAccessToken;
			return `"${name}"${separator}"${label}"`;
		})
		.replaceAll(schemeValue, `$1$2${redactedAccessToken}`)
		.replaceAll(tokenParameter, (match, name: string, value: string) => {
			// Already cut out above, and URL-encoded on the way into a URL.
			if (value.startsWith('%5BREDACTED')) return match;
			const label = /refresh/iu.test(name) ? redactedRefreshToken : redactedAccessToken;
			return `${name}=${label}`;
		});
}

/**
 * The first `limit` characters of `text` with every token cut out, and whether anything was cut
 * off. Only the head is scanned (bodies can be megabytes), with room for a whole token past the
 * limit, so a token that starts before the cut is redacted whole rather than cut in half, which
 * would leave a piece no pattern recognises.
 */
export function redactedHead(
	text: string,
	limit: number,
	known: readonly string[] = [],
): {readonly text: string; readonly truncated: boolean} {
	// Access tokens (JWTs included) stay well under this; the known forms are shorter still.
	const tokenRoom = 8192;
	const head = text.length > limit + tokenRoom ? text.slice(0, limit + tokenRoom) : text;
	const clean = redactTokens(head, known);
	if (clean.length <= limit && head.length === text.length) return {text: clean, truncated: false};
	let end = Math.min(limit, clean.length);
	// Never leave half of a surrogate pair at the cut.
	const last = clean.charCodeAt(end - 1);
	if (last >= 0xd8_00 && last <= 0xdb_ff) end--;
	return {text: clean.slice(0, end), truncated: true};
}
