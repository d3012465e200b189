// Where a request carries its access token: `Authorization: Bearer <t>` or `OAuth <t>`, or the
// `oauth_token` parameter that the identity services also accept.
import type {Incoming} from './incoming.js';

export function bearerToken(request: Incoming, allowParameter: boolean): string | undefined {
	const match = /^(?:bearer|oauth)\s+(.+)$/i.exec(request.headers.authorization ?? '');
	if (match?.[1] !== undefined) return match[1];
	if (!allowParameter) return undefined;
	return request.url.searchParams.get('oauth_token') ?? undefined;
}
