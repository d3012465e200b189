import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	call,
	context,
	createApi,
	expectError,
	query,
	records,
	userId,
	v,
	type QueryBody,
} from './helpers.js';

type Account = Record<string, string | number | boolean | null>;

const api = createApi(60);
const accountFields =
	'Id, Name, Type, Industry, Rating, BillingCity, BillingCountry, Phone, Website, AnnualRevenue, NumberOfEmployees, IsDeleted, CreatedDate';
const accounts = records(query(api, `SELECT ${accountFields} FROM Account`)) as Account[];

function ids(rows: ReadonlyArray<Record<string, unknown>>): unknown[] {
	return rows.map((row) => row['Id']);
}

test('records: attributes first, then the selected fields in SELECT order with canonical names', () => {
	const body = query(api, 'select name, ID, billingcity from ACCOUNT limit 2').json as QueryBody;
	assert.equal(body.totalSize, 2);
	assert.equal(body.done, true);
	assert.equal(body.nextRecordsUrl, undefined);
	const [first] = body.records;
	assert.ok(first);
	assert.deepEqual(Object.keys(first), ['attributes', 'Name', 'Id', 'BillingCity']);
	assert.deepEqual(first['attributes'], {
		type: 'Account',
		url: `${v}/sobjects/Account/${String(first['Id'])}`,
	});
	assert.match(String(first['Id']), /^001[A-Za-z\d]{15}$/);
	assert.deepEqual(Object.keys(body), ['totalSize', 'done', 'records']);
});

test('seeded values look like Salesforce data', () => {
	assert.equal(accounts.length, 60);
	assert.equal(accounts[0]?.['Name'], 'Edge Communications');
	for (const account of accounts) {
		assert.match(
			String(account['CreatedDate']),
			/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000\+0000$/,
		);
		assert.equal(account['IsDeleted'], false);
		assert.match(String(account['Website']), /^www\.[a-z\d]+\.com$/);
	}
	// Ids and creation dates rise together, as in a real org.
	const created = accounts.map((account) => String(account['CreatedDate']));
	assert.deepEqual([...created].sort(), created);
	assert.ok(accounts.some((account) => account['Industry'] === null));
	assert.ok(accounts.some((account) => typeof account['AnnualRevenue'] === 'number'));
});

const lower = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value);
const firstAccount = accounts[5] ?? {};
const someIndustry = accounts.find((account) => account['Industry'] !== null)?.['Industry'];
const midRevenue = accounts
	.map((account) => account['AnnualRevenue'])
	.filter((value) => typeof value === 'number')
	.sort((a, b) => Number(a) - Number(b))[10];
const midCreated = String(accounts[30]?.['CreatedDate']);

