// /query and /queryAll: SOQL in, records out in batches of up to 2000. When more records remain,
// the response has a `nextRecordsUrl` (`…/query/01g…-2000`) that serves the next batch from a
// query locator; locators are kept per org, at most 100, oldest dropped first.

import {makeId18} from '../ids.js';
import {headerValue, type RestRequest} from './context.js';
import type {Env, Locator} from './org-state.js';
import {json, methodNotAllowed, notFound, restError, type RestResponse} from './responses.js';
import {compileCondition, compileGetter, compileProjection, sortIndices} from './soql/evaluate.js';
import {soqlErrorMessage} from './soql/message.js';
import {parseSoql} from './soql/parser.js';
import {resolveQuery, type Plan} from './soql/resolve.js';
import type {Table} from './store.js';

export const maxBatchSize = 2000;
const minBatchSize = 200;
export const maxLocatorsPerOrg = 100;

/** `Sforce-Query-Options: batchSize=500` asks for smaller batches (200–2000). */
function batchSizeOf(request: RestRequest): number {
	const options = headerValue(request, 'sforce-query-options') ?? '';
	const match = /batchSize\s*=\s*(\d+)/i.exec(options);
	if (!match) return maxBatchSize;
	return Math.min(maxBatchSize, Math.max(minBatchSize, Number(match[1])));
}

function candidateIndices(table: Table, includeDeleted: boolean): number[] {
	const size = table.size();
	const indices: number[] = [];
	const all = includeDeleted || table.liveCount() === size;
	for (let index = 0; index < size; index++) {
		if (all || !table.isDeleted(index)) indices.push(index);
	}
	return indices;
}

function matchingIndices(env: Env, table: Table, plan: Plan, includeDeleted: boolean): number[] {
	const candidates = candidateIndices(table, includeDeleted);
	const filtered = plan.where
		? candidates.filter(compileCondition(plan.where, table, env.tables))
		: candidates;
	const sorted = sortIndices(filtered, plan.orderBy, table, env.tables);
	const start = plan.offset ?? 0;
	const end = plan.limit === undefined ? sorted.length : start + plan.limit;
	return sorted.slice(start, end);
}

function openLocator(env: Env, locator: Locator): string {
	const {org} = env;
	const id = makeId18('01g', org.store.serialBase + org.nextLocator);
	org.nextLocator++;
	org.locators.set(id, locator);
	for (const oldest of org.locators.keys()) {
		if (org.locators.size <= maxLocatorsPerOrg) break;
		org.locators.delete(oldest);
	}
	return id;
}

function batch(
	env: Env,
	resource: string,
	locatorId: string,
	locator: Locator,
	start: number,
): RestResponse {
	const end = Math.min(start + locator.batchSize, locator.indices.length);
	const records = locator.indices
		.slice(start, end)
		.map((index) => locator.project(index, env.version));
	const done = end >= locator.indices.length;
	return json(200, {
		totalSize: locator.indices.length,
		done,
		...(done
			? {}
			: {nextRecordsUrl: `/services/data/v${env.version}/${resource}/${locatorId}-${end}`}),
		records,
	});
}

function run(env: Env, request: RestRequest, resource: string, soql: string): RestResponse {
	const parsed = parseSoql(soql);
	const resolved = 'error' in parsed ? parsed : resolveQuery(parsed.query);
	if ('error' in resolved) {
		const {errorCode, offset, message} = resolved.error;
		return restError(400, errorCode, soqlErrorMessage(soql, offset, message));
	}
	const {plan} = resolved;
	const table = env.table(plan.object);
	const includeDeleted = resource === 'queryAll';
	if (plan.shape.kind === 'count' && !plan.where) {
		// COUNT() without a filter needs no scan.
		const live = includeDeleted ? table.size() : table.liveCount();
		const total = Math.max(0, live - (plan.offset ?? 0));
		return json(200, {totalSize: Math.min(total, plan.limit ?? total), done: true, records: []});
	}
	const indices = matchingIndices(env, table, plan, includeDeleted);
	if (plan.shape.kind === 'count')
		return json(200, {totalSize: indices.length, done: true, records: []});
	if (plan.shape.kind === 'aggregate') {
		const record: Record<string, unknown> = {attributes: {type: 'AggregateResult'}};
		for (const {field, key} of plan.shape.counts) {
			const get = field ? compileGetter(table, field, env.tables) : undefined;
			record[key] = get ? indices.filter((index) => get(index) !== null).length : indices.length;
		}
		return json(200, {totalSize: 1, done: true, records: [record]});
	}
	const locator: Locator = {
		indices,
		batchSize: batchSizeOf(request),
		project: compileProjection(table, plan.shape.fields, env.tables),
	};
	const locatorId = indices.length > locator.batchSize ? openLocator(env, locator) : '';
	return batch(env, resource, locatorId, locator, 0);
}

/**
 * Serves `/query`, `/query/<locator>-<offset>` and the same under `/queryAll` (which also returns
 * deleted records). `rest` is what follows the resource name in the path.
 */
export function handleQuery(
	env: Env,
	request: RestRequest,
	resource: string,
	rest: readonly string[],
): RestResponse {
	if (request.method !== 'GET' && request.method !== 'HEAD') {
		return methodNotAllowed(request.method, ['GET', 'HEAD']);
	}
	const [cursor, ...extra] = rest;
	if (cursor === undefined || cursor === '') {
		if (extra.length > 0) return notFound();
		const soql = request.search.get('q');
		if (soql === null || soql.trim() === '') {
			return restError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
		}
		return run(env, request, resource, soql);
	}
	const match = /^(.+)-(\d+)$/.exec(cursor);
	const locator = match?.[1] === undefined ? undefined : env.org.locators.get(match[1]);
	const start = Number(match?.[2]);
	if (!match?.[1] || !locator || extra.length > 0 || start >= locator.indices.length) {
		return restError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
	}
	return batch(env, resource, match[1], locator, start);
}
