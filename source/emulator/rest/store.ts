// Per-org record storage. A table holds seeded records as columns (see seed.ts), records changed
// through the API as materialised rows that override them, and created records appended after
// the seeded ones. A record's id encodes its index (serial = org base + index), so finding a
// record by id needs no index map. Deleted records stay with IsDeleted = true (queryAll sees them).

import {makeId18, to18} from '../ids.js';
import {hashString} from './random.js';
import {accountSchema, contactSchema, type ObjectSchema} from './schema.js';
import {seedOrg, type FieldValue, type Row, type SeededObject} from './seed.js';

export type Table = {
	readonly schema: ObjectSchema;
	/** Number of records, deleted ones included; indices run from 0 to size() - 1. */
	size(): number;
	/** A reader for one field over record indices. */
	reader(field: string): (index: number) => FieldValue;
	/** A copy of the whole record, fields in schema order. */
	row(index: number): Row;
	isDeleted(index: number): boolean;
	liveCount(): number;
	/** Index of the record with this 18-character id, or -1. */
	indexOfId(id: string): number;
	/** Cheap index of a referenced record when the table knows it, e.g. a seeded Contact's Account. */
	referenceIndex(field: string, index: number): number | undefined;
	update(index: number, changes: Readonly<Row>): void;
	markDeleted(index: number): void;
	/** Appends a record, giving it the next id of its object; returns its index. */
	append(row: Row): number;
};

export type OrgStore = {
	readonly serialBase: number;
	readonly ownerId: string;
	readonly accounts: Table;
	readonly contacts: Table;
};

/** makeId15's default pod marker; the emulator never uses another one. */
const podMarker = '5g0';
const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const idShape = /^[a-zA-Z\d]{15}(?:[a-zA-Z\d]{3})?$/;

/** True for text shaped like a 15- or 18-character id (letters and digits only). */
export function looksLikeId(value: string): boolean {
	return idShape.test(value);
}

/**
 * The 18-character form of a 15- or 18-character id; undefined when the text is not an id or an
 * 18-character id's suffix does not match its case (ids are case-sensitive).
 */
export function canonicalId(id: string): string | undefined {
	if (!looksLikeId(id)) return undefined;
	const id18 = to18(id.slice(0, 15));
	return id.length === 15 || id18 === id ? id18 : undefined;
}

/** Ids of different orgs differ: each org's serials start at a base derived from its id. */
export function serialBaseFor(orgId: string): number {
	return (hashString(orgId.slice(0, 15)) % 1_000_000) * 10_000_000 + 1;
}

function decodeSerial(id: string): number {
	let serial = 0;
	for (let index = 6; index < 15; index++) {
		const digit = base62.indexOf(id.charAt(index));
		if (digit < 0) return -1;
		serial = serial * 62 + digit;
	}
	return serial;
}

type TableOptions = {
	readonly schema: ObjectSchema;
	readonly seeded: SeededObject;
	readonly serialBase: number;
	readonly referenceIndex?: (field: string, index: number) => number | undefined;
};

function createTable(options: TableOptions): Table {
	const {schema, seeded, serialBase} = options;
	const overrides = new Map<number, Row>();
	const created: Row[] = [];
	const readers = new Map<string, (index: number) => FieldValue>();
	let deleted = 0;
	const size = () => seeded.count + created.length;
	const stored = (index: number): Row | undefined =>
		index >= seeded.count ? created[index - seeded.count] : overrides.get(index);

	function reader(field: string): (index: number) => FieldValue {
		let read = readers.get(field);
		if (!read) {
			const seed = seeded.readers[field];
			read = (index) => {
				const row = overrides.size === 0 && index < seeded.count ? undefined : stored(index);
				if (row) return row[field] ?? null;
				return seed && index < seeded.count ? seed(index) : null;
			};
			readers.set(field, read);
		}
		return read;
	}

	function row(index: number): Row {
		const existing = stored(index);
		if (existing) return {...existing};
		const materialised: Row = {};
		for (const field of schema.fields) materialised[field.name] = reader(field.name)(index);
		return materialised;
	}

	function update(index: number, changes: Readonly<Row>): void {
		const target = stored(index) ?? row(index);
		Object.assign(target, changes);
		if (index < seeded.count) overrides.set(index, target);
	}

	return {
		schema,
		size,
		reader,
		row,
		isDeleted: (index) => reader('IsDeleted')(index) === true,
		liveCount: () => size() - deleted,
		indexOfId(id) {
			if (id.length !== 18 || !id.startsWith(schema.keyPrefix + podMarker)) return -1;
			const index = decodeSerial(id) - serialBase;
			return index >= 0 && index < size() && reader('Id')(index) === id ? index : -1;
		},
		referenceIndex(field, index) {
			if (index >= seeded.count || overrides.has(index)) return undefined;
			return options.referenceIndex?.(field, index);
		},
		update,
		markDeleted(index) {
			if (reader('IsDeleted')(index) === true) return;
			update(index, {IsDeleted: true});
			deleted++;
		},
		append(newRow) {
			const index = size();
			created.push({...newRow, Id: makeId18(schema.keyPrefix, serialBase + index)});
			return index;
		},
	};
}

/** A read-only table over a few plain rows (the token's User). */
export function createRowsTable(schema: ObjectSchema, rows: readonly Row[]): Table {
	const readOnly = (): never => {
		throw new Error(`${schema.name} records are read-only`);
	};
	return {
		schema,
		size: () => rows.length,
		reader: (field) => (index) => rows[index]?.[field] ?? null,
		row: (index) => ({...rows[index]}),
		isDeleted: () => false,
		liveCount: () => rows.length,
		indexOfId: (id) => rows.findIndex((row) => row['Id'] === id),
		referenceIndex: () => undefined,
		update: readOnly,
		markDeleted: readOnly,
		append: readOnly,
	};
}

export function createOrgStore(options: {
	readonly orgId: string;
	readonly records: number;
	readonly ownerId: string;
}): OrgStore {
	const serialBase = serialBaseFor(options.orgId);
	const seeded = seedOrg({
		records: options.records,
		orgId: options.orgId.slice(0, 15),
		ownerId: options.ownerId,
		serialBase,
	});
	const {accountIndex} = seeded.contacts;
	return {
		serialBase,
		ownerId: options.ownerId,
		accounts: createTable({schema: accountSchema, seeded: seeded.accounts, serialBase}),
		contacts: createTable({
			schema: contactSchema,
			seeded: seeded.contacts,
			serialBase,
			referenceIndex: (field, index) => (field === 'AccountId' ? accountIndex[index] : undefined),
		}),
	};
}
