// The one place that talks to the network. Every Salesforce call goes through `sendHttp`, so the
// rules live here once: timeouts, which requests may be retried, the user agent, where a token may
// be sent, body size caps, and failure messages that never carry a secret.
import {isIP} from 'node:net';
import {setTimeout as delay} from 'node:timers/promises';
import type {
	Agents,
	ExtendOptions,
	Got,
	PlainResponse,
	Request as GotRequest,
	TimeoutError,
} from 'got';
import {packageInfo} from '../package-info.js';
import type {Failure, NetworkCode, Result, Step} from './failure.js';
import {currentProxyAgents} from './proxy.js';
import {redact} from './redact.js';

/** Waits `ms`, returning early (never rejecting) when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const defaultSleep: Sleep = async (ms, signal) => {
	try {
		await delay(ms, undefined, signal === undefined ? {} : {signal});
	} catch {
		// Aborted: the caller checks its signal.
	}
};

export type HttpClientOptions = {
	/** Limit for each phase: DNS, connect, TLS, sending, waiting for headers, an idle socket. */
	readonly timeoutMs?: number;
	/** Limit for one whole attempt, body included (catches a server dripping bytes). */
	readonly totalTimeoutMs?: number;
	/** Retries of an idempotent request (GET, device polling) after a transient failure. */
	readonly retryLimit?: number;
	/** Cap of the exponential backoff (1 s, 2 s, 4 s …) between retries. */
	readonly retryBackoffLimitMs?: number;
	/** A longer `Retry-After` is not waited for: the 503 is reported instead. */
	readonly maxRetryAfterMs?: number;
	/** The wait between retries; tests inject one that does not wait. */
	readonly sleep?: Sleep;
	/** Seam for proxies: agents to use instead of Node's global ones. */
	readonly agent?: Agents;
};

export type HttpClient = {
	/**
	 * The options of the got instance, applied in order. got itself is imported on the first
	 * request, not before: it and its dependencies cost ~15 ms and ~8 MB, which the first screen
	 * does not need.
	 */
	readonly gotOptions: readonly ExtendOptions[];
	readonly timeoutMs: number;
	readonly totalTimeoutMs: number;
	readonly retryLimit: number;
	readonly retryBackoffLimitMs: number;
	readonly maxRetryAfterMs: number;
	readonly sleep: Sleep;
	readonly usesCustomAgent: boolean;
};

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_TOTAL_TIMEOUT_MS = 120_000;
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

// Only failures that another attempt can plausibly fix. Timeouts are not retried: each retry
// would add a whole timeout to the user's wait. Refused connections and unknown hosts do not heal
// within a backoff.
const retryStatusCodes = new Set([500, 502, 503, 504]);
const retryErrorCodes = new Set(['ECONNRESET', 'EPIPE', 'EAI_AGAIN']);

/**
 * Builds the got instance every request uses. Tests pass short timeouts; the CLI a proxy agent.
 * Retries are done by `sendHttp`, not by got: got's stream API retries a status only by turning
 * it into an error, which reads that body outside the size cap and reports a body that timed out
 * mid-way as an empty one.
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const totalTimeoutMs = options.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS;
	const gotOptions: ExtendOptions = {
		timeout: {
			lookup: timeoutMs,
			connect: timeoutMs,
			secureConnect: timeoutMs,
			send: timeoutMs,
			response: timeoutMs,
			socket: timeoutMs,
			request: totalTimeoutMs,
		},
		retry: {limit: 0},
		// A redirect could carry the Authorization header to another host; none of the endpoints
		// used here redirects, so a 3xx is reported as it is.
		followRedirect: false,
		throwHttpErrors: false,
		headers: {'user-agent': `sftoken/${packageInfo.version}`},
		...(options.agent === undefined ? {} : {agent: options.agent}),
	};
	return {
		gotOptions: [gotOptions],
		timeoutMs,
		totalTimeoutMs,
		retryLimit: options.retryLimit ?? 2,
		retryBackoffLimitMs: options.retryBackoffLimitMs ?? 4000,
		maxRetryAfterMs: options.maxRetryAfterMs ?? 10_000,
		sleep: options.sleep ?? defaultSleep,
		usesCustomAgent: options.agent !== undefined,
	};
}

const gotInstances = new WeakMap<HttpClient, Promise<Got>>();

/** The got instance of a client, built on its first request. */
async function gotOf(client: HttpClient): Promise<Got> {
	let instance = gotInstances.get(client);
	if (instance === undefined) {
		instance = import('got').then(({default: got}) => got.extend(...client.gotOptions));
		gotInstances.set(client, instance);
	}

	return instance;
}

