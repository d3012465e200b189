import {test} from 'node:test';
import assert from 'node:assert/strict';
import {to18} from '../../../source/emulator/ids.js';
import {
	call,
	context,
	createApi,
	expectError,
	otherContext,
	query,
	records,
	userId,
	v,
} from './helpers.js';

type Json = Record<string, unknown>;

function firstId(api: ReturnType<typeof createApi>, object: string): string {
	return String(records(query(api, `SELECT Id FROM ${object} LIMIT 1`))[0]?.['Id']);
}

test('the object list and per-object information', () => {
	const api = createApi();
	for (const path of [`${v}/sobjects`, `${v}/sobjects/`]) {
		const list = call(api, path).json as {encoding: string; maxBatchSize: number; sobjects: Json[]};
		assert.equal(list.encoding, 'UTF-8');
		assert.deepEqual(
			list.sobjects.map((item) => item['name']),
			['Account', 'Contact', 'Organization', 'User'],
		);
		assert.deepEqual(list.sobjects[0]?.['urls'], {
			sobject: `${v}/sobjects/Account`,
			describe: `${v}/sobjects/Account/describe`,
			rowTemplate: `${v}/sobjects/Account/{ID}`,
		});
	}
	for (const path of [`${v}/sobjects/Account`, `${v}/sobjects/account/`, `${v}/sobjects/ACCOUNT`]) {
		const info = call(api, path).json as {objectDescribe: Json; recentItems: Json[]};
		assert.equal(info.objectDescribe['name'], 'Account', path);
		assert.equal(info.objectDescribe['keyPrefix'], '001');
		assert.equal(info.recentItems.length, 5);
		assert.deepEqual(Object.keys(info.recentItems[0] ?? {}), ['attributes', 'Id', 'Name']);
	}
});

test('describe lists fields with types, lengths and relationships', () => {
	const api = createApi();
	const describe = call(api, `${v}/sobjects/contact/describe/`).json as {
		name: string;
		fields: Json[];
		childRelationships: Json[];
	};
	assert.equal(describe.name, 'Contact');
	const byName = new Map(describe.fields.map((field) => [field['name'], field]));
	assert.deepEqual(
		['Id', 'AccountId', 'LastName', 'Name', 'Email', 'CreatedDate'].map(
			(name) => byName.get(name)?.['type'],
		),
		['id', 'reference', 'string', 'string', 'email', 'datetime'],
	);
	assert.deepEqual(byName.get('AccountId')?.['referenceTo'], ['Account']);
	assert.equal(byName.get('AccountId')?.['relationshipName'], 'Account');
	assert.equal(byName.get('LastName')?.['nillable'], false);
	assert.equal(byName.get('Name')?.['updateable'], false);
	const account = call(api, `${v}/sobjects/Account/describe`).json as {
		childRelationships: Json[];
		fields: Json[];
	};
	assert.equal(account.childRelationships[0]?.['relationshipName'], 'Contacts');
	const industry = account.fields.find((field) => field['name'] === 'Industry');
	assert.ok(Array.isArray(industry?.['picklistValues']) && industry['picklistValues'].length > 10);
});

test('GET a record: every field, attributes first, by 15- or 18-character id', () => {
	const api = createApi();
	const id = firstId(api, 'Account');
	const full = call(api, `${v}/sobjects/Account/${id}`);
	assert.equal(full.status, 200);
	const record = full.json as Json;
	assert.deepEqual(record['attributes'], {type: 'Account', url: `${v}/sobjects/Account/${id}`});
	assert.equal(record['Id'], id);
	assert.equal(record['Name'], 'Edge Communications');
	for (const field of [
		'Industry',
		'BillingCity',
		'Phone',
		'Website',
		'AnnualRevenue',
		'NumberOfEmployees',
		'OwnerId',
		'CreatedDate',
		'IsDeleted',
	]) {
		assert.ok(field in record, field);
	}
	assert.equal(record['OwnerId'], userId);
	assert.deepEqual(call(api, `${v}/sobjects/account/${id.slice(0, 15)}`).json, record);
	const some = call(api, `${v}/sobjects/Account/${id}?fields=name,Phone`).json as Json;
	assert.deepEqual(Object.keys(some), ['attributes', 'Name', 'Phone']);
	const error = expectError(
		call(api, `${v}/sobjects/Account/${id}?fields=Name,Nope`),
		400,
		'INVALID_FIELD',
	);
	assert.match(error.message, /^No such column 'Nope' on entity 'Account'\./);
});

