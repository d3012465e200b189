// Binds a parsed query to the schema: object and field names become canonical, literals are
// checked against field types and normalised for evaluation. Errors are the ones Salesforce
// reports after parsing: INVALID_TYPE, INVALID_FIELD, INVALID_QUERY_FILTER_OPERATOR, …

import {
	findField,
	findObject,
	findRelationship,
	isTextType,
	type FieldSchema,
	type FieldType,
	type ObjectSchema,
} from '../schema.js';
import {canonicalId} from '../store.js';
import type {ComparisonOperator, Condition, Literal, Name, Query, SoqlError} from './ast.js';
import type {LikePart} from './lexer.js';

export type BoundField = {
	/** Reference fields followed from the queried object, e.g. [Contact.AccountId]. */
	readonly path: readonly FieldSchema[];
	readonly field: FieldSchema;
	/** Output keys: ['Account', 'Name'] for Account.Name. */
	readonly output: readonly string[];
};

/** A literal normalised for comparison: text lower-cased, ids 18 characters, datetimes in ms. */
export type Value = string | number | boolean | null;

export type BoundCondition =
	| {readonly kind: 'and' | 'or'; readonly operands: readonly BoundCondition[]}
	| {readonly kind: 'not'; readonly operand: BoundCondition}
	| {
			readonly kind: 'compare';
			readonly field: BoundField;
			readonly operator: ComparisonOperator;
			readonly value: Value;
	  }
	| {readonly kind: 'like'; readonly field: BoundField; readonly pattern: readonly LikePart[]}
	| {
			readonly kind: 'in';
			readonly field: BoundField;
			readonly negated: boolean;
			readonly values: readonly Value[];
	  };

export type Plan = {
	readonly object: ObjectSchema;
	readonly shape:
		| {readonly kind: 'records'; readonly fields: readonly BoundField[]}
		| {readonly kind: 'count'}
		| {
				readonly kind: 'aggregate';
				readonly counts: ReadonlyArray<{readonly field?: BoundField; readonly key: string}>;
		  };
	readonly where?: BoundCondition;
	readonly orderBy: ReadonlyArray<{
		readonly field: BoundField;
		readonly descending: boolean;
		readonly nullsLast: boolean;
	}>;
	readonly limit?: number;
	readonly offset?: number;
};

class ResolveFailure extends Error {
	readonly error: SoqlError;
	constructor(errorCode: string, offset: number, message: string) {
		super(message);
		this.error = {errorCode, offset, message};
	}
}

const wsdlHint = 'Please reference your WSDL or the describe call for the appropriate names.';

function bindField(object: ObjectSchema, name: Name): BoundField {
	const segments = name.text.split('.');
	// `SELECT Account.Name FROM Account` is allowed: a leading object name is dropped.
	if (segments.length > 1 && segments[0]?.toLowerCase() === object.name.toLowerCase()) {
		segments.shift();
	}
	const path: FieldSchema[] = [];
	const output: string[] = [];
	let current = object;
	for (const segment of segments.slice(0, -1)) {
		const reference = findRelationship(current, segment);
		const target =
			reference?.referenceTo === undefined ? undefined : findObject(reference.referenceTo);
		if (!reference?.relationshipName || !target) {
			throw new ResolveFailure(
				'INVALID_FIELD',
				name.offset,
				`Didn't understand relationship '${segment}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. ${wsdlHint}`,
			);
		}
		path.push(reference);
		output.push(reference.relationshipName);
		current = target;
	}
	const last = segments.at(-1) ?? name.text;
	const field = findField(current, last);
	if (!field) {
		throw new ResolveFailure(
			'INVALID_FIELD',
			name.offset,
			`No such column '${last}' on entity '${current.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. ${wsdlHint}`,
		);
	}
	output.push(field.name);
	return {path, field, output};
}

function typeName(type: FieldType): string {
	if (type === 'id' || type === 'reference') return 'id';
	if (isTextType(type)) return 'string';
	if (type === 'int') return 'integer';
	if (type === 'double' || type === 'currency') return 'double';
	if (type === 'datetime') return 'dateTime';
	return type;
}

function wrongType(field: BoundField, literal: Literal): ResolveFailure {
	const expected = typeName(field.field.type);
	const quoted = expected === 'id' || expected === 'string';
	return new ResolveFailure(
		'INVALID_QUERY_FILTER_OPERATOR',
		literal.offset,
		`value of filter criterion for field '${field.field.name}' must be of type ${expected} and should ${quoted ? '' : 'not '}be enclosed in quotes`,
	);
}

function bindValue(field: BoundField, literal: Literal): Value {
	if (literal.kind === 'null') return null;
	const type = field.field.type;
	if (type === 'id' || type === 'reference') {
		if (literal.kind !== 'string') throw wrongType(field, literal);
		const id = canonicalId(literal.value);
		if (id === undefined) {
			throw new ResolveFailure(
				'MALFORMED_QUERY',
				literal.offset,
				`invalid ID field: ${literal.value}`,
			);
		}
		return id;
	}
	if (isTextType(type)) {
		if (literal.kind !== 'string') throw wrongType(field, literal);
		return literal.value.toLowerCase();
	}
	if (type === 'boolean') {
		if (literal.kind !== 'boolean') throw wrongType(field, literal);
		return literal.value;
	}
	if (type === 'datetime') {
		if (literal.kind !== 'datetime') throw wrongType(field, literal);
		return literal.value;
	}
	if (literal.kind !== 'number') throw wrongType(field, literal);
	return literal.value;
}

