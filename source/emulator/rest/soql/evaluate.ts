// Runs a resolved query over a table's record indices: filter, sort, and build the JSON records
// Salesforce returns (attributes first, then the selected fields in SELECT order, parents as
// nested objects). Field access is compiled once per query into index → value functions.

import {formatDateTime} from '../dates.js';
import {isTextType, type FieldSchema} from '../schema.js';
import type {FieldValue} from '../seed.js';
import type {Table} from '../store.js';
import type {LikePart} from './lexer.js';
import type {BoundCondition, BoundField, Plan, Value} from './resolve.js';

/** The table of an object by name (Account, Contact, Organization, User). */
export type Tables = (objectName: string) => Table | undefined;

type Step = {readonly reference: FieldSchema; readonly from: Table; readonly to: Table};

function steps(root: Table, bound: BoundField, tables: Tables): Step[] | undefined {
	const result: Step[] = [];
	let from = root;
	for (const reference of bound.path) {
		const to = reference.referenceTo === undefined ? undefined : tables(reference.referenceTo);
		if (!to) return undefined;
		result.push({reference, from, to});
		from = to;
	}
	return result;
}

/** Index of the record a reference field points to, or -1. */
export function follow(step: Step, index: number): number {
	const fast = step.from.referenceIndex(step.reference.name, index);
	if (fast !== undefined) return fast;
	const id = step.from.reader(step.reference.name)(index);
	return typeof id === 'string' ? step.to.indexOfId(id) : -1;
}

/** index → value of a (possibly parent) field; null when a parent is missing. */
export function compileGetter(
	root: Table,
	bound: BoundField,
	tables: Tables,
): (index: number) => FieldValue {
	const path = steps(root, bound, tables);
	if (!path) return () => null;
	const last = path.at(-1);
	const read = (last?.to ?? root).reader(bound.field.name);
	if (path.length === 0) return read;
	return (index) => {
		let current = index;
		for (const step of path) {
			current = follow(step, current);
			if (current < 0) return null;
		}
		return read(current);
	};
}

/** index → the value as compared and sorted: text case-insensitively, the rest as stored. */
function compiledComparable(
	root: Table,
	bound: BoundField,
	tables: Tables,
): (index: number) => Value {
	const get = compileGetter(root, bound, tables);
	return isTextType(bound.field.type)
		? (index) => {
				const value = get(index);
				return typeof value === 'string' ? value.toLowerCase() : value;
			}
		: get;
}

function codePointLength(text: string, index: number): number {
	const code = text.codePointAt(index) ?? 0;
	return code > 0xff_ff ? 2 : 1;
}

/** LIKE matching without regular expressions, so no pattern can backtrack exponentially. */
export function likeMatches(pattern: readonly LikePart[], text: string): boolean {
	let part = 0;
	let index = 0;
	let star = -1;
	let starIndex = 0;
	while (index < text.length) {
		const current = pattern[part];
		if (current === 'any') {
			star = part++;
			starIndex = index;
			continue;
		}
		if (current === 'one') {
			part++;
			index += codePointLength(text, index);
			continue;
		}
		if (current && text.startsWith(current.character, index)) {
			part++;
			index += current.character.length;
			continue;
		}
		if (star < 0) return false;
		part = star + 1;
		starIndex += codePointLength(text, starIndex);
		index = starIndex;
	}
	while (pattern[part] === 'any') part++;
	return part === pattern.length;
}

function compare(left: Value, operator: string, right: Value): boolean {
	if (operator === '=') return left === right;
	if (operator === '!=') return left !== right;
	if (left === null || right === null) return false;
	if (operator === '<') return left < right;
	if (operator === '<=') return left <= right;
	if (operator === '>') return left > right;
	return left >= right;
}

