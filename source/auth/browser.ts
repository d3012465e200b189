// Opening a URL in the user's browser: only when the caller asks, never over SSH (the browser
// would open on the remote machine, or nowhere), and never with a secret in the URL (command
// lines are visible to every user of the machine through `ps`).

/** Query parameters that carry a secret; a URL holding one is never passed to another program. */
const secretParameters = new Set([
	'access_token',
	'refresh_token',
	'code',
	'code_verifier',
	'client_secret',
	'password',
	'pw',
	'sid',
	'oauth_token',
	'token',
]);
const sessionIdPattern = /00D\w{12,15}!/u;

/** Why no browser can be opened here (over SSH), or undefined when one can be. */
export function browserUnavailableReason(
	env: Readonly<Record<string, string | undefined>>,
): string | undefined {
	if (env['SSH_CONNECTION'] || env['SSH_TTY'] || env['SSH_CLIENT']) {
		return 'This is an SSH session: a browser would open on the remote machine, not yours.';
	}

	return undefined;
}

/** Whether a URL carries something that must not appear on a command line. */
export function urlHoldsSecret(url: string): boolean {
	if (sessionIdPattern.test(decodeSafely(url))) return true;
	try {
		const parsed = new URL(url);
		const names = [
			...parsed.searchParams.keys(),
			...new URLSearchParams(parsed.hash.slice(1)).keys(),
		];
		return names.some((name) => secretParameters.has(name.toLowerCase()));
	} catch {
		return true;
	}
}

function decodeSafely(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

export type Opener = (url: string) => Promise<unknown>;

// `open` is loaded when a browser is opened, not with the app: the first frame does not need it.
const defaultOpener: Opener = async (url) => {
	const {default: open} = await import('open');
	return open(url, {wait: false});
};

/**
 * Opens an http(s) URL in the default browser. Refuses over SSH and for any URL that holds a
 * secret. Resolves with the reason when it did not open.
 */
export async function openInBrowser(
	url: string,
	env: Readonly<Record<string, string | undefined>>,
	opener: Opener = defaultOpener,
): Promise<{ok: true} | {ok: false; reason: string}> {
	const unavailable = browserUnavailableReason(env);
	if (unavailable !== undefined) return {ok: false, reason: unavailable};
	if (!/^https?:\/\//iu.test(url) || urlHoldsSecret(url)) {
		return {ok: false, reason: 'This address is not one sftoken opens in a browser.'};
	}

	try {
		await opener(url);
		return {ok: true};
	} catch (error) {
		return {
			ok: false,
			reason: `The browser could not be opened (${error instanceof Error ? error.message : String(error)}).`,
		};
	}
}
