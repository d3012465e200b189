/**
 * A history entry back in the request screen: the form as it was sent (method, path, header
 * lines, body) and the response as history kept it (status, timing, the beginning of the body).
 */
import type {HistoryEntry} from './history-entry.js';
import {requestMethods, type RequestDraft, type RequestMethod} from './request.js';

function isRequestMethod(method: string): method is RequestMethod {
	return (requestMethods as readonly string[]).includes(method);
}

/**
 * The request form of an entry. Header lines are `Name: value`, one per line, as the headers field
 * takes them; a method the form does not offer (HEAD) becomes GET.
 *
 * @example draftOfEntry(entry) // => {method: 'POST', path: '/services/apexrest/Contacts', headers: 'X-Trace: on', body: '{"LastName":"Lovelace"}'}
 */
export function draftOfEntry(entry: HistoryEntry): RequestDraft {
	return {
		method: isRequestMethod(entry.method) ? entry.method : 'GET',
		path: entry.path,
		headers: Object.entries(entry.requestHeaders)
			.map(([name, value]) => `${name}: ${value}`)
			.join('\n'),
		body: entry.requestBody ?? '',
	};
}

/** The response history kept, in the shape the response view shows (see ResponseSummary). */
export type SavedResponse = {
	readonly status: number;
	readonly statusText: string;
	readonly timeMs: number;
	/** The size of the whole body when it was received. */
	readonly sizeBytes: number;
	/** Only the beginning of the body was kept (`body` is that beginning). */
	readonly truncated: boolean;
	/** Lower-case names; only the content type is kept. */
	readonly headers: Readonly<Record<string, string>>;
	readonly body: string;
	/** When the request was sent (ms since the epoch). */
	readonly sentAt: number;
};

/** The saved response of an entry; undefined when the request got none (see `entry.error`). */
export function savedResponseOf(entry: HistoryEntry): SavedResponse | undefined {
	if (entry.status === undefined) return undefined;
	return {
		status: entry.status,
		statusText: '',
		timeMs: entry.durationMs,
		sizeBytes: entry.responseSize ?? (entry.responsePreview ?? '').length,
		truncated: entry.responseTruncated === true,
		headers: entry.contentType === undefined ? {} : {'content-type': entry.contentType},
		body: entry.responsePreview ?? '',
		sentAt: entry.time,
	};
}
