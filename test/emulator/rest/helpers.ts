// Calls the REST module directly (no server), with the context the server would pass.
import assert from 'node:assert/strict';
import {to18} from '../../../source/emulator/ids.js';
import {
	createRestApi,
	type RestApi,
	type RestContext,
	type RestResponse,
} from '../../../source/emulator/rest/index.js';

// Ids with correct case suffixes, as the server hands them over.
export const orgId = to18('00D5g000004AbCd');
export const otherOrgId = to18('00D5g000007XyZw');
export const userId = to18('0055g00000AbCdE');

export const context: RestContext = {
	org: {orgId, name: 'Acme', myDomainUrl: 'https://acme.my.salesforce.com', sandbox: false},
	user: {userId, username: 'ada@acme.example', name: 'Ada Lovelace', email: 'ada@acme.example'},
	apiUsage: {used: 12, max: 15_000},
};

export const otherContext: RestContext = {
	...context,
	org: {...context.org, orgId: otherOrgId, myDomainUrl: 'https://other.my.salesforce.com'},
};

export type Call = {
	readonly method?: string;
	readonly body?: string;
	readonly headers?: Readonly<Record<string, string>>;
	readonly context?: RestContext;
};

export type Result = RestResponse & {readonly json: unknown};

export function createApi(records = 5): RestApi {
	return createRestApi({records, orgIds: [orgId, otherOrgId]});
}

/** Sends one request; `path` may carry a query string. */
export function call(api: RestApi, path: string, options: Call = {}): Result {
	const url = new URL(path, 'https://acme.my.salesforce.com');
	const response = api.handle({
		method: options.method ?? 'GET',
		pathname: url.pathname,
		search: url.searchParams,
		body: options.body ?? '',
		headers: options.headers ?? {},
		context: options.context ?? context,
	});
	const json: unknown = response.body === '' ? undefined : JSON.parse(response.body);
	return {...response, json};
}

export const v = '/services/data/v66.0';

/** `GET …/query?q=` with the SOQL encoded as a client would. */
export function query(api: RestApi, soql: string, options: Call = {}): Result {
	return call(api, `${v}/query?q=${encodeURIComponent(soql)}`, options);
}

export type QueryBody = {
	totalSize: number;
	done: boolean;
	nextRecordsUrl?: string;
	records: Array<Record<string, unknown>>;
};

export function records(result: Result): QueryBody['records'] {
	assert.equal(result.status, 200, result.body);
	return (result.json as QueryBody).records;
}

/** Asserts a single-error array response and returns the error. */
export function expectError(
	result: Result,
	status: number,
	errorCode: string,
): {errorCode: string; message: string; fields?: string[]} {
	assert.equal(result.status, status, result.body);
	assert.equal(result.headers['content-type'], 'application/json;charset=UTF-8');
	const errors = result.json as Array<{errorCode: string; message: string; fields?: string[]}>;
	assert.equal(errors.length, 1);
	const [error] = errors;
	assert.ok(error);
	assert.equal(error.errorCode, errorCode);
	return error;
}
