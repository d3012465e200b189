import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {createRestApi} from '../../../source/emulator/rest/index.js';
import {call, context, createApi, orgId, otherContext, otherOrgId, query, v} from './helpers.js';

const probes = [
	'SELECT Id, Name, Industry, Phone, Website, AnnualRevenue, CreatedDate, LastModifiedDate FROM Account',
	'SELECT Id, Name, Email, Phone, MobilePhone, Title, MailingCity, Account.Name FROM Contact ORDER BY Name',
];

test('determinism: two instances with the same records and org give identical bodies', () => {
	const first = createApi(3000);
	const second = createApi(3000);
	for (const soql of probes) {
		const a = query(first, soql);
		const b = query(second, soql);
		assert.equal(a.status, 200);
		assert.equal(
			a.body.replaceAll(/01g[A-Za-z\d]{15}/g, 'LOCATOR'),
			b.body.replaceAll(/01g[A-Za-z\d]{15}/g, 'LOCATOR'),
		);
	}
	assert.equal(
		call(first, `${v}/sobjects/Account/describe`).body,
		call(second, `${v}/sobjects/Account/describe`).body,
	);
	// Created records get the same ids and dates too (the default clock counts, it does not read time).
	const body = '{"Name": "Same"}';
	assert.equal(
		call(first, `${v}/sobjects/Account`, {method: 'POST', body}).body,
		call(second, `${v}/sobjects/Account`, {method: 'POST', body}).body,
	);
});

test('another org, or another record count, gives other data', () => {
	const api = createApi(20);
	const mine = query(api, probes[0] ?? '');
	const theirs = query(api, probes[0] ?? '', {context: otherContext});
	assert.notEqual(mine.body, theirs.body);
	const bigger = createRestApi({records: 21, orgIds: [orgId, otherOrgId]});
	assert.notEqual(query(bigger, `${probes[0] ?? ''} LIMIT 20`).body, mine.body);
});

test('an injected clock stamps written records', () => {
	const now = Date.UTC(2026, 10, 28, 9, 30, 15, 250);
	const api = createRestApi({records: 1, orgIds: [orgId], now: () => now});
	const created = call(api, `${v}/sobjects/Account`, {method: 'POST', body: '{"Name": "Clocked"}'});
	const id = (created.json as {id: string}).id;
	const record = call(api, `${v}/sobjects/Account/${id}`).json as Record<string, unknown>;
	assert.equal(record['CreatedDate'], '2026-11-28T09:30:15.000+0000');
	assert.equal(record['LastModifiedDate'], '2026-11-28T09:30:15.000+0000');
});

test('property: any q gives 200 or a 400 error array, never an exception or a 500', () => {
	const api = createApi(30);
	const soqlish = fc
		.array(
			fc.constantFrom(
				'SELECT',
				'FROM',
				'WHERE',
				'Id',
				'Name',
				'Account.Name',
				'Owner.Name',
				'Account',
				'Contact',
				'User',
				'Organization',
				'IsSandbox',
				'COUNT()',
				'COUNT(Id)',
				'FIELDS(ALL)',
				',',
				'=',
				'!=',
				'<',
				'LIKE',
				'IN',
				'(',
				')',
				"'a%'",
				"'001'",
				'5',
				'null',
				'true',
				'AND',
				'OR',
				'NOT',
				'ORDER BY',
				'DESC',
				'LIMIT',
				'OFFSET',
				'2024-01-01T00:00:00Z',
				'CreatedDate',
				'AnnualRevenue',
				'IsDeleted',
			),
			{maxLength: 20},
		)
		.map((words) => words.join(' '));
	const check = (soql: string) => {
		const result = query(api, soql);
		assert.ok(
			result.status === 200 || result.status === 400,
			`${result.status} for ${soql}: ${result.body}`,
		);
		if (result.status === 400) {
			const [error] = result.json as Array<{errorCode: string; message: string}>;
			assert.ok(error && typeof error.errorCode === 'string' && typeof error.message === 'string');
		}
	};
	fc.assert(fc.property(fc.string({unit: 'binary', maxLength: 120}), check), {numRuns: 1000});
	fc.assert(fc.property(soqlish, check), {numRuns: 1500});
	fc.assert(
		fc.property(soqlish, (tail) => check(`SELECT Id, Name FROM Account ${tail}`)),
		{numRuns: 1500},
	);
});

test('property: any path under /services gives a JSON answer, never a 500', () => {
	const api = createApi(5);
	const segment = fc.oneof(
		fc.constantFrom(
			'services',
			'data',
			'apexrest',
			'v66.0',
			'latest',
			'sobjects',
			'Account',
			'contact',
			'User',
			'Organization',
			'describe',
			'query',
			'queryAll',
			'limits',
			'Contacts',
			'',
			'%',
			'%zz',
			'0015g00000000AAAAA',
		),
		fc.string({maxLength: 8}).map((text) => encodeURIComponent(text)),
	);
	const method = fc.constantFrom('GET', 'HEAD', 'POST', 'PATCH', 'DELETE', 'PUT');
	fc.assert(
		fc.property(
			fc.array(segment, {maxLength: 6}),
			method,
			fc.string({maxLength: 20}),
			(segments, verb, body) => {
				const pathname = `/services/${segments.join('/')}`;
				const result = api.handle({
					method: verb,
					pathname,
					search: new URLSearchParams(),
					body,
					headers: {},
					context,
				});
				assert.ok(
					result.status < 500 || result.body.includes('APEX_ERROR'),
					`${verb} ${pathname}: ${result.status} ${result.body}`,
				);
				if (result.body !== '') JSON.parse(result.body);
			},
		),
		{numRuns: 2000},
	);
});
