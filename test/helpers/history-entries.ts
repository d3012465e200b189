// History entries for tests: realistic orgs and requests, made quickly in bulk.
import {
	buildHistoryEntry,
	type HistoryEntry,
	type HistoryInput,
	type HistoryOrg,
} from '../../source/core/history-entry.js';

export const uatOrg: HistoryOrg = {
	alias: 'acme-uat',
	orgId: '00D5g000004XyZaEAK',
	username: 'ada@acme.com.uat',
	sandbox: true,
	instanceUrl: 'https://acme--uat.sandbox.my.salesforce.com',
};

export const prodOrg: HistoryOrg = {
	alias: 'acme',
	orgId: '00D5g000001AbCdEAK',
	username: 'ada@acme.com',
	sandbox: false,
	instanceUrl: 'https://acme.my.salesforce.com',
};

export function input(overrides: Partial<HistoryInput> = {}): HistoryInput {
	return {
		org: uatOrg,
		method: 'GET',
		path: '/services/data/v66.0/limits',
		requestHeaders: {Accept: 'application/json'},
		status: 200,
		durationMs: 120,
		contentType: 'application/json',
		responseBody: '{"DailyApiRequests":{"Max":15000,"Remaining":14999}}',
		...overrides,
	};
}

export function entry(index: number, overrides: Partial<HistoryInput> = {}): HistoryEntry {
	return buildHistoryEntry(
		input(overrides),
		`e${String(index).padStart(5, '0')}`,
		1_700_000_000_000 + index * 1000,
	);
}

const methods = ['GET', 'POST', 'PATCH', 'DELETE'] as const;
const statuses = [200, 201, 204, 400, 404, 500] as const;

/** `count` varied entries, oldest first: methods, statuses, orgs and paths cycle. */
export function manyEntries(count: number): HistoryEntry[] {
	const list: HistoryEntry[] = [];
	for (let index = 0; index < count; index++) {
		list.push(
			entry(index, {
				method: methods[index % methods.length] ?? 'GET',
				status: statuses[index % statuses.length] ?? 200,
				org: index % 3 === 0 ? prodOrg : uatOrg,
				path: `/services/apexrest/Contacts/${index}`,
			}),
		);
	}

	return list;
}