function bindCondition(object: ObjectSchema, condition: Condition): BoundCondition {
	switch (condition.kind) {
		case 'and':
		case 'or': {
			return {
				kind: condition.kind,
				operands: condition.operands.map((operand) => bindCondition(object, operand)),
			};
		}
		case 'not': {
			return {kind: 'not', operand: bindCondition(object, condition.operand)};
		}
		case 'compare': {
			const field = bindField(object, condition.field);
			const ordered = condition.operator !== '=' && condition.operator !== '!=';
			if (ordered && field.field.type === 'boolean') {
				throw new ResolveFailure(
					'INVALID_QUERY_FILTER_OPERATOR',
					condition.field.offset,
					`invalid operator on boolean field: ${field.field.name}`,
				);
			}
			return {
				kind: 'compare',
				field,
				operator: condition.operator,
				value: bindValue(field, condition.value),
			};
		}
		case 'like': {
			const field = bindField(object, condition.field);
			if (!isTextType(field.field.type)) {
				throw new ResolveFailure(
					'INVALID_QUERY_FILTER_OPERATOR',
					condition.field.offset,
					`invalid operator on ${typeName(field.field.type)} field: ${field.field.name}`,
				);
			}
			if (condition.value.kind !== 'string') throw wrongType(field, condition.value);
			const pattern = condition.value.pattern.map((part) =>
				typeof part === 'string' ? part : {character: part.character.toLowerCase()},
			);
			return {kind: 'like', field, pattern};
		}
		case 'in': {
			const field = bindField(object, condition.field);
			const values = condition.values.map((value) => bindValue(field, value));
			return {kind: 'in', field, negated: condition.negated, values};
		}
	}
}

function bindShape(object: ObjectSchema, query: Query): Plan['shape'] {
	const counts = query.select.filter((item) => item.kind === 'count');
	const bare = counts.find((item) => item.field === undefined);
	if (bare) {
		const other = query.select.find((item) => item !== bare);
		if (other) {
			const offset = other.kind === 'field' ? other.name.offset : other.offset;
			throw new ResolveFailure(
				'MALFORMED_QUERY',
				offset,
				'COUNT() must be the only element in the SELECT list',
			);
		}
		return {kind: 'count'};
	}
	if (counts.length > 0) {
		const plain = query.select.find((item) => item.kind !== 'count');
		if (plain) {
			const label = plain.kind === 'field' ? plain.name.text : 'FIELDS()';
			const offset = plain.kind === 'field' ? plain.name.offset : plain.offset;
			throw new ResolveFailure(
				'MALFORMED_QUERY',
				offset,
				`Field must be grouped or aggregated: ${label}`,
			);
		}
		return {
			kind: 'aggregate',
			counts: counts.map((item, index) => ({
				...(item.field ? {field: bindField(object, item.field)} : {}),
				key: item.alias ?? `expr${index}`,
			})),
		};
	}
	const fields: BoundField[] = [];
	const seen = new Set<string>();
	for (const item of query.select) {
		if (item.kind === 'fields') {
			if (item.which === 'ALL' && (query.limit === undefined || query.limit.value > 200)) {
				throw new ResolveFailure(
					'MALFORMED_QUERY',
					item.offset,
					'The SOQL FIELDS function must have a LIMIT of at most 200',
				);
			}
			for (const field of object.fields) {
				if (seen.has(field.name.toLowerCase())) continue;
				seen.add(field.name.toLowerCase());
				fields.push({path: [], field, output: [field.name]});
			}
			continue;
		}
		if (item.kind !== 'field') continue;
		const bound = bindField(object, item.name);
		const key = bound.output.join('.').toLowerCase();
		if (seen.has(key)) {
			throw new ResolveFailure(
				'MALFORMED_QUERY',
				item.name.offset,
				`duplicate field selected: ${bound.output.join('.')}`,
			);
		}
		seen.add(key);
		fields.push(bound);
	}
	return {kind: 'records', fields};
}

/** Resolves names and literals; never throws: failures come back as values. */
export function resolveQuery(query: Query): {plan: Plan} | {error: SoqlError} {
	try {
		const object = findObject(query.from.text);
		if (!object) {
			throw new ResolveFailure(
				'INVALID_TYPE',
				query.from.offset,
				`sObject type '${query.from.text}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. ${wsdlHint}`,
			);
		}
		const shape = bindShape(object, query);
		const where = query.where ? bindCondition(object, query.where) : undefined;
		const orderBy = query.orderBy.map((item) => ({
			field: bindField(object, item.name),
			descending: item.descending,
			nullsLast: item.nullsLast,
		}));
		if (query.offset && query.offset.value > 2000) {
			throw new ResolveFailure(
				'NUMBER_OUTSIDE_VALID_RANGE',
				query.offset.offset,
				'Maximum SOQL offset allowed is 2000',
			);
		}
		return {
			plan: {
				object,
				shape,
				...(where ? {where} : {}),
				orderBy,
				...(query.limit ? {limit: query.limit.value} : {}),
				...(query.offset ? {offset: query.offset.value} : {}),
			},
		};
	} catch (error) {
		if (error instanceof ResolveFailure) return {error: error.error};
		throw error;
	}
}
