import {describeLimitInfo, parseLimitInfo, type LimitInfo} from '../../core/limit-info.js';
import {printableLine} from '../../core/json-lines.js';

export type ResponseSummary = {
	readonly status: number;
	readonly statusText: string;
	readonly timeMs: number;
	readonly sizeBytes: number;
	/** The body was cut at the size limit. */
	readonly truncated: boolean;
	/** Lower-case names. */
	readonly headers: Readonly<Record<string, string>>;
	readonly limitInfo?: LimitInfo;
};

/** The summary the response view and `sftoken request` show for an answer. */
export function responseSummary(response: Omit<ResponseSummary, 'limitInfo'>): ResponseSummary {
	const limitInfo = parseLimitInfo(response.headers['sforce-limit-info']);
	return {
		status: response.status,
		statusText: response.statusText,
		timeMs: response.timeMs,
		sizeBytes: response.sizeBytes,
		truncated: response.truncated,
		headers: response.headers,
		...(limitInfo === undefined ? {} : {limitInfo}),
	};
}

/** `532 B`, `1.6 KB`, `19.4 MB` (powers of 1024). */
export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `152 ms`, `2.31 s`. */
export function formatDuration(ms: number): string {
	return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export type StatusColor = 'green' | 'cyan' | 'yellow' | 'red';

export function statusColor(status: number): StatusColor {
	if (status >= 500) return 'red';
	if (status >= 400) return 'yellow';
	if (status >= 300) return 'cyan';
	return 'green';
}

/**
 * The parts of the status line: `200 OK`, then time, size, API usage and content type. The
 * status text and content type come from the server, so they are made printable.
 */
export function statusParts(response: ResponseSummary): {head: string; rest: string} {
	const head = `${response.status} ${printableLine(response.statusText)}`.trim();
	const parts = [
		formatDuration(response.timeMs),
		`${formatBytes(response.sizeBytes)}${response.truncated ? ' (cut off at the size limit)' : ''}`,
	];
	if (response.limitInfo) parts.push(describeLimitInfo(response.limitInfo));
	const type = response.headers['content-type'];
	if (type !== undefined) parts.push(printableLine(type.split(';')[0] ?? type));
	return {head, rest: parts.join(' · ')};
}

/** The response headers as `name: value` lines, safe to print. */
export function headerLines(headers: Readonly<Record<string, string>>): string[] {
	return Object.entries(headers)
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([name, value]) => `${printableLine(name)}: ${printableLine(value)}`);
}