let sharedClient: HttpClient | undefined;
let sharedAgents: Agents | undefined;

/**
 * The client used when a caller passes none: every request the app makes. Its agents come from
 * the proxy settings (HTTPS_PROXY, NO_PROXY … or `--proxy`, see proxy.ts); it is rebuilt when
 * they change.
 */
export function defaultHttpClient(): HttpClient {
	const agents = currentProxyAgents();
	if (sharedClient === undefined || agents !== sharedAgents) {
		sharedClient = createHttpClient(agents === undefined ? {} : {agent: agents});
		sharedAgents = agents;
	}

	return sharedClient;
}

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type HttpRequest = {
	readonly step: Step;
	readonly method: HttpMethod;
	readonly url: string | URL;
	readonly headers?: Readonly<Record<string, string>>;
	/** Sent as `Authorization: Bearer …`. */
	readonly accessToken?: string;
	/** An `application/x-www-form-urlencoded` body; undefined members are left out. */
	readonly form?: Readonly<Record<string, string | undefined>>;
	readonly body?: string;
	/** Whether a transient failure may be retried; default true for GET and HEAD only. */
	readonly idempotent?: boolean;
	/** Values cut out of any text that ends up in a Failure (tokens, codes, secrets). */
	readonly secrets?: readonly string[];
	readonly signal?: AbortSignal;
	/** The body is cut after this many bytes and `truncated` is set. */
	readonly maxBodyBytes?: number;
};

export type HttpResponse = {
	readonly status: number;
	readonly statusText: string;
	/** Lower-case names; repeated headers joined with ", ". */
	readonly headers: Readonly<Record<string, string>>;
	readonly body: string;
	/** Bytes of body received (after decompression), at most `maxBodyBytes`. */
	readonly sizeBytes: number;
	readonly truncated: boolean;
	readonly url: string;
	readonly timeMs: number;
};

/** 127.0.0.0/8, ::1 and `localhost`: the only hosts plain http may carry a token to. */
export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/gu, '').toLowerCase();
	if (host === 'localhost' || host.endsWith('.localhost')) return true;
	if (isIP(host) === 4) return host.startsWith('127.');
	return host === '::1' || host === '0:0:0:0:0:0:0:1' || host.startsWith('::ffff:127.');
}

/** Which guard refused a URL; the `reason` of an `unsafe-url` Failure. */
export type UnsafeUrlReason = Extract<Failure, {kind: 'unsafe-url'}>['reason'];

/**
 * The one shape of a refused URL, shared by the transport's guard and the REST path check so the
 * two cannot drift in what they report.
 */
export function refuseUrl(
	step: Step,
	reason: UnsafeUrlReason,
	host: string,
	message: string,
): {ok: false; failure: Failure} {
	return {ok: false, failure: {kind: 'unsafe-url', step, reason, host, message}};
}

/**
 * Checks where a request may go before anything is sent: https anywhere, plain http only to
 * loopback (the emulator). PRODUCT.md: a token never travels over plain http to another host.
 */
export function checkDestination(url: string | URL, step: Step): Result<URL> {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return refuseUrl(step, 'invalid-url', '', 'Not a valid URL; expected https://<host>/…');
	}

	if (parsed.protocol === 'https:') return {ok: true, value: parsed};
	if (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)) {
		return {ok: true, value: parsed};
	}

	return refuseUrl(
		step,
		'insecure-http',
		parsed.host,
		`Refused to send anything to ${parsed.protocol}//${parsed.host}: only https is allowed (plain http only to this machine, 127.0.0.1 or localhost).`,
	);
}

/**
 * Sends one request (with retries where safe) and returns the response, whatever its status, or a
 * network Failure. Never throws for network or server trouble.
 */
