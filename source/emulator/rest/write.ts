// Validation of create/update bodies for /sobjects, with Salesforce's error codes: bad JSON →
// JSON_PARSER_ERROR, unknown field → INVALID_FIELD, read-only field →
// INVALID_FIELD_FOR_INSERT_UPDATE, missing required → REQUIRED_FIELD_MISSING, and the value
// checks (STRING_TOO_LONG, INVALID_EMAIL_ADDRESS, MALFORMED_ID, …). Empty strings become null,
// as Salesforce stores them.

import {findField, findObject, isTextType, type FieldSchema, type ObjectSchema} from './schema.js';
import type {FieldValue} from './seed.js';
import type {Tables} from './soql/evaluate.js';
import {canonicalId} from './store.js';

export type Changes = Map<FieldSchema, FieldValue>;

/** A rejected write; /sobjects answers it with HTTP 400, Apex turns it into a DmlException. */
export type WriteError = {
	readonly errorCode: string;
	readonly message: string;
	readonly fields?: readonly string[];
};

function writeError(errorCode: string, message: string, fields?: readonly string[]): WriteError {
	return fields ? {errorCode, message, fields} : {errorCode, message};
}

type Checked = {changes: Changes} | {error: WriteError};

function position(body: string, index: number): string {
	const before = body.slice(0, index);
	const line = before.split('\n').length;
	const column = index - before.lastIndexOf('\n');
	return `[line:${line}, column:${column}]`;
}

/** Jackson-style text for a body that is not JSON, which is what Salesforce answers. */
function parserError(body: string, error: unknown): WriteError {
	const text = error instanceof Error ? error.message : '';
	const reported = /position (\d+)/.exec(text);
	const index = reported ? Number(reported[1]) : body.search(/\S/);
	const character = body.charAt(index);
	const message =
		index < 0 || character === ''
			? `Unexpected end-of-input at ${position(body, body.length)}`
			: `Unexpected character ('${character}' (code ${character.codePointAt(0)})): expected a valid value (number, String, array, object, 'true', 'false' or 'null') at ${position(body, index)}`;
	return writeError('JSON_PARSER_ERROR', message);
}

function jacksonToken(value: unknown): string {
	if (Array.isArray(value)) return 'START_ARRAY';
	if (value !== null && typeof value === 'object') return 'START_OBJECT';
	if (typeof value === 'string') return 'VALUE_STRING';
	if (typeof value === 'boolean') return value ? 'VALUE_TRUE' : 'VALUE_FALSE';
	return Number.isInteger(value) ? 'VALUE_NUMBER_INT' : 'VALUE_NUMBER_FLOAT';
}

function cannotDeserialize(target: string, value: unknown): WriteError {
	const shown = Array.isArray(value)
		? '['
		: typeof value === 'object' && value !== null
			? '{'
			: String(value);
	return writeError(
		'JSON_PARSER_ERROR',
		`Cannot deserialize instance of ${target} from ${jacksonToken(value)} value ${shown} or request may be missing a required field`,
	);
}

/** Parses the body into a JSON object, or the error Salesforce gives. */
export function parseBody(
	schemaName: string,
	body: string,
): {object: Record<string, unknown>} | {error: WriteError} {
	if (body.trim() === '') {
		return {
			error: writeError(
				'JSON_PARSER_ERROR',
				'The HTTP entity body is required, but this request has no entity body.',
			),
		};
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse(body);
	} catch (error) {
		return {error: parserError(body, error)};
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		return {error: cannotDeserialize(schemaName, parsed)};
	}
	return {object: parsed as Record<string, unknown>};
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function convert(
	field: FieldSchema,
	value: unknown,
	tables: Tables,
): {value: FieldValue} | {error: WriteError} {
	if (value === null) return {value: null};
	const {type, name} = field;
	if (type === 'boolean') {
		if (typeof value === 'boolean') return {value};
		if (value === 'true' || value === 'false') return {value: value === 'true'};
		return {error: cannotDeserialize('boolean', value)};
	}
	if (type === 'int' || type === 'double' || type === 'currency') {
		const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
		const valid =
			typeof number === 'number' &&
			Number.isFinite(number) &&
			(type !== 'int' || Number.isInteger(number));
		if (!valid) return {error: cannotDeserialize(type === 'int' ? 'int' : 'double', value)};
		return {value: number};
	}
	if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
		return {error: cannotDeserialize('string', value)};
	}
	// Like Salesforce, numbers and booleans sent for a text field are stored as their text.
	const text = String(value);
	if (text === '') return {value: null};
	if (type === 'reference') {
		const target = field.referenceTo === undefined ? undefined : findObject(field.referenceTo);
		const id = canonicalId(text);
		if (!target || id === undefined || !id.startsWith(target.keyPrefix)) {
			return {
				error: writeError('MALFORMED_ID', `${field.label}: id value of incorrect type: ${text}`, [
					name,
				]),
			};
		}
		const table = tables(target.name);
		const index = table ? table.indexOfId(id) : -1;
		if (!table || index < 0)
			return {
				error: writeError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [name]),
			};
		if (table.isDeleted(index))
			return {error: writeError('ENTITY_IS_DELETED', 'entity is deleted', [name])};
		return {value: id};
	}
	if (isTextType(type) && text.length > field.length) {
		return {
			error: writeError(
				'STRING_TOO_LONG',
				`${field.label}: data value too large: ${text} (max length=${field.length})`,
				[name],
			),
		};
	}
	if (type === 'email' && !emailPattern.test(text)) {
		return {
			error: writeError('INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${text}`, [
				name,
			]),
		};
	}
	return {value: text};
}

/**
 * Checks a create or update body against the schema and returns the field changes to apply.
 */
export function checkWrite(
	schema: ObjectSchema,
	body: Record<string, unknown>,
	tables: Tables,
	mode: 'create' | 'update',
): Checked {
	const fields: Array<[FieldSchema, unknown]> = [];
	for (const [key, value] of Object.entries(body)) {
		if (key === 'attributes') continue;
		const field = findField(schema, key);
		if (!field)
			return {
				error: writeError(
					'INVALID_FIELD',
					`No such column '${key}' on sobject of type ${schema.name}`,
				),
			};
		fields.push([field, value]);
	}
	const creating = mode === 'create';
	const readOnly = fields
		.filter(([field]) => (creating ? !field.createable : !field.updateable))
		.map(([field]) => field.name);
	if (readOnly.length > 0) {
		return {
			error: writeError(
				'INVALID_FIELD_FOR_INSERT_UPDATE',
				`Unable to create/update fields: ${readOnly.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
				readOnly,
			),
		};
	}
	const changes: Changes = new Map();
	for (const [field, value] of fields) {
		const converted = convert(field, value, tables);
		if ('error' in converted) return converted;
		changes.set(field, converted.value);
	}
	const missing = schema.fields
		.filter((field) => field.required || (!creating && !field.nillable && field.updateable))
		.filter((field) => {
			if (changes.has(field)) return changes.get(field) === null;
			return creating && field.required;
		})
		.map((field) => field.name);
	if (missing.length > 0) {
		return {
			error: writeError(
				'REQUIRED_FIELD_MISSING',
				`Required fields are missing: [${missing.join(', ')}]`,
				missing,
			),
		};
	}
	return {changes};
}
