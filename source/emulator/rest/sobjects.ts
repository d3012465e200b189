// /sobjects resources: the object list, per-object information and describe, and record CRUD.
// Object names are case-insensitive, record ids case-sensitive (15 or 18 characters).

import type {RestRequest} from './context.js';
import {describeObject, globalDescribe, objectSummary} from './describe.js';
import type {Env} from './org-state.js';
import {
	json,
	methodNotAllowed,
	noContent,
	notFound,
	restError,
	type RestResponse,
} from './responses.js';
import {findField, findObject, type FieldSchema, type ObjectSchema} from './schema.js';
import {recordAttributes, wireValue} from './soql/evaluate.js';
import {createRecord, deleteRecord, updateRecord} from './records.js';
import {canonicalId, looksLikeId, type Table} from './store.js';
import {checkWrite, parseBody, type WriteError} from './write.js';

const readMethods = ['GET', 'HEAD'];

function isRead(method: string): boolean {
	return readMethods.includes(method);
}

function recordJson(
	table: Table,
	index: number,
	fields: readonly FieldSchema[],
	version: string,
): Record<string, unknown> {
	const id = table.reader('Id')(index);
	const record: Record<string, unknown> = {
		attributes: recordAttributes(table.schema.name, id, version),
	};
	for (const field of fields)
		record[field.name] = wireValue(field, table.reader(field.name)(index));
	return record;
}

/** `?fields=Name,Phone` limits a record GET to those fields. */
function selectedFields(
	schema: ObjectSchema,
	request: RestRequest,
): {fields: readonly FieldSchema[]} | {error: RestResponse} {
	const list = request.search.get('fields');
	if (list === null || list.trim() === '') return {fields: schema.fields};
	const fields: FieldSchema[] = [];
	for (const name of list.split(',').map((item) => item.trim())) {
		const field = findField(schema, name);
		if (!field) {
			return {
				error: restError(
					400,
					'INVALID_FIELD',
					`No such column '${name}' on entity '${schema.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
				),
			};
		}
		if (!fields.includes(field)) fields.push(field);
	}
	return {fields};
}

function readRecord(env: Env, table: Table, index: number, request: RestRequest): RestResponse {
	const selected = selectedFields(table.schema, request);
	if ('error' in selected) return selected.error;
	return json(200, recordJson(table, index, selected.fields, env.version));
}

function writeFailure(error: WriteError): RestResponse {
	return restError(400, error.errorCode, error.message, error.fields);
}

function create(env: Env, table: Table, request: RestRequest): RestResponse {
	const parsed = parseBody(table.schema.name, request.body);
	if ('error' in parsed) return writeFailure(parsed.error);
	const checked = checkWrite(table.schema, parsed.object, env.tables, 'create');
	if ('error' in checked) return writeFailure(checked.error);
	const index = createRecord(env, table, checked.changes);
	return json(201, {id: table.reader('Id')(index), success: true, errors: []});
}

function update(env: Env, table: Table, index: number, request: RestRequest): RestResponse {
	const parsed = parseBody(table.schema.name, request.body);
	if ('error' in parsed) return writeFailure(parsed.error);
	const checked = checkWrite(table.schema, parsed.object, env.tables, 'update');
	if ('error' in checked) return writeFailure(checked.error);
	updateRecord(env, table, index, checked.changes);
	return noContent();
}

/** POST with `?_HttpMethod=PATCH` stands for PATCH, for clients that cannot send it. */
function effectiveMethod(request: RestRequest): string {
	const override = request.search.get('_HttpMethod');
	return request.method === 'POST' && override ? override.toUpperCase() : request.method;
}

function recordResource(
	env: Env,
	schema: ObjectSchema,
	id: string,
	request: RestRequest,
): RestResponse {
	const method = effectiveMethod(request);
	const allowed = schema.writable ? ['GET', 'HEAD', 'PATCH', 'DELETE'] : readMethods;
	if (!allowed.includes(method)) return methodNotAllowed(method, allowed);
	if (!looksLikeId(id)) {
		return restError(
			404,
			'NOT_FOUND',
			`Provided external ID field does not exist or is not accessible: ${id}`,
		);
	}
	const table = env.table(schema);
	const id18 = canonicalId(id);
	const index = id18 === undefined ? -1 : table.indexOfId(id18);
	if (index < 0) return notFound();
	if (table.isDeleted(index)) return restError(404, 'ENTITY_IS_DELETED', 'entity is deleted', []);
	if (method === 'PATCH') return update(env, table, index, request);
	if (method === 'DELETE') {
		deleteRecord(env, table, index);
		return noContent();
	}
	return readRecord(env, table, index, request);
}

function objectResource(env: Env, schema: ObjectSchema, request: RestRequest): RestResponse {
	const method = effectiveMethod(request);
	const table = env.table(schema);
	if (method === 'POST' && schema.writable) return create(env, table, request);
	if (!isRead(method))
		return methodNotAllowed(method, schema.writable ? ['GET', 'HEAD', 'POST'] : readMethods);
	// The last few created records stand in for "recently viewed".
	const recentItems = [];
	for (let index = table.size() - 1; index >= 0 && recentItems.length < 5; index--) {
		if (table.isDeleted(index)) continue;
		const id = table.reader('Id')(index);
		recentItems.push({
			attributes: recordAttributes(schema.name, id, env.version),
			Id: id,
			Name: table.reader('Name')(index),
		});
	}
	return json(200, {objectDescribe: objectSummary(schema, env.version), recentItems});
}

/** Serves `/sobjects/…`; `rest` is the decoded path after `sobjects`, trailing slash removed. */
export function handleSobjects(
	env: Env,
	request: RestRequest,
	rest: readonly string[],
): RestResponse {
	const [objectName, second, ...extra] = rest;
	if (objectName === undefined) {
		return isRead(request.method)
			? json(200, globalDescribe(env.version))
			: methodNotAllowed(request.method, readMethods);
	}
	const schema = findObject(objectName);
	if (!schema || extra.length > 0) return notFound();
	if (second === undefined) return objectResource(env, schema, request);
	if (second === 'describe') {
		return isRead(request.method)
			? json(200, describeObject(schema, env.version))
			: methodNotAllowed(request.method, readMethods);
	}
	return recordResource(env, schema, second, request);
}