const filters: ReadonlyArray<[string, (account: Account) => boolean]> = [
	[
		`Name = '${String(firstAccount['Name'])
			.toUpperCase()
			.replaceAll("'", String.raw`\'`)}'`,
		(a) => lower(a['Name']) === lower(firstAccount['Name']),
	],
	[`Industry = '${String(someIndustry)}'`, (a) => a['Industry'] === someIndustry],
	[`Industry != '${String(someIndustry)}'`, (a) => a['Industry'] !== someIndustry],
	['Industry = null', (a) => a['Industry'] === null],
	['Industry != null', (a) => a['Industry'] !== null],
	[
		`AnnualRevenue > ${String(midRevenue)}`,
		(a) => typeof a['AnnualRevenue'] === 'number' && a['AnnualRevenue'] > Number(midRevenue),
	],
	[
		`AnnualRevenue >= ${String(midRevenue)}`,
		(a) => typeof a['AnnualRevenue'] === 'number' && a['AnnualRevenue'] >= Number(midRevenue),
	],
	[
		`AnnualRevenue < ${String(midRevenue)}`,
		(a) => typeof a['AnnualRevenue'] === 'number' && a['AnnualRevenue'] < Number(midRevenue),
	],
	[
		`AnnualRevenue <= ${String(midRevenue)}`,
		(a) => typeof a['AnnualRevenue'] === 'number' && a['AnnualRevenue'] <= Number(midRevenue),
	],
	["Name LIKE 'u%'", (a) => String(a['Name']).toLowerCase().startsWith('u')],
	["Name LIKE '%S'", (a) => String(a['Name']).toLowerCase().endsWith('s')],
	["Name LIKE '%o_%'", (a) => /o./i.test(String(a['Name']))],
	["Name LIKE 'GenePoint'", (a) => a['Name'] === 'GenePoint'],
	[
		"BillingCity IN ('London', 'paris', 'Zürich')",
		(a) => ['london', 'paris', 'zürich'].includes(String(lower(a['BillingCity']))),
	],
	[
		"BillingCity NOT IN ('London', 'Paris')",
		(a) => !['London', 'Paris'].includes(String(a['BillingCity'])),
	],
	["NOT BillingCountry = 'USA'", (a) => a['BillingCountry'] !== 'USA'],
	[
		"BillingCountry = 'USA' OR Rating = 'Hot'",
		(a) => a['BillingCountry'] === 'USA' || a['Rating'] === 'Hot',
	],
	[
		"BillingCountry = 'USA' AND (Rating = 'Hot' OR Rating = null)",
		(a) => a['BillingCountry'] === 'USA' && (a['Rating'] === 'Hot' || a['Rating'] === null),
	],
	['IsDeleted = false', () => true],
	['IsDeleted = true', () => false],
	[
		`CreatedDate > ${midCreated.replace('.000+0000', 'Z')}`,
		(a) => String(a['CreatedDate']) > midCreated,
	],
	[
		`CreatedDate <= ${midCreated.replace('.000+0000', '+00:00')}`,
		(a) => String(a['CreatedDate']) <= midCreated,
	],
	[`Id = '${String(firstAccount['Id']).slice(0, 15)}'`, (a) => a['Id'] === firstAccount['Id']],
	[
		`Id IN ('${String(firstAccount['Id'])}', '${String(accounts[1]?.['Id'])}')`,
		(a) => a['Id'] === firstAccount['Id'] || a['Id'] === accounts[1]?.['Id'],
	],
];

test('WHERE: every operator matches an independent filter of the same rows', () => {
	for (const [where, predicate] of filters) {
		const expected = ids(accounts.filter(predicate));
		const actual = ids(records(query(api, `SELECT Id FROM Account WHERE ${where}`)));
		assert.deepEqual(actual, expected, where);
	}
	assert.ok(filters.every(([where]) => where.length > 0));
});

test('ORDER BY: text case-insensitively, nulls first ascending and last descending unless told', () => {
	const byName = records(query(api, 'SELECT Name FROM Account ORDER BY Name')).map((row) =>
		String(row['Name']),
	);
	assert.deepEqual(
		byName,
		[...byName].sort((a, b) =>
			a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0,
		),
	);
	const revenue = (soql: string) =>
		records(query(api, soql)).map((row) => row['AnnualRevenue'] as number | null);
	const descending = revenue('SELECT AnnualRevenue FROM Account ORDER BY AnnualRevenue DESC');
	assert.equal(descending.at(-1), null);
	assert.ok(Number(descending[0]) >= Number(descending[1]));
	assert.equal(revenue('SELECT AnnualRevenue FROM Account ORDER BY AnnualRevenue')[0], null);
	assert.equal(
		revenue('SELECT AnnualRevenue FROM Account ORDER BY AnnualRevenue NULLS LAST').at(-1),
		null,
	);
	assert.equal(
		revenue('SELECT AnnualRevenue FROM Account ORDER BY AnnualRevenue DESC NULLS FIRST')[0],
		null,
	);
	const twoKeys = records(
		query(api, 'SELECT BillingCountry, Name FROM Account ORDER BY BillingCountry DESC, Name ASC'),
	);
	for (let index = 1; index < twoKeys.length; index++) {
		const [previous, current] = [twoKeys[index - 1], twoKeys[index]];
		const a = String(previous?.['BillingCountry']).toLowerCase();
		const b = String(current?.['BillingCountry']).toLowerCase();
		assert.ok(
			a > b ||
				(a === b &&
					String(previous?.['Name']).toLowerCase() <= String(current?.['Name']).toLowerCase()),
		);
	}
});

test('LIMIT and OFFSET', () => {
	const all = ids(accounts);
	assert.deepEqual(ids(records(query(api, 'SELECT Id FROM Account LIMIT 3'))), all.slice(0, 3));
	assert.deepEqual(
		ids(records(query(api, 'SELECT Id FROM Account LIMIT 3 OFFSET 4'))),
		all.slice(4, 7),
	);
	assert.deepEqual(ids(records(query(api, 'SELECT Id FROM Account OFFSET 58'))), all.slice(58));
	assert.equal((query(api, 'SELECT Id FROM Account LIMIT 0').json as QueryBody).totalSize, 0);
});

test('COUNT() gives totalSize and no records; COUNT(field) an AggregateResult', () => {
	assert.deepEqual(query(api, 'SELECT COUNT() FROM Account').json, {
		totalSize: 60,
		done: true,
		records: [],
	});
	assert.equal((query(api, 'SELECT count() FROM Account LIMIT 7').json as QueryBody).totalSize, 7);
	const usa = accounts.filter((account) => account['BillingCountry'] === 'USA').length;
	assert.equal(
		(query(api, "SELECT COUNT() FROM Account WHERE BillingCountry = 'USA'").json as QueryBody)
			.totalSize,
		usa,
	);
	const withIndustry = accounts.filter((account) => account['Industry'] !== null).length;
	assert.deepEqual(query(api, 'SELECT COUNT(Id), COUNT(Industry) known FROM Account').json, {
		totalSize: 1,
		done: true,
		records: [{attributes: {type: 'AggregateResult'}, expr0: 60, known: withIndustry}],
	});
});

test('parent fields come back nested, with their own attributes', () => {
	const contacts = records(
		query(
			api,
			'SELECT Name, Account.Name, Account.Owner.Username, Owner.Name FROM Contact LIMIT 3',
		),
	);
	const [first] = contacts;
	assert.ok(first);
	assert.deepEqual(Object.keys(first), ['attributes', 'Name', 'Account', 'Owner']);
	const account = first['Account'] as Record<string, unknown>;
	assert.equal(account['Name'], 'Edge Communications');
	assert.deepEqual((account['attributes'] as {type: string}).type, 'Account');
	assert.deepEqual(account['Owner'], {
		attributes: {type: 'User', url: `${v}/sobjects/User/${userId}`},
		Username: context.user.username,
	});
	assert.deepEqual(first['Owner'], {
		attributes: {type: 'User', url: `${v}/sobjects/User/${userId}`},
		Name: 'Ada Lovelace',
	});
	// `Account.Name` on Account itself names the object, not a relationship.
	assert.deepEqual(
		Object.keys(records(query(api, 'SELECT Account.Name FROM Account LIMIT 1'))[0] ?? {}),
		['attributes', 'Name'],
	);
});

test('filtering and sorting on parent fields', () => {
	const contacts = records(
		query(api, "SELECT Id, AccountId FROM Contact WHERE Account.Name = 'GenePoint'"),
	);
	const genePoint = accounts.find((account) => account['Name'] === 'GenePoint');
	assert.ok(contacts.length > 0);
	assert.ok(contacts.every((contact) => contact['AccountId'] === genePoint?.['Id']));
	const sorted = records(
		query(api, 'SELECT Account.Name FROM Contact ORDER BY Account.Name DESC LIMIT 5'),
	);
	const names = sorted.map((contact) =>
		String((contact['Account'] as {Name: string}).Name).toLowerCase(),
	);
	assert.deepEqual(names, [...names].sort().reverse());
});

test('a Contact without an Account has "Account": null', () => {
	const own = createApi(2);
	const created = call(own, `${v}/sobjects/Contact/`, {
		method: 'POST',
		body: '{"LastName":"Orphan"}',
	});
	assert.equal(created.status, 201);
	const [orphan] = records(
		query(own, "SELECT Name, Account.Name, Account.Phone FROM Contact WHERE LastName = 'orphan'"),
	);
	assert.deepEqual(orphan?.['Account'], null);
	assert.equal(orphan?.['Name'], 'Orphan');
});

test('FIELDS(ALL) needs LIMIT 200 or less; FIELDS(STANDARD) does not', () => {
	const [all] = records(query(api, 'SELECT FIELDS(ALL) FROM Account LIMIT 1'));
	assert.ok(all && 'Description' in all && 'SystemModstamp' in all);
	const error = expectError(query(api, 'SELECT FIELDS(ALL) FROM Account'), 400, 'MALFORMED_QUERY');
	assert.match(error.message, /The SOQL FIELDS function must have a LIMIT of at most 200$/);
	assert.equal(records(query(api, 'SELECT Name, FIELDS(STANDARD) FROM Contact')).length > 60, true);
});

test('User: the token user is the only user', () => {
	assert.deepEqual(records(query(api, 'SELECT Id, Username, Name, IsActive FROM User')), [
		{
			attributes: {type: 'User', url: `${v}/sobjects/User/${userId}`},
			Id: userId,
			Username: 'ada@acme.example',
			Name: 'Ada Lovelace',
			IsActive: true,
		},
	]);
});

test('INVALID_FIELD: the SOQL, a caret, the position and the Salesforce text', () => {
	const error = expectError(query(api, 'SELECT Id, Nme FROM Account'), 400, 'INVALID_FIELD');
	assert.equal(
		error.message,
		"\nSELECT Id, Nme FROM Account\n           ^\nERROR at Row:1:Column:12\nNo such column 'Nme' on entity 'Account'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.",
	);
	const where = expectError(
		query(api, "SELECT Id FROM Contact WHERE Account.Nope = 'x'"),
		400,
		'INVALID_FIELD',
	);
	assert.match(where.message, /Column:30\nNo such column 'Nope' on entity 'Account'\./);
	const relationship = expectError(
		query(api, 'SELECT Foo.Name FROM Contact'),
		400,
		'INVALID_FIELD',
	);
	assert.match(
		relationship.message,
		/\nDidn't understand relationship 'Foo' in field path\. If you are attempting to use a custom relationship, be sure to append the '__r'/,
	);
});

test('INVALID_TYPE for an unknown object', () => {
	const error = expectError(query(api, 'SELECT Id FROM Foo'), 400, 'INVALID_TYPE');
	assert.equal(
		error.message,
		"\nSELECT Id FROM Foo\n               ^\nERROR at Row:1:Column:16\nsObject type 'Foo' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.",
	);
});

test('MALFORMED_QUERY points at the token, on the right row of a multi-line query', () => {
	const error = expectError(query(api, 'SELECT Id FROM Account WHERE'), 400, 'MALFORMED_QUERY');
	assert.equal(
		error.message,
		"\nSELECT Id FROM Account WHERE\n                            ^\nERROR at Row:1:Column:29\nunexpected token: '<EOF>'",
	);
	const multiLine = expectError(
		query(api, 'SELECT Id\nFROM Account\nWHERE Name = = 1'),
		400,
		'MALFORMED_QUERY',
	);
	assert.equal(
		multiLine.message,
		"\nWHERE Name = = 1\n             ^\nERROR at Row:3:Column:14\nunexpected token: '='",
	);
	const longSoql = `SELECT Id FROM Account WHERE ${"Name != 'x' AND ".repeat(20)}Nope = 1 AND Name != 'y'`;
	const long = expectError(query(api, longSoql), 400, 'INVALID_FIELD');
	const [, snippet = '', caret = ''] = long.message.split('\n');
	assert.ok(snippet.length <= 120);
	assert.equal(snippet.slice(caret.indexOf('^'), caret.indexOf('^') + 4), 'Nope');
	assert.match(long.message, new RegExp(`ERROR at Row:1:Column:${longSoql.indexOf('Nope') + 1}\n`));
});

test('missing or blank q', () => {
	for (const path of [
		`${v}/query`,
		`${v}/query/`,
		`${v}/query?q=`,
		`${v}/query?q=%20`,
		`${v}/queryAll`,
	]) {
		const error = expectError(call(api, path), 400, 'MALFORMED_QUERY');
		assert.equal(error.message, 'A query string has to be specified', path);
	}
});

test('filter values must match the field type', () => {
	const cases: ReadonlyArray<[string, string, string]> = [
		[
			'Name = 5',
			'INVALID_QUERY_FILTER_OPERATOR',
			"value of filter criterion for field 'Name' must be of type string and should be enclosed in quotes",
		],
		[
			"NumberOfEmployees = '5'",
			'INVALID_QUERY_FILTER_OPERATOR',
			"value of filter criterion for field 'NumberOfEmployees' must be of type integer and should not be enclosed in quotes",
		],
		[
			"IsDeleted = 'false'",
			'INVALID_QUERY_FILTER_OPERATOR',
			"value of filter criterion for field 'IsDeleted' must be of type boolean and should not be enclosed in quotes",
		],
		[
			"CreatedDate > '2024-01-01'",
			'INVALID_QUERY_FILTER_OPERATOR',
			"value of filter criterion for field 'CreatedDate' must be of type dateTime and should not be enclosed in quotes",
		],
		[
			'CreatedDate > 2024-01-01',
			'INVALID_QUERY_FILTER_OPERATOR',
			"value of filter criterion for field 'CreatedDate' must be of type dateTime and should not be enclosed in quotes",
		],
		["Id = 'abc'", 'MALFORMED_QUERY', 'invalid ID field: abc'],
		[
			'Id = 5',
			'INVALID_QUERY_FILTER_OPERATOR',
			"value of filter criterion for field 'Id' must be of type id and should be enclosed in quotes",
		],
		[
			"NumberOfEmployees LIKE '5%'",
			'INVALID_QUERY_FILTER_OPERATOR',
			'invalid operator on integer field: NumberOfEmployees',
		],
		[
			'IsDeleted < true',
			'INVALID_QUERY_FILTER_OPERATOR',
			'invalid operator on boolean field: IsDeleted',
		],
	];
	for (const [where, code, message] of cases) {
		const error = expectError(query(api, `SELECT Id FROM Account WHERE ${where}`), 400, code);
		assert.ok(error.message.endsWith(`\n${message}`), `${where}: ${error.message}`);
	}
});

test('other refused shapes', () => {
	const cases: ReadonlyArray<[string, string, string]> = [
		[
			'SELECT Id FROM Account OFFSET 2001',
			'NUMBER_OUTSIDE_VALID_RANGE',
			'Maximum SOQL offset allowed is 2000',
		],
		['SELECT Name, name FROM Account', 'MALFORMED_QUERY', 'duplicate field selected: Name'],
		[
			'SELECT COUNT(), Name FROM Account',
			'MALFORMED_QUERY',
			'COUNT() must be the only element in the SELECT list',
		],
		[
			'SELECT COUNT(Id), Name FROM Account',
			'MALFORMED_QUERY',
			'Field must be grouped or aggregated: Name',
		],
	];
	for (const [soql, code, message] of cases) {
		const error = expectError(query(api, soql), 400, code);
		assert.ok(error.message.endsWith(`\n${message}`), `${soql}: ${error.message}`);
	}
});

test('queryAll also returns deleted records, with IsDeleted true', () => {
	const own = createApi(3);
	const [target] = records(query(own, 'SELECT Id FROM Account LIMIT 1'));
	assert.equal(
		call(own, `${v}/sobjects/Account/${String(target?.['Id'])}`, {method: 'DELETE'}).status,
		204,
	);
	const soql = 'SELECT Id, IsDeleted FROM Account';
	assert.equal(records(query(own, soql)).length, 2);
	const all = records(call(own, `${v}/queryAll?q=${encodeURIComponent(soql)}`));
	assert.equal(all.length, 3);
	assert.deepEqual(all.find((row) => row['Id'] === target?.['Id'])?.['IsDeleted'], true);
	assert.equal((query(own, 'SELECT COUNT() FROM Account').json as QueryBody).totalSize, 2);
	assert.equal(
		(
			call(own, `${v}/queryAll?q=${encodeURIComponent('SELECT COUNT() FROM Account')}`)
				.json as QueryBody
		).totalSize,
		3,
	);
	assert.equal(
		(query(own, 'SELECT COUNT() FROM Account WHERE IsDeleted = true').json as QueryBody).totalSize,
		0,
	);
});

test('an org missing from orgIds has no records; listed orgs have their own', () => {
	const stranger = {...context, org: {...context.org, orgId: '00D5g000009QqQqEAA'}};
	assert.deepEqual(query(api, 'SELECT Id FROM Account', {context: stranger}).json, {
		totalSize: 0,
		done: true,
		records: [],
	});
	assert.equal(records(query(api, 'SELECT Id FROM User', {context: stranger})).length, 1);
});