test('ids are case-sensitive; unknown records and objects are NOT_FOUND', () => {
	const api = createApi();
	const id = firstId(api, 'Account');
	const swapped = id.slice(0, 15).replace(/[a-z]/, (letter) => letter.toUpperCase());
	assert.notEqual(swapped, id.slice(0, 15));
	const missing = [
		`${v}/sobjects/Account/${swapped}`,
		`${v}/sobjects/Account/${id.slice(0, 15)}XYZ`,
		`${v}/sobjects/Account/${to18('0015g0000000001')}`,
		`${v}/sobjects/Contact/${id}`,
		`${v}/sobjects/Foo/${id}`,
		`${v}/sobjects/Foo`,
		`${v}/sobjects/Account/${id}/Contacts`,
	];
	for (const path of missing) {
		assert.equal(
			expectError(call(api, path), 404, 'NOT_FOUND').message,
			'The requested resource does not exist',
			path,
		);
	}
	const external = expectError(call(api, `${v}/sobjects/Account/not-an-id`), 404, 'NOT_FOUND');
	assert.equal(
		external.message,
		'Provided external ID field does not exist or is not accessible: not-an-id',
	);
});

test('create: 201 with the new id; the record is then readable and queryable', () => {
	const api = createApi();
	const created = call(api, `${v}/sobjects/Account/`, {
		method: 'POST',
		body: JSON.stringify({
			Name: 'Müller & Söhne GmbH',
			industry: 'Retail',
			NumberOfEmployees: 12,
			AnnualRevenue: '1500000.5',
			attributes: {type: 'Account'},
		}),
	});
	assert.equal(created.status, 201, created.body);
	const {id, success, errors} = created.json as {id: string; success: boolean; errors: unknown[]};
	assert.deepEqual([success, errors], [true, []]);
	assert.match(id, /^001[A-Za-z\d]{15}$/);
	const record = call(api, `${v}/sobjects/Account/${id}`).json as Json;
	assert.equal(record['Name'], 'Müller & Söhne GmbH');
	assert.equal(record['Industry'], 'Retail');
	assert.equal(record['AnnualRevenue'], 1_500_000.5);
	assert.equal(record['OwnerId'], userId);
	assert.equal(record['CreatedDate'], record['LastModifiedDate']);
	assert.deepEqual(
		records(query(api, "SELECT Id FROM Account WHERE Name LIKE 'müller%'")).map((row) => row['Id']),
		[id],
	);
	const contact = call(api, `${v}/sobjects/Contact`, {
		method: 'POST',
		body: JSON.stringify({
			FirstName: 'Zoë',
			LastName: 'Lefèvre',
			AccountId: id.slice(0, 15),
			Email: 'zoe@example.com',
		}),
	});
	assert.equal(contact.status, 201, contact.body);
	const contactId = (contact.json as {id: string}).id;
	const saved = call(api, `${v}/sobjects/Contact/${contactId}`).json as Json;
	assert.deepEqual([saved['Name'], saved['AccountId']], ['Zoë Lefèvre', id]);
});