export async function sendHttp(
	request: HttpRequest,
	client: HttpClient = defaultHttpClient(),
): Promise<Result<HttpResponse>> {
	const destination = checkDestination(request.url, request.step);
	if (!destination.ok) return destination;
	const url = destination.value;
	if (request.signal?.aborted) return {ok: false, failure: abortedFailure(request.step)};

	const idempotent = request.idempotent ?? (request.method === 'GET' || request.method === 'HEAD');
	const headers: Record<string, string> = {...request.headers};
	if (request.accessToken !== undefined) {
		headers['authorization'] = `Bearer ${request.accessToken}`;
	}

	let body = request.body;
	if (request.form !== undefined) {
		const form = new URLSearchParams();
		for (const [name, value] of Object.entries(request.form)) {
			if (value !== undefined) form.set(name, value);
		}

		body = form.toString();
		headers['content-type'] = 'application/x-www-form-urlencoded';
	}

	// got.stream waits for the caller to end the upload when there is no body; an empty one ends it.
	if (body === undefined && request.method !== 'GET' && request.method !== 'HEAD') body = '';

	const started = performance.now();
	const maxBytes = request.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
	const got = await gotOf(client);
	for (let attempt = 0; ; attempt++) {
		const stream = got.stream(url, {
			method: request.method,
			headers,
			...(body === undefined ? {} : {body}),
			...(request.signal === undefined ? {} : {signal: request.signal}),
		});
		const outcome = await collect(stream, maxBytes);
		const wait =
			idempotent && attempt < client.retryLimit ? retryDelay(outcome, attempt, client) : undefined;
		if (wait !== undefined) {
			await client.sleep(wait, request.signal);
			if (request.signal?.aborted) return {ok: false, failure: abortedFailure(request.step)};
			continue;
		}

		if ('error' in outcome) {
			return {ok: false, failure: networkFailure(outcome.error, request, url, client)};
		}

		const {response, chunks, sizeBytes, truncated} = outcome;
		return {
			ok: true,
			value: {
				status: response.statusCode,
				statusText: response.statusMessage ?? '',
				headers: flattenHeaders(response.headers),
				body: Buffer.concat(chunks).toString('utf8'),
				sizeBytes,
				truncated,
				url: response.url || url.href,
				timeMs: performance.now() - started,
			},
		};
	}
}

type Collected =
	| {response: PlainResponse; chunks: Buffer[]; sizeBytes: number; truncated: boolean}
	| {error: unknown};

/**
 * How long to wait before retrying this outcome, or undefined when it must not be retried:
 * transient network errors and 500/502/503/504, with `Retry-After` honoured up to its cap.
 */
function retryDelay(outcome: Collected, attempt: number, client: HttpClient): number | undefined {
	const backoff = Math.min(2 ** attempt * 1000, client.retryBackoffLimitMs);
	if ('error' in outcome)
		return retryErrorCodes.has(errorCode(outcome.error)) ? backoff : undefined;
	if (!retryStatusCodes.has(outcome.response.statusCode)) return undefined;
	const header = outcome.response.headers['retry-after'];
	if (header === undefined) return backoff;
	const seconds = /^\d+$/u.test(header.trim())
		? Number(header) * 1000
		: Date.parse(header) - Date.now();
	if (Number.isNaN(seconds)) return backoff;
	return seconds > client.maxRetryAfterMs ? undefined : Math.max(0, seconds);
}

/** Reads one got stream into at most `maxBytes` of body. */
async function collect(stream: GotRequest, maxBytes: number): Promise<Collected> {
	return new Promise((resolve) => {
		let settled = false;
		const settle = (value: Collected) => {
			if (settled) return;
			settled = true;
			resolve(value);
		};

		let response: PlainResponse | undefined;
		const chunks: Buffer[] = [];
		let sizeBytes = 0;
		stream.on('response', (value: PlainResponse) => {
			response = value;
		});
		stream.on('data', (chunk: Buffer) => {
			const room = maxBytes - sizeBytes;
			if (chunk.length <= room) {
				chunks.push(chunk);
				sizeBytes += chunk.length;
				return;
			}

			if (room > 0) chunks.push(chunk.subarray(0, room));
			sizeBytes = maxBytes;
			stream.destroy();
			if (response) settle({response, chunks, sizeBytes, truncated: true});
		});
		stream.on('end', () => {
			settle(
				response
					? {response, chunks, sizeBytes, truncated: false}
					: {error: new Error('The stream ended without a response')},
			);
		});
		stream.on('error', (error: unknown) => {
			settle({error});
		});
	});
}

function flattenHeaders(headers: PlainResponse['headers']): Record<string, string> {
	const flat: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
	}

	return flat;
}

function abortedFailure(step: Step): Failure {
	return {kind: 'network', step, code: 'aborted', message: 'Cancelled before an answer arrived.'};
}

const tlsCodes = new Set([
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'CERT_HAS_EXPIRED',
	'CERT_NOT_YET_VALID',
	'CERT_UNTRUSTED',
	'CERT_REVOKED',
	'HOSTNAME_MISMATCH',
	'EPROTO',
]);

