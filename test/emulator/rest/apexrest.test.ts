import {test} from 'node:test';
import assert from 'node:assert/strict';
import {matchUrlMapping} from '../../../source/emulator/rest/apexrest.js';
import {call, createApi, expectError, query, records} from './helpers.js';

const apex = '/services/apexrest';
type Contact = Record<string, unknown>;

test('URL mappings: case-sensitive, exact match first, then the longest wildcard', () => {
	const mappings = ['/Contacts/*', '/Contacts/special', '/Contacts/v2/*', '/Accounts', '/*/notes'];
	const cases: ReadonlyArray<[string, string | undefined]> = [
		['/Contacts', '/Contacts/*'],
		['/Contacts/', '/Contacts/*'],
		['/Contacts/003abc', '/Contacts/*'],
		['/Contacts/special', '/Contacts/special'],
		['/Contacts/v2/x', '/Contacts/v2/*'],
		['/Contacts/v2', '/Contacts/v2/*'],
		['/Accounts', '/Accounts'],
		['/Accounts/1', undefined],
		['/contacts', undefined],
		['/CONTACTS/x', undefined],
		['/Leads/notes', '/*/notes'],
		['', undefined],
	];
	for (const [path, expected] of cases)
		assert.equal(matchUrlMapping(path, mappings), expected, path);
});

test('GET /Contacts: the first 200 Contacts as Apex serialises them (no null fields)', () => {
	const api = createApi(1200);
	const result = call(api, `${apex}/Contacts`);
	assert.equal(result.status, 200);
	assert.equal(result.headers['content-type'], 'application/json;charset=UTF-8');
	const contacts = result.json as Contact[];
	assert.equal(contacts.length, 200);
	const [first] = contacts;
	assert.ok(first);
	assert.deepEqual(Object.keys(first).slice(0, 3), ['attributes', 'Id', 'Name']);
	assert.equal((first['attributes'] as {type: string}).type, 'Contact');
	for (const contact of contacts) {
		assert.ok(Object.values(contact).every((value) => value !== null));
	}
	const ids = records(query(api, 'SELECT Id FROM Contact LIMIT 200')).map((row) => row['Id']);
	assert.deepEqual(
		contacts.map((contact) => contact['Id']),
		ids,
	);
	assert.equal((call(api, `${apex}/Contacts/?limit=3`).json as Contact[]).length, 3);
	assert.equal((call(api, `${apex}/Contacts?limit=0`).json as Contact[]).length, 0);
	assert.equal((call(api, `${apex}/Contacts?limit=5000`).json as Contact[]).length, 2000);
});

test('GET /Contacts/<id>: one Contact; Apex exceptions for bad or unknown ids', () => {
	const api = createApi(3);
	const [row] = records(query(api, 'SELECT Id, Name FROM Contact LIMIT 1'));
	const id = String(row?.['Id']);
	const one = call(api, `${apex}/Contacts/${id}`);
	assert.equal(one.status, 200);
	assert.equal((one.json as Contact)['Name'], row?.['Name']);
	assert.equal((call(api, `${apex}/Contacts/${id.slice(0, 15)}`).json as Contact)['Id'], id);
	const invalid = expectError(call(api, `${apex}/Contacts/abc`), 500, 'APEX_ERROR');
	assert.equal(
		invalid.message,
		'System.StringException: Invalid id: abc\n\nClass.ContactsResource.doGet: line 14, column 1',
	);
	const missing = expectError(call(api, `${apex}/Contacts/0035g0000000001AAA`), 500, 'APEX_ERROR');
	assert.match(
		missing.message,
		/^System\.QueryException: List has no rows for assignment to SObject\n\nClass\.ContactsResource\.doGet/,
	);
	const badLimit = expectError(call(api, `${apex}/Contacts?limit=ten`), 500, 'APEX_ERROR');
	assert.match(badLimit.message, /^System\.TypeException: Invalid integer: ten\n/);
	expectError(call(api, `${apex}/Contacts?limit=-1`), 500, 'APEX_ERROR');
});

