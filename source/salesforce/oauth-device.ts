// Salesforce's device flow dialect (SALESFORCE.md §1): both calls go to the token endpoint,
// `response_type=device_code` to start, `grant_type=device` + `code` to poll.
import {DEFAULT_SCOPE} from '../core/authorize-url.js';
import {endpoint, isRecord, readJson, unexpectedJson} from './classify.js';
import type {Failure, Result} from './failure.js';
import {defaultHttpClient, defaultSleep, isLoopbackHost, sendHttp, type Sleep} from './http.js';
import {requestToken, secretsOf, type CallOptions, type TokenResponse} from './oauth-tokens.js';

/**
 * Salesforce sends no `expires_in` (SALESFORCE.md §1.2); like ForceCLI we assume ten minutes
 * unless the server says otherwise. The one place this assumption lives.
 */
export const ASSUMED_DEVICE_CODE_LIFETIME_SECONDS = 600;

/** RFC 8628 §3.2: clients poll every 5 seconds when the server names no interval. */
export const DEFAULT_POLL_INTERVAL_SECONDS = 5;

/** RFC 8628 §3.5: each `slow_down` adds 5 seconds to the interval. */
export const SLOW_DOWN_STEP_SECONDS = 5;

export type DeviceCode = {
	readonly deviceCode: string;
	readonly userCode: string;
	readonly verificationUri: string;
	/** The verification URL with the user code filled in (for links and the QR code). */
	readonly verificationUriComplete: string;
	readonly interval: number;
	readonly expiresInSeconds: number;
	/** True when the lifetime is {@link ASSUMED_DEVICE_CODE_LIFETIME_SECONDS}, not the server's. */
	readonly expiresInAssumed: boolean;
};

export type DeviceCodeParams = {
	readonly loginUrl: string;
	readonly clientId: string;
	/** Space-separated scopes; default `api refresh_token`. */
	readonly scope?: string;
};

/** Starts a device login: asks for a device code and the code the user types in the browser. */
export async function requestDeviceCode(
	params: DeviceCodeParams,
	options: CallOptions = {},
): Promise<Result<DeviceCode>> {
	const step = 'device-code';
	const sent = await sendHttp(
		{
			step,
			method: 'POST',
			url: endpoint(params.loginUrl, '/services/oauth2/token'),
			headers: {accept: 'application/json'},
			form: {
				response_type: 'device_code',
				client_id: params.clientId,
				scope: params.scope ?? DEFAULT_SCOPE,
			},
			...(options.signal === undefined ? {} : {signal: options.signal}),
		},
		options.client ?? defaultHttpClient(),
	);
	if (!sent.ok) return sent;
	const json = readJson(sent.value, step, []);
	if (!json.ok) return json;
	const code = parseDeviceCode(json.value);
	if (!code.ok) {
		return {ok: false, failure: unexpectedJson(sent.value, step, [], code.problem)};
	}

	return code;
}

/** Reads the device-code answer; see {@link ASSUMED_DEVICE_CODE_LIFETIME_SECONDS}. */
export function parseDeviceCode(
	json: unknown,
): {ok: true; value: DeviceCode} | {ok: false; problem: string} {
	if (!isRecord(json)) return {ok: false, problem: 'the device code answer is not a JSON object'};
	const deviceCode = json['device_code'];
	const userCode = json['user_code'];
	const verificationUri = json['verification_uri'];
	if (
		typeof deviceCode !== 'string' ||
		typeof userCode !== 'string' ||
		typeof verificationUri !== 'string' ||
		!deviceCode ||
		!userCode ||
		!verificationUri
	) {
		return {
			ok: false,
			problem: 'the device code answer lacks device_code, user_code or verification_uri',
		};
	}

	// Both are shown on screen and the URL may be opened in a browser: accept only what a real
	// answer holds, so server text can never carry escape sequences to the terminal.
	if (!userCodePattern.test(userCode)) {
		return {ok: false, problem: 'the device code answer has a malformed user_code'};
	}
	const verificationUrl = safeVerificationUrl(verificationUri);
	if (verificationUrl === undefined) {
		return {ok: false, problem: 'the device code answer has an unusable verification_uri'};
	}

	const interval = positiveNumber(json['interval']) ?? DEFAULT_POLL_INTERVAL_SECONDS;
	const expiresIn = positiveNumber(json['expires_in']);
	const complete =
		typeof json['verification_uri_complete'] === 'string'
			? safeVerificationUrl(json['verification_uri_complete'])
			: undefined;
	const separator = verificationUrl.includes('?') ? '&' : '?';
	return {
		ok: true,
		value: {
			deviceCode,
			userCode,
			verificationUri: verificationUrl,
			verificationUriComplete:
				complete ?? `${verificationUrl}${separator}user_code=${encodeURIComponent(userCode)}`,
			interval,
			expiresInSeconds: expiresIn ?? ASSUMED_DEVICE_CODE_LIFETIME_SECONDS,
			expiresInAssumed: expiresIn === undefined,
		},
	};
}

/** Salesforce sends 8 upper-case letters and digits; allow the RFC 8628 dash and other lengths. */
const userCodePattern = /^[A-Za-z0-9-]{4,16}$/u;

/** An https (or loopback http) URL serialised to printable ASCII, or undefined. */
function safeVerificationUrl(text: string): string | undefined {
	if (!URL.canParse(text)) return undefined;
	const url = new URL(text);
	const secure =
		url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
	if (!secure || url.username !== '' || url.password !== '') return undefined;
	return /^[\x21-\x7e]+$/u.test(url.href) ? url.href : undefined;
}