test('create and update validation errors', () => {
	const api = createApi();
	const accountId = firstId(api, 'Account');
	const post = (object: string, body: string) =>
		call(api, `${v}/sobjects/${object}`, {method: 'POST', body});
	const cases: ReadonlyArray<[string, string, string, string, string[] | undefined]> = [
		['Account', '{}', 'REQUIRED_FIELD_MISSING', 'Required fields are missing: [Name]', ['Name']],
		[
			'Account',
			'{"Name": ""}',
			'REQUIRED_FIELD_MISSING',
			'Required fields are missing: [Name]',
			['Name'],
		],
		[
			'Contact',
			'{"FirstName": "Ann"}',
			'REQUIRED_FIELD_MISSING',
			'Required fields are missing: [LastName]',
			['LastName'],
		],
		[
			'Account',
			'{"Name": "x", "Nope__c": 1}',
			'INVALID_FIELD',
			"No such column 'Nope__c' on sobject of type Account",
			undefined,
		],
		[
			'Account',
			'{"Name": "x", "CreatedDate": "2024-01-01T00:00:00Z", "Id": "x"}',
			'INVALID_FIELD_FOR_INSERT_UPDATE',
			'Unable to create/update fields: CreatedDate, Id. Please check the security settings of this field and verify that it is read/write for your profile or permission set.',
			['CreatedDate', 'Id'],
		],
		[
			'Account',
			'{"Name": "x", "NumberOfEmployees": "many"}',
			'JSON_PARSER_ERROR',
			'Cannot deserialize instance of int from VALUE_STRING value many or request may be missing a required field',
			undefined,
		],
		[
			'Account',
			'{"Name": {"first": 1}}',
			'JSON_PARSER_ERROR',
			'Cannot deserialize instance of string from START_OBJECT value { or request may be missing a required field',
			undefined,
		],
		[
			'Account',
			'[]',
			'JSON_PARSER_ERROR',
			'Cannot deserialize instance of Account from START_ARRAY value [ or request may be missing a required field',
			undefined,
		],
		[
			'Account',
			'{"Name": "x",}',
			'JSON_PARSER_ERROR',
			"Unexpected character ('}' (code 125)): expected a valid value (number, String, array, object, 'true', 'false' or 'null') at [line:1, column:14]",
			undefined,
		],
		[
			'Account',
			'hello',
			'JSON_PARSER_ERROR',
			"Unexpected character ('h' (code 104)): expected a valid value (number, String, array, object, 'true', 'false' or 'null') at [line:1, column:1]",
			undefined,
		],
		[
			'Account',
			'',
			'JSON_PARSER_ERROR',
			'The HTTP entity body is required, but this request has no entity body.',
			undefined,
		],
		[
			'Account',
			JSON.stringify({Name: 'x'.repeat(256)}),
			'STRING_TOO_LONG',
			`Account Name: data value too large: ${'x'.repeat(256)} (max length=255)`,
			['Name'],
		],
		[
			'Contact',
			'{"LastName": "x", "Email": "not-an-email"}',
			'INVALID_EMAIL_ADDRESS',
			'Email: invalid email address: not-an-email',
			['Email'],
		],
		[
			'Contact',
			'{"LastName": "x", "AccountId": "xyz"}',
			'MALFORMED_ID',
			'Account ID: id value of incorrect type: xyz',
			['AccountId'],
		],
		[
			'Contact',
			`{"LastName": "x", "AccountId": "${userId}"}`,
			'MALFORMED_ID',
			`Account ID: id value of incorrect type: ${userId}`,
			['AccountId'],
		],
		[
			'Contact',
			`{"LastName": "x", "AccountId": "${to18('0015g0000000001')}"}`,
			'INVALID_CROSS_REFERENCE_KEY',
			'invalid cross reference id',
			['AccountId'],
		],
	];
	for (const [object, body, code, message, fields] of cases) {
		const error = expectError(post(object, body), 400, code);
		assert.equal(error.message, message, body);
		assert.deepEqual(error.fields, fields, body);
	}
	const patch = (body: string) =>
		call(api, `${v}/sobjects/Account/${accountId}`, {method: 'PATCH', body});
	assert.deepEqual(expectError(patch('{"Name": null}'), 400, 'REQUIRED_FIELD_MISSING').fields, [
		'Name',
	]);
	assert.deepEqual(expectError(patch('{"OwnerId": null}'), 400, 'REQUIRED_FIELD_MISSING').fields, [
		'OwnerId',
	]);
	assert.deepEqual(
		expectError(patch('{"IsDeleted": true}'), 400, 'INVALID_FIELD_FOR_INSERT_UPDATE').fields,
		['IsDeleted'],
	);
	expectError(patch('{"Name": '), 400, 'JSON_PARSER_ERROR');
	assert.equal(
		records(query(api, "SELECT Id FROM Account WHERE Name = 'Edge Communications'")).length,
		1,
	);
});

test('update: 204, changed fields and LastModifiedDate move, Contact.Name follows its parts', () => {
	const api = createApi();
	const id = firstId(api, 'Contact');
	const before = call(api, `${v}/sobjects/Contact/${id}`).json as Json;
	const updated = call(api, `${v}/sobjects/Contact/${id}`, {
		method: 'PATCH',
		body: '{"FirstName": "Grace", "LastName": "Hopper", "Title": null}',
	});
	assert.deepEqual([updated.status, updated.body], [204, '']);
	const after = call(api, `${v}/sobjects/Contact/${id}`).json as Json;
	assert.deepEqual(
		[after['Name'], after['Title'], after['Email']],
		['Grace Hopper', null, before['Email']],
	);
	assert.ok(String(after['LastModifiedDate']) > String(before['LastModifiedDate']));
	assert.equal(after['CreatedDate'], before['CreatedDate']);
	assert.deepEqual(
		records(query(api, "SELECT Name FROM Contact WHERE Name = 'grace hopper'")).map(
			(row) => row['Name'],
		),
		['Grace Hopper'],
	);
	const override = call(api, `${v}/sobjects/Contact/${id}?_HttpMethod=PATCH`, {
		method: 'POST',
		body: '{"Title": "Rear Admiral"}',
	});
	assert.equal(override.status, 204);
	assert.equal((call(api, `${v}/sobjects/Contact/${id}`).json as Json)['Title'], 'Rear Admiral');
});

