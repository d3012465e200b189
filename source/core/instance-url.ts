// Which instance URLs a token may be sent to. One owner: the saved orgs, a pasted token's URL and
// a history entry's re-run or curl export all apply the same rule.

/**
 * The origin of an instance URL a token may be sent to: https, or plain http to loopback (the
 * emulator only). Undefined for anything else, including a URL with a user or password in it.
 *
 * @example safeInstanceUrl('https://acme.my.salesforce.com/path') // → 'https://acme.my.salesforce.com'
 * @example safeInstanceUrl('http://acme.my.salesforce.com') // → undefined
 */
export function safeInstanceUrl(text: string): string | undefined {
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return undefined;
	}

	if (url.username !== '' || url.password !== '') return undefined;
	if (url.protocol === 'https:') return url.origin;
	const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
	return url.protocol === 'http:' && loopback ? url.origin : undefined;
}
