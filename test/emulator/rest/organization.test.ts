import {test} from 'node:test';
import assert from 'node:assert/strict';
import {to18} from '../../../source/emulator/ids.js';
import type {RestContext} from '../../../source/emulator/rest/index.js';
import {
	call,
	context,
	createApi,
	expectError,
	orgId,
	otherContext,
	otherOrgId,
	query,
	records,
	v,
	type QueryBody,
} from './helpers.js';

type Json = Record<string, unknown>;

const sandboxOrgId = to18('00D5g000005SbXy');
const sandboxContext: RestContext = {
	...context,
	org: {
		orgId: sandboxOrgId,
		name: 'Acme (UAT sandbox)',
		myDomainUrl: 'https://acme--uat.sandbox.my.salesforce.com',
		sandbox: true,
	},
};

const allFields =
	'Id, Name, IsSandbox, OrganizationType, InstanceName, NamespacePrefix, TrialExpirationDate, LanguageLocaleKey, TimeZoneSidKey, DefaultLocaleSidKey, Country, CreatedDate, LastModifiedDate, SystemModstamp';

function organization(api: ReturnType<typeof createApi>, ofContext: RestContext): Json {
	const rows = records(query(api, `SELECT ${allFields} FROM Organization`, {context: ofContext}));
	assert.equal(rows.length, 1);
	const [row] = rows;
	assert.ok(row);
	return row;
}

test('SELECT Name, IsSandbox FROM Organization: the org of the token, production or sandbox', () => {
	const api = createApi();
	assert.deepEqual(query(api, 'SELECT Name, IsSandbox FROM Organization').json, {
		totalSize: 1,
		done: true,
		records: [
			{
				attributes: {type: 'Organization', url: `${v}/sobjects/Organization/${orgId}`},
				Name: 'Acme',
				IsSandbox: false,
			},
		],
	});
	assert.deepEqual(
		records(query(api, 'SELECT Name, IsSandbox FROM Organization', {context: sandboxContext})),
		[
			{
				attributes: {type: 'Organization', url: `${v}/sobjects/Organization/${sandboxOrgId}`},
				Name: 'Acme (UAT sandbox)',
				IsSandbox: true,
			},
		],
	);
});

test('the read-only fields look like a real org and are the same on every run', () => {
	const api = createApi();
	const production = organization(api, context);
	const sandbox = organization(api, sandboxContext);
	assert.equal(production['Id'], orgId);
	assert.equal(production['OrganizationType'], 'Enterprise Edition');
	assert.equal(sandbox['OrganizationType'], 'Enterprise Edition');
	assert.match(String(production['InstanceName']), /^USA\d{3}$/);
	assert.match(String(sandbox['InstanceName']), /^USA\d{3}S$/);
	for (const row of [production, sandbox]) {
		assert.equal(row['NamespacePrefix'], null);
		assert.equal(row['TrialExpirationDate'], null);
		assert.equal(row['LanguageLocaleKey'], 'en_US');
		assert.equal(row['TimeZoneSidKey'], 'America/Los_Angeles');
		assert.equal(row['DefaultLocaleSidKey'], 'en_US');
		assert.equal(row['Country'], 'US');
		assert.match(String(row['CreatedDate']), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000\+0000$/);
		assert.equal(row['SystemModstamp'], row['LastModifiedDate']);
		assert.ok(String(row['CreatedDate']) < String(row['LastModifiedDate']));
	}
	// A production org predates its data; a sandbox copy is newer than its production.
	const firstAccount = records(
		query(api, 'SELECT CreatedDate FROM Account ORDER BY CreatedDate LIMIT 1'),
	)[0];
	assert.ok(String(production['CreatedDate']) < String(firstAccount?.['CreatedDate']));
	assert.ok(String(production['CreatedDate']) < String(sandbox['CreatedDate']));
	assert.deepEqual(organization(createApi(), context), production);
	assert.equal(organization(api, otherContext)['Id'], otherOrgId);
});

test('WHERE, LIMIT, COUNT() and queryAll work as on other objects', () => {
	const api = createApi();
	const count = (soql: string, ofContext: RestContext = context) =>
		(query(api, soql, {context: ofContext}).json as QueryBody).totalSize;
	assert.equal(count('SELECT COUNT() FROM Organization'), 1);
	assert.equal(count('SELECT Id FROM Organization WHERE IsSandbox = true'), 0);
	assert.equal(count('SELECT Id FROM Organization WHERE IsSandbox = true', sandboxContext), 1);
	assert.equal(count("SELECT Id FROM Organization WHERE Name LIKE 'ac%' LIMIT 1"), 1);
	assert.equal(count('SELECT Id FROM Organization LIMIT 0'), 0);
	assert.equal(count(`SELECT Id FROM Organization WHERE Id = '${otherOrgId}'`), 0);
	const all = call(api, `${v}/queryAll?q=${encodeURIComponent('SELECT Id FROM Organization')}`);
	assert.deepEqual(
		records(all).map((row) => row['Id']),
		[orgId],
	);
	const error = expectError(
		query(api, 'SELECT Id, Edition FROM Organization'),
		400,
		'INVALID_FIELD',
	);
	assert.match(error.message, /No such column 'Edition' on entity 'Organization'/);
});

