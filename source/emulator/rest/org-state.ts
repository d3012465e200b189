// What one request works with: its org's records and query locators, the caller, the API version
// in the URL and the clock.

import type {RestContext} from './context.js';
import {organizationRow, userRow} from './context.js';
import {organizationSchema, userSchema, type ObjectSchema} from './schema.js';
import type {Row} from './seed.js';
import type {Tables} from './soql/evaluate.js';
import {createRowsTable, type OrgStore, type Table} from './store.js';

export type Locator = {
	/** Record indices of the result, in order. */
	readonly indices: readonly number[];
	readonly batchSize: number;
	/** Turns a record index into its JSON record (fields chosen by the query). */
	readonly project: (index: number, version: string) => Record<string, unknown>;
};

export type OrgState = {
	readonly store: OrgStore;
	/** Open query locators, oldest first (a Map keeps insertion order). */
	readonly locators: Map<string, Locator>;
	nextLocator: number;
};

export type Env = {
	readonly org: OrgState;
	readonly context: RestContext;
	/** API version of the URL, e.g. '66.0'. */
	readonly version: string;
	/** Epoch milliseconds for LastModifiedDate and friends. */
	readonly now: () => number;
	readonly user: Row;
	readonly tables: Tables;
	/** The table of a known object; every schema in schema.ts has one. */
	readonly table: (schema: ObjectSchema) => Table;
};

export function createEnv(
	org: OrgState,
	context: RestContext,
	version: string,
	now: () => number,
): Env {
	const user = userRow(context);
	const users = createRowsTable(userSchema, [user]);
	const byName: Record<string, Table> = {
		Account: org.store.accounts,
		Contact: org.store.contacts,
		User: users,
		// Built from the request like User, so another org's Organization id is simply not found.
		Organization: createRowsTable(organizationSchema, [organizationRow(context)]),
	};
	const table = (schema: ObjectSchema): Table => {
		const found = byName[schema.name];
		if (!found) throw new Error(`No table for ${schema.name}`);
		return found;
	};
	return {org, context, version, now, user, tables: (objectName) => byName[objectName], table};
}
