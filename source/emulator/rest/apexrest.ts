// Apex REST. The emulated org has one class deployed, the classic example:
//
//   @RestResource(urlMapping='/Contacts/*')
//   global with sharing class ContactsResource {
//     // GET /Contacts[?limit=n]  → List<Contact> (first n by id; default 200, at most 2000)
//     // GET /Contacts/<id>       → Contact
//     @HttpGet global static Object doGet() {…}
//     // POST /Contacts {"lastName": "…", "firstName": "…", "email": "…", "phone": "…",
//     //                 "title": "…", "accountId": "001…"}  → the new Id as a JSON string
//     @HttpPost global static Id doPost(String lastName, String firstName, String email,
//                                       String phone, String title, String accountId) {…}
//     // DELETE /Contacts/<id>    → 200, empty body
//     @HttpDelete global static void doDelete() {…}
//   }
//
// Mappings are case-sensitive; an exact mapping wins over wildcards, then the longest wildcard.
// Unhandled Apex exceptions come back as 500 APEX_ERROR with the exception text, as on Salesforce.

import type {RestRequest} from './context.js';
import type {Env} from './org-state.js';
import {createRecord, deleteRecord} from './records.js';
import {json, methodNotAllowed, restError, type RestResponse} from './responses.js';
import {contactSchema} from './schema.js';
import {recordAttributes} from './soql/evaluate.js';
import {canonicalId, type Table} from './store.js';
import {checkWrite, parseBody, type WriteError} from './write.js';

const contactsMapping = '/Contacts/*';
export const urlMappings: readonly string[] = [contactsMapping];

function wildcardMatches(mapping: string, path: string): boolean {
	if (mapping.endsWith('/*') && path === mapping.slice(0, -2)) return true;
	const pattern = mapping
		.split('*')
		.map((part) => part.replaceAll(/[.+?^${}()|[\]\\]/g, String.raw`\$&`))
		.join('.*');
	return new RegExp(`^${pattern}$`).test(path);
}

/** The mapping that serves `path`: exact match first, then the longest matching wildcard. */
export function matchUrlMapping(path: string, mappings: readonly string[]): string | undefined {
	if (mappings.includes(path) && !path.includes('*')) return path;
	return mappings
		.filter((mapping) => mapping.includes('*') && wildcardMatches(mapping, path))
		.sort((left, right) => right.length - left.length)[0];
}

const apexVersion = '66.0';
const apexLines = {doGet: 14, doPost: 31, doDelete: 42} as const;

function apexError(method: keyof typeof apexLines, exception: string): RestResponse {
	return restError(
		500,
		'APEX_ERROR',
		`${exception}\n\nClass.ContactsResource.${method}: line ${apexLines[method]}, column 1`,
	);
}

function dmlError(error: WriteError, operation: string): string {
	const fields = (error.fields ?? []).join(', ');
	return `System.DmlException: ${operation} failed. First exception on row 0; first error: ${error.errorCode}, ${error.message}: [${fields}]`;
}

const contactFields = [
	'Id',
	'Name',
	'FirstName',
	'LastName',
	'Email',
	'Phone',
	'Title',
	'AccountId',
];

/** Apex serialises an sObject with its attributes and only the fields that are not null. */
function contactJson(table: Table, index: number): Record<string, unknown> {
	const json: Record<string, unknown> = {
		attributes: recordAttributes('Contact', table.reader('Id')(index), apexVersion),
	};
	for (const name of contactFields) {
		const value = table.reader(name)(index);
		if (value !== null) json[name] = value;
	}
	return json;
}

/** The Contact named by the last path segment, or the Apex exception a real class would throw. */
function contactFromPath(
	env: Env,
	idText: string,
	method: 'doGet' | 'doDelete',
): {index: number} | {error: RestResponse} {
	const id = canonicalId(idText);
	if (id === undefined) {
		return {error: apexError(method, `System.StringException: Invalid id: ${idText}`)};
	}
	const index = env.org.store.contacts.indexOfId(id);
	if (index < 0 || env.org.store.contacts.isDeleted(index)) {
		return {
			error: apexError(method, 'System.QueryException: List has no rows for assignment to SObject'),
		};
	}
	return {index};
}