test('delete: 204, then ENTITY_IS_DELETED; an Account takes its Contacts with it', () => {
	const api = createApi();
	const id = firstId(api, 'Account');
	const contacts = records(query(api, `SELECT Id FROM Contact WHERE AccountId = '${id}'`));
	assert.ok(contacts.length > 0);
	const deleted = call(api, `${v}/sobjects/Account/${id}`, {method: 'DELETE'});
	assert.deepEqual([deleted.status, deleted.body], [204, '']);
	assert.equal(
		expectError(call(api, `${v}/sobjects/Account/${id}`), 404, 'ENTITY_IS_DELETED').message,
		'entity is deleted',
	);
	expectError(
		call(api, `${v}/sobjects/Account/${id}`, {method: 'DELETE'}),
		404,
		'ENTITY_IS_DELETED',
	);
	expectError(
		call(api, `${v}/sobjects/Account/${id}`, {method: 'PATCH', body: '{"Name":"x"}'}),
		404,
		'ENTITY_IS_DELETED',
	);
	for (const contact of contacts) {
		expectError(
			call(api, `${v}/sobjects/Contact/${String(contact['Id'])}`),
			404,
			'ENTITY_IS_DELETED',
		);
	}
	assert.equal(records(query(api, `SELECT Id FROM Contact WHERE AccountId = '${id}'`)).length, 0);
	const post = call(api, `${v}/sobjects/Contact`, {
		method: 'POST',
		body: `{"LastName": "x", "AccountId": "${id}"}`,
	});
	assert.equal(expectError(post, 400, 'ENTITY_IS_DELETED').message, 'entity is deleted');
});

test('wrong methods are 405 with the allowed list', () => {
	const api = createApi();
	const id = firstId(api, 'Account');
	const cases: ReadonlyArray<[string, string, string]> = [
		[`${v}/sobjects/Account/${id}`, 'PUT', 'GET,HEAD,PATCH,DELETE'],
		[`${v}/sobjects/Account/${id}`, 'POST', 'GET,HEAD,PATCH,DELETE'],
		[`${v}/sobjects/Account`, 'DELETE', 'GET,HEAD,POST'],
		[`${v}/sobjects/Account/describe`, 'POST', 'GET,HEAD'],
		[`${v}/sobjects/User/${userId}`, 'PATCH', 'GET,HEAD'],
		[`${v}/sobjects/User`, 'POST', 'GET,HEAD'],
	];
	for (const [path, method, allowed] of cases) {
		const error = expectError(call(api, path, {method, body: '{}'}), 405, 'METHOD_NOT_ALLOWED');
		assert.equal(
			error.message,
			`HTTP Method '${method}' not allowed. Allowed are ${allowed}`,
			`${method} ${path}`,
		);
	}
});

test('User: the token user as sf CLI reads it; any other user is NOT_FOUND', () => {
	const api = createApi();
	for (const id of [userId, userId.slice(0, 15)]) {
		const result = call(api, `/services/data/v51.0/sobjects/User/${id}`);
		assert.equal(result.status, 200);
		const user = result.json as Json;
		assert.deepEqual(user['attributes'], {
			type: 'User',
			url: `/services/data/v51.0/sobjects/User/${userId}`,
		});
		assert.deepEqual(
			[
				user['Id'],
				user['Username'],
				user['Name'],
				user['FirstName'],
				user['LastName'],
				user['Email'],
				user['IsActive'],
			],
			[userId, context.user.username, 'Ada Lovelace', 'Ada', 'Lovelace', context.user.email, true],
		);
	}
	expectError(call(api, `${v}/sobjects/User/${to18('0055g00000ZzZzZ')}`), 404, 'NOT_FOUND');
	const username = call(api, `${v}/sobjects/User/${userId}?fields=Username`).json;
	assert.deepEqual(username, {
		attributes: {type: 'User', url: `${v}/sobjects/User/${userId}`},
		Username: context.user.username,
	});
});

test('orgs do not share records, ids or writes', () => {
	const api = createApi();
	const id = firstId(api, 'Account');
	const otherId = String(
		records(query(api, 'SELECT Id FROM Account LIMIT 1', {context: otherContext}))[0]?.['Id'],
	);
	assert.notEqual(id, otherId);
	expectError(call(api, `${v}/sobjects/Account/${id}`, {context: otherContext}), 404, 'NOT_FOUND');
	call(api, `${v}/sobjects/Account/${otherId}`, {
		method: 'PATCH',
		body: '{"Name":"Only there"}',
		context: otherContext,
	});
	assert.equal(records(query(api, "SELECT Id FROM Account WHERE Name = 'Only there'")).length, 0);
});