function notAnswering(host: string, limit: string): string {
	return `${host} did not start answering within ${limit}.`;
}

const timeoutMessages: Record<string, (host: string, limit: string) => string> = {
	lookup: (host, limit) => `Looking up ${host} took longer than ${limit}.`,
	connect: (host, limit) => `Connecting to ${host} took longer than ${limit}.`,
	secureConnect: (host, limit) => `The TLS handshake with ${host} took longer than ${limit}.`,
	send: (host, limit) => `Sending the request to ${host} took longer than ${limit}.`,
	response: notAnswering,
	socket: (host, limit) => `${host} sent nothing for ${limit}.`,
	request: (host, limit) => `${host} did not finish answering within ${limit}.`,
};

/**
 * Turns a transport error into a Failure. The text is built here from the error code and the host
 * only: got's own messages quote request options, which may hold secrets.
 */
function networkFailure(
	error: unknown,
	request: HttpRequest,
	url: URL,
	client: HttpClient,
): Failure {
	const {step} = request;
	const code = errorCode(error);
	const host = url.host;
	const make = (kind: NetworkCode, message: string): Failure => ({
		kind: 'network',
		step,
		code: kind,
		message: redact(message, request.secrets),
	});

	if (code === 'ERR_ABORTED' || request.signal?.aborted) return abortedFailure(step);
	if (isTimeoutError(error) || code === 'ETIMEDOUT') {
		const event = isTimeoutError(error) ? error.event : 'request';
		const limit = formatSeconds(event === 'request' ? client.totalTimeoutMs : client.timeoutMs);
		return make('timeout', (timeoutMessages[event] ?? notAnswering)(host, limit));
	}

	const proxyStatus = /^Bad response: (\d{3})$/u.exec(errorMessage(error));
	if (client.usesCustomAgent && proxyStatus) {
		return make('proxy', `The proxy refused to connect to ${host} (HTTP ${proxyStatus[1]}).`);
	}

	switch (code) {
		case 'ECONNREFUSED': {
			return make(
				'refused',
				`${host} refused the connection: nothing is listening there${client.usesCustomAgent ? ' (or the proxy is down)' : ''}.`,
			);
		}

		case 'ECONNRESET':
		case 'EPIPE':
		case 'ECONNABORTED':
		case 'ERR_STREAM_PREMATURE_CLOSE':
		case 'ERR_HTTP_CONTENT_LENGTH_MISMATCH': {
			return make('reset', `The connection to ${host} was closed before the answer was complete.`);
		}

		case 'ENOTFOUND':
		case 'EAI_AGAIN':
		case 'EAI_NONAME':
		case 'EAI_FAIL': {
			return make('dns', `The host name ${url.hostname} could not be found (DNS: ${code}).`);
		}

		case 'ERR_INVALID_CHAR': {
			return make(
				'other',
				'Not sent: a header value holds a character HTTP does not allow (a line break?).',
			);
		}

		case 'ERR_INVALID_HTTP_TOKEN': {
			return make(
				'other',
				'Not sent: a header name holds a character HTTP does not allow (a space?).',
			);
		}

		default: {
			if (tlsCodes.has(code) || /^ERR_(TLS|SSL)_|CERT/u.test(code)) {
				return make(
					'tls',
					`The secure connection to ${host} failed: ${tlsReason(code)} (${code}).`,
				);
			}

			return make('other', `The request to ${host} failed (${code || 'unknown error'}).`);
		}
	}
}

function tlsReason(code: string): string {
	if (/SELF_SIGNED|ISSUER|UNTRUSTED|VERIFY_LEAF/u.test(code)) {
		return 'the server’s certificate is not signed by a trusted authority';
	}

	if (/EXPIRED|NOT_YET_VALID/u.test(code))
		return 'the server’s certificate is outside its validity dates';
	if (/ALTNAME|HOSTNAME/u.test(code)) return 'the certificate is for a different host name';
	if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'EPROTO') {
		return 'the server does not speak TLS on this port';
	}

	return 'the TLS handshake failed';
}

function errorCode(error: unknown): string {
	if (typeof error === 'object' && error !== null && 'code' in error) {
		const {code} = error;
		if (typeof code === 'string') return code;
	}

	return '';
}

function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : '';
}

function formatSeconds(ms: number): string {
	return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

/** got's TimeoutError, recognised without importing got (it loads on the first request). */
function isTimeoutError(error: unknown): error is TimeoutError {
	return error instanceof Error && error.name === 'TimeoutError' && 'event' in error;
}