test('POST /Contacts creates a Contact and returns its id as a JSON string', () => {
	const api = createApi(3);
	const [account] = records(query(api, 'SELECT Id FROM Account LIMIT 1'));
	const body = JSON.stringify({
		lastName: 'Curie',
		firstName: 'Marie',
		email: 'marie@example.com',
		phone: 5551234,
		title: 'Physicist',
		accountId: account?.['Id'],
	});
	const result = call(api, `${apex}/Contacts`, {method: 'POST', body});
	assert.equal(result.status, 200, result.body);
	assert.match(result.body, /^"003[A-Za-z\d]{15}"$/);
	const id = result.json as string;
	const [saved] = records(
		query(api, `SELECT Name, Email, Phone, Title, Account.Id FROM Contact WHERE Id = '${id}'`),
	);
	assert.deepEqual(
		[
			saved?.['Name'],
			saved?.['Email'],
			saved?.['Phone'],
			saved?.['Title'],
			(saved?.['Account'] as Contact)['Id'],
		],
		['Marie Curie', 'marie@example.com', '5551234', 'Physicist', account?.['Id']],
	);
	assert.equal((call(api, `${apex}/Contacts/${id}`).json as Contact)['Name'], 'Marie Curie');
});

test('POST errors: DmlException as APEX_ERROR, bad JSON and unknown parameters as JSON_PARSER_ERROR', () => {
	const api = createApi(1);
	const post = (body: string) => call(api, `${apex}/Contacts`, {method: 'POST', body});
	const missing = expectError(post('{"firstName": "Ann"}'), 500, 'APEX_ERROR');
	assert.equal(
		missing.message,
		'System.DmlException: Insert failed. First exception on row 0; first error: REQUIRED_FIELD_MISSING, Required fields are missing: [LastName]: [LastName]\n\nClass.ContactsResource.doPost: line 31, column 1',
	);
	expectError(post(''), 500, 'APEX_ERROR');
	assert.match(
		expectError(post('{"lastName": "x", "email": "nope"}'), 500, 'APEX_ERROR').message,
		/first error: INVALID_EMAIL_ADDRESS, Email: invalid email address: nope: \[Email\]/,
	);
	assert.match(
		expectError(post('{"lastName": "x", "accountId": "42"}'), 500, 'APEX_ERROR').message,
		/first error: MALFORMED_ID/,
	);
	assert.equal(
		expectError(post('{"lastName": "x", "nickname": "y"}'), 400, 'JSON_PARSER_ERROR').message,
		'Unexpected parameter encountered during deserialization: nickname at [line:1, column:19]',
	);
	assert.match(
		expectError(post('{"lastName": ["x"]}'), 400, 'JSON_PARSER_ERROR').message,
		/^Cannot deserialize instance of String from START_ARRAY value \[/,
	);
	assert.match(
		expectError(post('{lastName}'), 400, 'JSON_PARSER_ERROR').message,
		/^Unexpected character \('l' \(code 108\)\)/,
	);
	assert.equal(records(query(api, 'SELECT Id FROM Contact')).length <= 3, true);
});

test('DELETE /Contacts/<id> removes the Contact', () => {
	const api = createApi(2);
	const [row] = records(query(api, 'SELECT Id FROM Contact LIMIT 1'));
	const id = String(row?.['Id']);
	const deleted = call(api, `${apex}/Contacts/${id}`, {method: 'DELETE'});
	assert.deepEqual([deleted.status, deleted.body], [200, '']);
	expectError(call(api, `${apex}/Contacts/${id}`), 500, 'APEX_ERROR');
	expectError(call(api, `${apex}/Contacts/${id}`, {method: 'DELETE'}), 500, 'APEX_ERROR');
	assert.equal(records(query(api, `SELECT Id FROM Contact WHERE Id = '${id}'`)).length, 0);
});

test('no matching mapping is NOT_FOUND "Could not find a match for URL"; other methods 405', () => {
	const api = createApi(1);
	for (const path of [
		`${apex}/contacts`,
		`${apex}/Accounts`,
		apex,
		`${apex}/`,
		`${apex}/%E0%A4%A`,
	]) {
		assert.equal(
			expectError(call(api, path), 404, 'NOT_FOUND').message,
			'Could not find a match for URL',
			path,
		);
	}
	const error = expectError(
		call(api, `${apex}/Contacts`, {method: 'PUT', body: '{}'}),
		405,
		'METHOD_NOT_ALLOWED',
	);
	assert.equal(error.message, "HTTP Method 'PUT' not allowed. Allowed are GET,POST,DELETE");
});