function positiveNumber(value: unknown): number | undefined {
	const number = typeof value === 'string' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) && number > 0 ? number : undefined;
}

export type DevicePollParams = {
	readonly loginUrl: string;
	readonly clientId: string;
	readonly deviceCode: string;
	/** Only for apps configured with a secret (Data Loader sent it, SALESFORCE.md §1.3). */
	readonly clientSecret?: string;
};

export type DevicePollStatus =
	{status: 'pending'} | {status: 'slow-down'} | {status: 'approved'; token: TokenResponse};

/**
 * Polls once. `authorization_pending` and `slow_down` are states, not failures; any other error
 * is a Failure. A poll changes nothing on the server, so transient failures are retried.
 */
export async function pollDeviceToken(
	params: DevicePollParams,
	options: CallOptions = {},
): Promise<Result<DevicePollStatus>> {
	const step = 'device-poll';
	const secrets = secretsOf(params.deviceCode, params.clientSecret);
	const result = await requestToken(
		params.loginUrl,
		{
			grant_type: 'device',
			client_id: params.clientId,
			code: params.deviceCode,
			client_secret: params.clientSecret,
		},
		step,
		secrets,
		{...options, idempotent: true},
	);
	if (result.ok) return {ok: true, value: {status: 'approved', token: result.value}};
	const {failure} = result;
	if (failure.kind === 'oauth' && failure.error === 'authorization_pending') {
		return {ok: true, value: {status: 'pending'}};
	}

	if (failure.kind === 'oauth' && failure.error === 'slow_down') {
		return {ok: true, value: {status: 'slow-down'}};
	}

	return result;
}

export type PollAttempt = {
	/** 1 for the first poll. */
	readonly attempt: number;
	readonly outcome: 'pending' | 'slow-down' | 'transient-failure';
	readonly failure?: Failure;
	/** Seconds until the next poll. */
	readonly intervalSeconds: number;
};

export type PollUntilDoneParams = DevicePollParams & {
	/** Seconds between polls, from the device code answer. */
	readonly interval: number;
	/** When the device code expires, in `now()` milliseconds. */
	readonly expiresAt: number;
	readonly now?: () => number;
	/** Waits `ms`, returning early when `signal` aborts. Injected so tests need not wait. */
	readonly sleep?: Sleep;
	readonly signal?: AbortSignal;
	readonly onAttempt?: (attempt: PollAttempt) => void;
	/** Consecutive transient failures (network, 5xx) tolerated before giving up; default 3. */
	readonly maxTransientFailures?: number;
	readonly client?: CallOptions['client'];
};

/**
 * Polls until the user approves, the code expires, the signal aborts or a terminal error arrives.
 * Waits `interval` seconds before each poll (RFC 8628 §3.5: at least the interval between
 * requests), adds {@link SLOW_DOWN_STEP_SECONDS} on `slow_down`, and never polls past `expiresAt`.
 */
export async function pollUntilDone(params: PollUntilDoneParams): Promise<Result<TokenResponse>> {
	const now = params.now ?? Date.now;
	const sleep = params.sleep ?? defaultSleep;
	const {signal} = params;
	const maxTransient = params.maxTransientFailures ?? 3;
	const aborted: Result<TokenResponse> = {
		ok: false,
		failure: {
			kind: 'network',
			step: 'device-poll',
			code: 'aborted',
			message: 'The device login was cancelled.',
		},
	};
	let interval = params.interval > 0 ? params.interval : DEFAULT_POLL_INTERVAL_SECONDS;
	let polls = 0;
	let transientFailures = 0;
	const expired = (): Result<TokenResponse> => ({
		ok: false,
		failure: {kind: 'device-expired', step: 'device-poll', polls},
	});

	for (;;) {
		if (signal?.aborted) return aborted;
		const remaining = params.expiresAt - now();
		if (remaining <= 0) return expired();
		await sleep(Math.min(interval * 1000, remaining), signal);
		if (signal?.aborted) return aborted;
		if (now() >= params.expiresAt) return expired();

		polls++;
		const result = await pollDeviceToken(params, {
			...(signal === undefined ? {} : {signal}),
			...(params.client === undefined ? {} : {client: params.client}),
		});
		if (signal?.aborted) return aborted;
		if (!result.ok) {
			if (!isTransient(result.failure) || ++transientFailures >= maxTransient) return result;
			params.onAttempt?.({
				attempt: polls,
				outcome: 'transient-failure',
				failure: result.failure,
				intervalSeconds: interval,
			});
			continue;
		}

		transientFailures = 0;
		const {value} = result;
		if (value.status === 'approved') return {ok: true, value: value.token};
		if (value.status === 'slow-down') interval += SLOW_DOWN_STEP_SECONDS;
		params.onAttempt?.({attempt: polls, outcome: value.status, intervalSeconds: interval});
	}
}

/** Failures another poll may not see: the network, a server hiccup, a garbled answer. */
function isTransient(failure: Failure): boolean {
	switch (failure.kind) {
		case 'network': {
			return failure.code !== 'aborted';
		}

		case 'http':
		case 'rest':
		case 'html-page': {
			return failure.status >= 500 || failure.status === 429;
		}

		case 'bad-json': {
			return true;
		}

		default: {
			return false;
		}
	}
}
