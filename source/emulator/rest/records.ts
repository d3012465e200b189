// Record mutations shared by /sobjects and Apex REST: audit fields, Contact.Name, and the
// cascade from an Account to its Contacts on delete.

import type {Env} from './org-state.js';
import type {Row} from './seed.js';
import type {Table} from './store.js';
import type {Changes} from './write.js';

function stamp(env: Env): Row {
	const now = env.now();
	return {LastModifiedDate: now, SystemModstamp: now, LastModifiedById: env.user['Id'] ?? null};
}

function changedValues(changes: Changes): Row {
	const values: Row = {};
	for (const [field, value] of changes) values[field.name] = value;
	return values;
}

/** Contact.Name is computed from its parts. */
function withName(table: Table, index: number | undefined, values: Row): Row {
	if (table.schema.name !== 'Contact' || (!('FirstName' in values) && !('LastName' in values))) {
		return values;
	}
	const read = (field: string) =>
		field in values
			? (values[field] ?? null)
			: index === undefined
				? null
				: table.reader(field)(index);
	const first = read('FirstName');
	const last = read('LastName');
	return {...values, Name: typeof first === 'string' ? `${first} ${String(last)}` : last};
}

/** Inserts a checked record owned by the caller (unless OwnerId was given); returns its index. */
export function createRecord(env: Env, table: Table, changes: Changes): number {
	const now = env.now();
	const userId = env.user['Id'] ?? null;
	const row: Row = {};
	for (const field of table.schema.fields) row[field.name] = null;
	Object.assign(row, {
		IsDeleted: false,
		OwnerId: userId,
		CreatedDate: now,
		CreatedById: userId,
		LastModifiedDate: now,
		LastModifiedById: userId,
		SystemModstamp: now,
	});
	Object.assign(row, withName(table, undefined, changedValues(changes)));
	if (row['OwnerId'] === null) row['OwnerId'] = userId;
	return table.append(row);
}

export function updateRecord(env: Env, table: Table, index: number, changes: Changes): void {
	table.update(index, {...withName(table, index, changedValues(changes)), ...stamp(env)});
}

/** Marks a record deleted; deleting an Account deletes its Contacts, as Salesforce cascades. */
export function deleteRecord(env: Env, table: Table, index: number): void {
	table.markDeleted(index);
	table.update(index, stamp(env));
	if (table.schema.name !== 'Account') return;
	const contacts = env.tables('Contact');
	const id = table.reader('Id')(index);
	if (!contacts) return;
	const accountOf = contacts.reader('AccountId');
	for (let child = 0; child < contacts.size(); child++) {
		const fast = contacts.referenceIndex('AccountId', child);
		const matches = fast === undefined ? accountOf(child) === id : fast === index;
		if (matches && !contacts.isDeleted(child)) {
			contacts.markDeleted(child);
			contacts.update(child, stamp(env));
		}
	}
}