/** Turns a condition into a predicate over record indices of `root`. */
export function compileCondition(
	condition: BoundCondition,
	root: Table,
	tables: Tables,
): (index: number) => boolean {
	switch (condition.kind) {
		case 'and': {
			const operands = condition.operands.map((operand) => compileCondition(operand, root, tables));
			return (index) => operands.every((operand) => operand(index));
		}
		case 'or': {
			const operands = condition.operands.map((operand) => compileCondition(operand, root, tables));
			return (index) => operands.some((operand) => operand(index));
		}
		case 'not': {
			const operand = compileCondition(condition.operand, root, tables);
			return (index) => !operand(index);
		}
		case 'compare': {
			const {operator, value} = condition;
			const get = compiledComparable(root, condition.field, tables);
			return (index) => compare(get(index), operator, value);
		}
		case 'like': {
			const {pattern} = condition;
			const get = compiledComparable(root, condition.field, tables);
			return (index) => {
				const value = get(index);
				return typeof value === 'string' && likeMatches(pattern, value);
			};
		}
		case 'in': {
			const {negated} = condition;
			const values = new Set(condition.values);
			const get = compiledComparable(root, condition.field, tables);
			return (index) => values.has(get(index)) !== negated;
		}
	}
}

/** Sorts by the ORDER BY list; stable, so equal keys keep id order. */
export function sortIndices(
	indices: readonly number[],
	orderBy: Plan['orderBy'],
	root: Table,
	tables: Tables,
): number[] {
	if (orderBy.length === 0) return [...indices];
	const getters = orderBy.map((item) => compiledComparable(root, item.field, tables));
	const decorated = indices.map((index) => ({index, keys: getters.map((get) => get(index))}));
	decorated.sort((left, right) => {
		for (const [position, item] of orderBy.entries()) {
			const a = left.keys[position] ?? null;
			const b = right.keys[position] ?? null;
			if (a === b) continue;
			if (a === null) return item.nullsLast ? 1 : -1;
			if (b === null) return item.nullsLast ? -1 : 1;
			const order = a < b ? -1 : 1;
			return item.descending ? -order : order;
		}
		return 0;
	});
	return decorated.map((item) => item.index);
}

export function recordAttributes(
	objectName: string,
	id: FieldValue | undefined,
	version: string,
): {type: string; url: string} {
	return {type: objectName, url: `/services/data/v${version}/sobjects/${objectName}/${String(id)}`};
}

/** A stored value as it goes on the wire: datetimes formatted, everything else unchanged. */
export function wireValue(field: FieldSchema, value: FieldValue | undefined): FieldValue {
	if (value === undefined || value === null) return null;
	return field.type === 'datetime' && typeof value === 'number' ? formatDateTime(value) : value;
}

type Json = Record<string, unknown>;

type Projected = {
	readonly bound: BoundField;
	readonly path: readonly Step[];
	readonly read: (index: number) => FieldValue;
};

function putNested(record: Json, item: Projected, index: number, version: string): void {
	let container = record;
	let current = index;
	for (const [position, step] of item.path.entries()) {
		const key = item.bound.output[position] ?? step.reference.name;
		const existing = container[key];
		if (existing === null) return;
		current = follow(step, current);
		if (current < 0) {
			container[key] = null;
			return;
		}
		if (existing === undefined) {
			const id = step.to.reader('Id')(current);
			container[key] = {attributes: recordAttributes(step.to.schema.name, id, version)};
		}
		container = container[key] as Json;
	}
	container[item.bound.field.name] = wireValue(item.bound.field, item.read(current));
}

/** index → JSON record: `attributes`, then the selected fields in order, parents nested. */
export function compileProjection(
	root: Table,
	fields: readonly BoundField[],
	tables: Tables,
): (index: number, version: string) => Json {
	const readId = root.reader('Id');
	const items: Projected[] = fields.map((bound) => {
		const path = steps(root, bound, tables) ?? [];
		return {bound, path, read: (path.at(-1)?.to ?? root).reader(bound.field.name)};
	});
	return (index, version) => {
		const record: Json = {attributes: recordAttributes(root.schema.name, readId(index), version)};
		for (const item of items) {
			if (item.path.length === 0)
				record[item.bound.field.name] = wireValue(item.bound.field, item.read(index));
			else putNested(record, item, index, version);
		}
		return record;
	};
}
