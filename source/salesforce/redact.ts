// Server text (error descriptions, body previews) ends up on screen and in reports. Before it goes
// into a Failure, the secrets sent with the request and anything shaped like a Salesforce token are
// cut out of it.

const REDACTED = '[redacted]';

// Session ids `00D…!…` (sfdx-core's redaction pattern, SALESFORCE.md §5), refresh tokens `5Aep…`,
// and JWTs (JWT-based access tokens, id tokens).
const tokenShapes = [
	/(00D\w{12,15})![.\w]+/gu,
	/5Aep8[.\w]{20,}/gu,
	/eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]*/gu,
] as const;

// JSON members that hold secrets in OAuth responses.
const secretMembers =
	/"(access_token|refresh_token|id_token|device_code|signature|code|code_verifier|client_secret)"\s*:\s*"[^"]*"/gu;

/**
 * Removes every known secret and every token-shaped string from `text`. Secrets shorter than 8
 * characters are ignored: cutting them would mangle ordinary words without protecting anything.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
	let result = text;
	for (const secret of secrets) {
		if (secret.length >= 8) result = result.replaceAll(secret, REDACTED);
	}

	result = result.replaceAll(secretMembers, `"$1":"${REDACTED}"`);
	for (const shape of tokenShapes) {
		result = result.replaceAll(shape, (_match, orgId?: string) =>
			orgId === undefined ? REDACTED : `${orgId}!${REDACTED}`,
		);
	}

	return result;
}

/** The start of a body for a failure report: redacted, at most `maxLength` characters. */
export function preview(body: string, secrets: readonly string[], maxLength = 500): string {
	// Only the head is redacted (bodies can be megabytes); a secret cut in half by that slice would
	// escape `replaceAll`, so a trailing piece of one is dropped too.
	const head =
		body.length > maxLength * 4
			? withoutPartialSecret(body.slice(0, maxLength * 4), secrets)
			: body;
	const clean = redact(head, secrets);
	return clean.length > maxLength ? `${clean.slice(0, maxLength)}…` : clean;
}

function withoutPartialSecret(head: string, secrets: readonly string[]): string {
	for (const secret of secrets) {
		for (let length = Math.min(secret.length - 1, head.length); length >= 4; length--) {
			if (head.endsWith(secret.slice(0, length))) return head.slice(0, head.length - length);
		}
	}

	return head;
}
