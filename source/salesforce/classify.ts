// Reading Salesforce answers: JSON where JSON is expected, and every other answer turned into the
// Failure that says what it was (OAuth error, REST error array, HTML page, cut-off JSON …).
import type {Failure, RestError, Result, Step} from './failure.js';
import type {HttpResponse} from './http.js';
import {preview, redact} from './redact.js';

/** True for an HTML page: by content type, or by its first bytes when the type lies. */
export function looksLikeHtml(contentType: string | undefined, body: string): boolean {
	if (contentType?.toLowerCase().includes('text/html')) return true;
	return /^\s*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/iu.test(body.slice(0, 512));
}

/** The `<title>` of an HTML page, entities decoded and whitespace collapsed. */
export function htmlTitle(body: string): string | undefined {
	const match = /<title[^>]*>([^<]*)<\/title>/iu.exec(body.slice(0, 64 * 1024));
	const title = match?.[1]
		?.replaceAll(/&(#\d+|#x[\da-f]+|amp|lt|gt|quot|apos|nbsp);/giu, decodeEntity)
		.replaceAll(/\s+/gu, ' ')
		.trim();
	return title ? title.slice(0, 200) : undefined;
}

function decodeEntity(entity: string, name: string): string {
	const named: Record<string, string> = {
		amp: '&',
		lt: '<',
		gt: '>',
		quot: '"',
		apos: "'",
		nbsp: ' ',
	};
	const lower = name.toLowerCase();
	if (lower.startsWith('#x')) return safeCodePoint(Number.parseInt(lower.slice(2), 16), entity);
	if (lower.startsWith('#')) return safeCodePoint(Number.parseInt(lower.slice(1), 10), entity);
	return named[lower] ?? entity;
}

function safeCodePoint(value: number, fallback: string): string {
	return value > 0 && value <= 0x10_ff_ff ? String.fromCodePoint(value) : fallback;
}

/** A Salesforce REST error array `[{errorCode, message, fields?}]`, or undefined. */
export function parseRestErrors(json: unknown): RestError[] | undefined {
	if (!Array.isArray(json) || json.length === 0) return undefined;
	const errors: RestError[] = [];
	for (const item of json as unknown[]) {
		if (!isRecord(item)) return undefined;
		const {errorCode, message, fields} = item;
		if (typeof errorCode !== 'string' || typeof message !== 'string') return undefined;
		const fieldNames = Array.isArray(fields)
			? (fields as unknown[]).filter((field): field is string => typeof field === 'string')
			: undefined;
		errors.push(fieldNames ? {errorCode, message, fields: fieldNames} : {errorCode, message});
	}

	return errors;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function tryParseJson(body: string): {ok: true; value: unknown} | {ok: false} {
	try {
		return {ok: true, value: JSON.parse(body) as unknown};
	} catch {
		return {ok: false};
	}
}

/** `error` and `error_description` from a JSON object or a form-encoded body (revoke, §4.2). */
function oauthError(json: unknown, body: string): {error: string; description: string} | undefined {
	if (isRecord(json)) {
		const {error, error_description: description} = json;
		if (typeof error === 'string') {
			return {error, description: typeof description === 'string' ? description : ''};
		}

		return undefined;
	}

	if (json === undefined && /^error=/u.test(body.trim())) {
		const form = new URLSearchParams(body.trim());
		const error = form.get('error');
		if (error) return {error, description: form.get('error_description') ?? ''};
	}

	return undefined;
}

/**
 * The Failure for a non-2xx answer, or for an HTML page whatever its status: an OAuth error, a
 * REST error array, cut-off JSON, or the status with a preview of the body.
 */
export function failureFromResponse(
	response: HttpResponse,
	step: Step,
	secrets: readonly string[],
): Failure {
	const {status, body} = response;
	const contentType = response.headers['content-type'];
	if (looksLikeHtml(contentType, body)) {
		const title = htmlTitle(body);
		return title === undefined
			? {kind: 'html-page', step, status}
			: {kind: 'html-page', step, status, title: redact(title, secrets)};
	}

	const parsed = tryParseJson(body);
	const json = parsed.ok ? parsed.value : undefined;
	const oauth = oauthError(json, body);
	if (oauth) {
		return {
			kind: 'oauth',
			step,
			status,
			error: redact(oauth.error, secrets).slice(0, 200),
			description: redact(oauth.description, secrets).slice(0, 1000),
		};
	}

	const errors = parseRestErrors(json);
	if (errors) {
		return {
			kind: 'rest',
			step,
			status,
			errors: errors.map((error) => ({
				...error,
				message: redact(error.message, secrets).slice(0, 2000),
			})),
		};
	}

	// A JSON error cut off mid-way (a proxy, a dropped connection) is reported as such.
	if (!parsed.ok && (contentType?.includes('json') || /^\s*[[{]/u.test(body))) {
		return {
			kind: 'bad-json',
			step,
			status,
			bodyPreview: preview(body, secrets),
			problem: 'the error answer is not valid JSON (cut off or garbled)',
		};
	}

	const retryAfter = Number(response.headers['retry-after']);
	return {
		kind: 'http',
		step,
		status,
		...(contentType === undefined ? {} : {contentType}),
		bodyPreview: preview(body, secrets),
		...(Number.isFinite(retryAfter) && retryAfter >= 0 ? {retryAfterSeconds: retryAfter} : {}),
	};
}

/** The JSON body of a 2xx answer, or the Failure describing what came instead. */
export function readJson(
	response: HttpResponse,
	step: Step,
	secrets: readonly string[],
): Result<unknown> {
	const ok = response.status >= 200 && response.status < 300;
	if (!ok || looksLikeHtml(response.headers['content-type'], response.body)) {
		return {ok: false, failure: failureFromResponse(response, step, secrets)};
	}

	const parsed = tryParseJson(response.body);
	if (parsed.ok) return parsed;
	return {
		ok: false,
		failure: {
			kind: 'bad-json',
			step,
			status: response.status,
			bodyPreview: preview(response.body, secrets),
			problem: response.truncated
				? 'the answer was larger than the size limit and was cut off'
				: 'the answer is not valid JSON (cut off or garbled)',
		},
	};
}

/** A bad-json Failure for JSON that parsed but lacks what the step needs. */
export function unexpectedJson(
	response: HttpResponse,
	step: Step,
	secrets: readonly string[],
	problem: string,
): Failure {
	return {
		kind: 'bad-json',
		step,
		status: response.status,
		bodyPreview: preview(response.body, secrets),
		problem,
	};
}

/** `new URL(path, base)`, or the base itself when that fails, so the send guard reports it. */
export function endpoint(base: string, path: string): string | URL {
	try {
		return new URL(path, base);
	} catch {
		return base;
	}
}
