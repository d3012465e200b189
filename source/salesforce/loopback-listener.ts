// The local end of the browser login: a tiny HTTP server on loopback that receives
// `/OauthRedirect?code=…&state=…`, checks state, and shows the browser a small result page.
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {parseRedirectUrl, type RedirectResult} from '../core/authorize-url.js';
import type {Result} from './failure.js';

export const DEFAULT_LOOPBACK_PORT = 1717;
export const DEFAULT_REDIRECT_PATH = '/OauthRedirect';
export const DEFAULT_LOOPBACK_TIMEOUT_MS = 5 * 60 * 1000;

export type LoopbackOptions = {
	/** Default 1717, the port of sf CLI's `http://localhost:1717/OauthRedirect`; 0 picks a free one. */
	readonly port?: number;
	/** Interface to listen on; default 127.0.0.1 (never reachable from other machines). */
	readonly host?: string;
	/** Host name in the redirect URI; default `localhost`, as registered for sf CLI's callback. */
	readonly redirectHost?: string;
	readonly path?: string;
	readonly expectedState: string;
	readonly timeoutMs?: number;
};

export type ListenerOutcome =
	RedirectResult | {ok: false; reason: 'timeout' | 'aborted'; message: string};

export type LoopbackListener = {
	/** The `redirect_uri` to put in the authorize URL and the token exchange. */
	readonly redirectUri: string;
	readonly port: number;
	/** Resolves with the first redirect to the expected path, a timeout, or the abort. */
	waitForCode(signal?: AbortSignal): Promise<ListenerOutcome>;
	/** Stops listening; safe to call more than once. */
	close(): Promise<void>;
};

/**
 * Starts the redirect listener. A busy port is a Failure naming the port and the `--port` flag.
 * The listener answers only the redirect path; the first redirect there settles the login, after
 * which the server closes itself.
 */
export async function startLoopbackListener(
	options: LoopbackOptions,
): Promise<Result<LoopbackListener>> {
	const host = options.host ?? '127.0.0.1';
	const requestedPort = options.port ?? DEFAULT_LOOPBACK_PORT;
	const path = options.path ?? DEFAULT_REDIRECT_PATH;
	const timeoutMs = options.timeoutMs ?? DEFAULT_LOOPBACK_TIMEOUT_MS;

	let settle: (outcome: ListenerOutcome) => void = () => undefined;
	const outcome = new Promise<ListenerOutcome>((resolve) => {
		settle = resolve;
	});
	let settled = false;
	const finish = (result: ListenerOutcome) => {
		if (settled) return;
		settled = true;
		clearTimeout(timer);
		settle(result);
	};

	const server = http.createServer((request, response) => {
		const target = new URL(request.url ?? '/', 'http://loopback.invalid');
		// Browsers send a Private Network Access preflight before some cross-site redirects.
		if (request.method === 'OPTIONS') {
			response.writeHead(204, {
				'access-control-allow-private-network': 'true',
				'access-control-allow-origin': '*',
			});
			response.end();
			return;
		}

		if (target.pathname !== path || request.method !== 'GET') {
			sendPage(response, 404, 'Not found', 'This address is not part of the sftoken login.');
			return;
		}

		if (settled) {
			sendPage(response, 409, 'Login already finished', 'Return to the terminal.');
			return;
		}

		// The raw query, not target.search: URL parsing would re-encode what Salesforce sent.
		const raw = request.url ?? '';
		const query = raw.includes('?') ? raw.slice(raw.indexOf('?')) : '?';
		const result = parseRedirectUrl(query, options.expectedState);
		if (result.ok) {
			sendPage(
				response,
				200,
				'Login received',
				'sftoken has the login. You can close this tab and return to the terminal.',
			);
		} else {
			sendPage(response, 400, 'Login failed', `${result.message} Return to the terminal.`);
		}

		response.once('finish', () => {
			void close();
		});
		finish(result);
	});
	server.keepAliveTimeout = 1000;

	const listening = await new Promise<{ok: true} | {ok: false; code: string}>((resolve) => {
		server.once('error', (error: NodeJS.ErrnoException) => {
			resolve({ok: false, code: error.code ?? ''});
		});
		server.listen(requestedPort, host, () => {
			resolve({ok: true});
		});
	});
	if (!listening.ok) {
		return {ok: false, failure: listenFailure(listening.code, host, requestedPort)};
	}

	const {port} = server.address() as AddressInfo;
	const timer = setTimeout(() => {
		finish({
			ok: false,
			reason: 'timeout',
			message: `No login arrived from the browser within ${Math.round(timeoutMs / 1000)} s. Start the login again, or paste the address the browser was sent to.`,
		});
		void close();
	}, timeoutMs);
	timer.unref();

	let closing: Promise<void> | undefined;
	const close = async () => {
		closing ??= new Promise<void>((resolve) => {
			finish({ok: false, reason: 'aborted', message: 'The browser login was cancelled.'});
			server.close(() => {
				resolve();
			});
			server.closeIdleConnections();
		});
		return closing;
	};

	return {
		ok: true,
		value: {
			redirectUri: `http://${options.redirectHost ?? 'localhost'}:${port}${path}`,
			port,
			async waitForCode(signal) {
				if (signal) {
					const onAbort = () => {
						void close();
					};

					if (signal.aborted) onAbort();
					else signal.addEventListener('abort', onAbort, {once: true});
					const result = await outcome;
					signal.removeEventListener('abort', onAbort);
					return result;
				}

				return outcome;
			},
			close,
		},
	};
}

function listenFailure(code: string, host: string, port: number) {
	if (code === 'EADDRINUSE') {
		return {
			kind: 'listener',
			step: 'redirect-listener',
			code: 'port-busy',
			host,
			port,
			message: `Port ${port} on ${host} is already in use (another login waiting, or sf CLI?). Close that program, or pick another port with --port <number>; the app’s callback URL must then name that port.`,
		} as const;
	}

	if (code === 'EACCES') {
		return {
			kind: 'listener',
			step: 'redirect-listener',
			code: 'permission-denied',
			host,
			port,
			message: `Not allowed to listen on port ${port} of ${host}. Pick a port above 1023 with --port <number>.`,
		} as const;
	}

	return {
		kind: 'listener',
		step: 'redirect-listener',
		code: 'other',
		host,
		port,
		message: `Could not listen on ${host}:${port} (${code || 'unknown error'}).`,
	} as const;
}

function sendPage(response: http.ServerResponse, status: number, title: string, text: string) {
	const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>sftoken: ${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;margin:3em auto;max-width:36em"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`;
	response.writeHead(status, {
		'content-type': 'text/html; charset=utf-8',
		'cache-control': 'no-store',
		// The address holds the code; no page it links to may see it.
		'referrer-policy': 'no-referrer',
		'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
		connection: 'close',
	});
	response.end(html);
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
	return text
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&#39;');
}
