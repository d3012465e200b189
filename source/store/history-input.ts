// What whoever sends a request hands to history, built from what sendRestRequest returned: one
// call after every send, so the request screen and `sftoken request` record the same way.
//
//   const started = Date.now();
//   const result = await sendRestRequest({...});
//   void history.append(historyInputOf({org, request, result, token, durationMs: Date.now() - started}));
import type {HistoryInput, HistoryOrg} from '../core/history-entry.js';
import type {Failure, Result} from '../core/failure.js';
import type {HttpResponse} from '../salesforce/http.js';
import {historyOrgOf} from './history.js';
import type {SavedOrg} from './orgs.js';

export type SentRequest = {
	/** The org it went to (a saved org, or the org part of an entry for a re-run). */
	readonly org: SavedOrg | HistoryOrg;
	readonly request: {
		readonly method: string;
		/** Relative to the instance URL, as sent. */
		readonly path: string;
		readonly headers?: Readonly<Record<string, string>>;
		readonly body?: string;
	};
	readonly result: Result<HttpResponse>;
	/** The access token it was sent with: cut out of what is kept in every form, never stored. */
	readonly token: string;
	/** Wall time of the send; the response's own timing when absent. */
	readonly durationMs?: number;
	/** When it was sent; the store's clock when absent. */
	readonly time?: number;
};

function failureText(failure: Failure): string {
	switch (failure.kind) {
		case 'network':
		case 'unsafe-url':
		case 'listener': {
			return failure.message;
		}

		case 'device-expired': {
			return 'The device code expired.';
		}

		default: {
			return `${failure.kind} failure`;
		}
	}
}

function isSavedOrg(org: SavedOrg | HistoryOrg): org is SavedOrg {
	return 'loginUrl' in org;
}

/** The history input for one request sent, whatever came back. */
export function historyInputOf(sent: SentRequest): HistoryInput {
	const {request, result} = sent;
	const base = {
		org: isSavedOrg(sent.org) ? historyOrgOf(sent.org) : sent.org,
		method: request.method,
		path: request.path,
		...(request.headers === undefined ? {} : {requestHeaders: request.headers}),
		...(request.body === undefined ? {} : {requestBody: request.body}),
		secrets: [sent.token],
		...(sent.time === undefined ? {} : {time: sent.time}),
	};
	if (!result.ok) {
		return {...base, error: failureText(result.failure), durationMs: sent.durationMs ?? 0};
	}

	const response = result.value;
	const contentType = response.headers['content-type'];
	return {
		...base,
		status: response.status,
		durationMs: sent.durationMs ?? response.timeMs,
		responseSize: response.sizeBytes,
		...(contentType === undefined ? {} : {contentType}),
		responseBody: response.body,
	};
}