function list(env: Env, request: RestRequest): RestResponse {
	const limitText = request.search.get('limit');
	const limit = limitText === null ? 200 : Number(limitText);
	if (!Number.isInteger(limit) || !/^-?\d+$/.test(limitText ?? '0')) {
		return apexError('doGet', `System.TypeException: Invalid integer: ${limitText}`);
	}
	if (limit < 0) {
		return apexError(
			'doGet',
			`System.QueryException: LIMIT must be a non-negative value: ${limit}`,
		);
	}
	const table = env.org.store.contacts;
	const contacts: Array<Record<string, unknown>> = [];
	for (let index = 0; index < table.size() && contacts.length < Math.min(limit, 2000); index++) {
		if (!table.isDeleted(index)) contacts.push(contactJson(table, index));
	}
	return json(200, contacts);
}

const postParameters: Readonly<Record<string, string>> = {
	lastName: 'LastName',
	firstName: 'FirstName',
	email: 'Email',
	phone: 'Phone',
	title: 'Title',
	accountId: 'AccountId',
};

function bodyPosition(body: string, key: string): string {
	const index = Math.max(0, body.indexOf(`"${key}"`));
	const before = body.slice(0, index);
	return `[line:${before.split('\n').length}, column:${index - before.lastIndexOf('\n')}]`;
}

function create(env: Env, request: RestRequest): RestResponse {
	let parameters: Record<string, unknown> = {};
	if (request.body.trim() !== '') {
		const parsed = parseBody('ContactsResource', request.body);
		if ('error' in parsed) return restError(400, parsed.error.errorCode, parsed.error.message);
		parameters = parsed.object;
	}
	const record: Record<string, unknown> = {LastName: null};
	for (const [key, value] of Object.entries(parameters)) {
		const field = postParameters[key];
		if (field === undefined) {
			return restError(
				400,
				'JSON_PARSER_ERROR',
				`Unexpected parameter encountered during deserialization: ${key} at ${bodyPosition(request.body, key)}`,
			);
		}
		if (value === null) continue;
		if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
			return restError(
				400,
				'JSON_PARSER_ERROR',
				`Cannot deserialize instance of String from ${Array.isArray(value) ? 'START_ARRAY value [' : 'START_OBJECT value {'} or request may be missing a required field at ${bodyPosition(request.body, key)}`,
			);
		}
		record[field] = String(value);
	}
	const table = env.org.store.contacts;
	const checked = checkWrite(contactSchema, record, env.tables, 'create');
	if ('error' in checked) return apexError('doPost', dmlError(checked.error, 'Insert'));
	const index = createRecord(env, table, checked.changes);
	return json(200, table.reader('Id')(index));
}

function decodePath(path: string): string | undefined {
	try {
		return decodeURIComponent(path);
	} catch {
		return undefined;
	}
}

/** Serves `/services/apexrest/…`; `rawPath` is the part after `/services/apexrest`, as received. */
export function handleApexRest(env: Env, request: RestRequest, rawPath: string): RestResponse {
	const path = decodePath(rawPath);
	const mapping = path === undefined ? undefined : matchUrlMapping(path, urlMappings);
	if (path === undefined || mapping !== contactsMapping) {
		return restError(404, 'NOT_FOUND', 'Could not find a match for URL');
	}
	// The class reads the id the classic way: whatever follows the last slash.
	const idText = path === '/Contacts' ? '' : path.slice(path.lastIndexOf('/') + 1);
	switch (request.method) {
		case 'GET': {
			if (idText === '') return list(env, request);
			const found = contactFromPath(env, idText, 'doGet');
			return 'error' in found
				? found.error
				: json(200, contactJson(env.org.store.contacts, found.index));
		}
		case 'POST': {
			return create(env, request);
		}
		case 'DELETE': {
			const found = contactFromPath(env, idText, 'doDelete');
			if ('error' in found) return found.error;
			deleteRecord(env, env.org.store.contacts, found.index);
			return {status: 200, headers: {}, body: ''};
		}
		default: {
			return methodNotAllowed(request.method, ['GET', 'POST', 'DELETE']);
		}
	}
}