test('GET /sobjects/Organization/<id> by 15- or 18-character id; fields=', () => {
	const api = createApi();
	const expected = organization(api, context);
	for (const id of [orgId, orgId.slice(0, 15)]) {
		const result = call(api, `${v}/sobjects/Organization/${id}`);
		assert.equal(result.status, 200);
		const record = result.json as Json;
		assert.deepEqual(record['attributes'], {
			type: 'Organization',
			url: `${v}/sobjects/Organization/${orgId}`,
		});
		for (const [name, value] of Object.entries(expected)) {
			if (name !== 'attributes') assert.deepEqual(record[name], value, name);
		}
	}
	assert.deepEqual(call(api, `${v}/sobjects/organization/${orgId}?fields=Name,IsSandbox`).json, {
		attributes: {type: 'Organization', url: `${v}/sobjects/Organization/${orgId}`},
		Name: 'Acme',
		IsSandbox: false,
	});
	const info = call(api, `${v}/sobjects/Organization`).json as {recentItems: Json[]};
	assert.deepEqual(
		info.recentItems.map((item) => [item['Id'], item['Name']]),
		[[orgId, 'Acme']],
	);
});

test("another org's Organization id is NOT_FOUND", () => {
	const api = createApi();
	expectError(call(api, `${v}/sobjects/Organization/${otherOrgId}`), 404, 'NOT_FOUND');
	expectError(
		call(api, `${v}/sobjects/Organization/${orgId}`, {context: otherContext}),
		404,
		'NOT_FOUND',
	);
	assert.equal(
		call(api, `${v}/sobjects/Organization/${otherOrgId}`, {context: otherContext}).status,
		200,
	);
});

test('describe: listed in /sobjects, every field read-only, the object not writable', () => {
	const api = createApi();
	const list = call(api, `${v}/sobjects`).json as {sobjects: Json[]};
	const summary = list.sobjects.find((item) => item['name'] === 'Organization');
	assert.ok(summary);
	assert.equal(summary['keyPrefix'], '00D');
	assert.equal(summary['queryable'], true);
	for (const flag of ['createable', 'updateable', 'deletable'])
		assert.equal(summary[flag], false, flag);
	const describe = call(api, `${v}/sobjects/Organization/describe`).json as {fields: Json[]};
	const byName = new Map(describe.fields.map((field) => [field['name'], field]));
	assert.deepEqual(
		allFields.split(', ').map((name) => byName.get(name)?.['type']),
		[
			'id',
			'string',
			'boolean',
			'picklist',
			'string',
			'string',
			'datetime',
			'picklist',
			'picklist',
			'picklist',
			'string',
			'datetime',
			'datetime',
			'datetime',
		],
	);
	assert.equal(byName.size, allFields.split(', ').length);
	for (const field of describe.fields) {
		assert.equal(field['createable'], false, String(field['name']));
		assert.equal(field['updateable'], false, String(field['name']));
	}
	assert.equal(byName.get('OrganizationType')?.['label'], 'Edition');
	const editions = byName.get('OrganizationType')?.['picklistValues'] as Json[];
	assert.ok(editions.some((item) => item['value'] === 'Enterprise Edition'));
});

test('creating, changing and deleting the Organization are refused and change nothing', () => {
	const api = createApi();
	const before = organization(api, context);
	const cases: ReadonlyArray<[string, string]> = [
		[`${v}/sobjects/Organization`, 'POST'],
		[`${v}/sobjects/Organization/${orgId}`, 'PATCH'],
		[`${v}/sobjects/Organization/${orgId}?_HttpMethod=PATCH`, 'POST'],
		[`${v}/sobjects/Organization/${orgId}`, 'DELETE'],
	];
	for (const [path, method] of cases) {
		const error = expectError(
			call(api, path, {method, body: '{"Name":"Renamed"}'}),
			405,
			'METHOD_NOT_ALLOWED',
		);
		assert.match(error.message, /Allowed are GET,HEAD$/, `${method} ${path}`);
	}
	assert.deepEqual(organization(api, context), before);
});
