import assert from 'node:assert/strict';
import {test} from 'node:test';
import postman, {type CollectionDefinition} from 'postman-collection';
import {postmanCollection} from '../../source/export/postman.js';
import {buildHistoryEntry} from '../../source/core/history-entry.js';
import {entry, input, prodOrg, uatOrg} from '../helpers/history-entries.js';

const {Collection} = postman;
const token = '00D5g000004XyZa!AR8AQJXg5oU0Cq8Ehc7sK3lCM2kVBXH2dbnd8EExqxrT3xOiS0M2TmjEVtPdRTp7zxp';

test('one org: bearer auth once on the collection, {{instance_url}} requests inheriting it, no token', () => {
	const entries = [
		entry(1, {method: 'GET', path: '/services/data/v66.0/query?q=SELECT+Id+FROM+Account'}),
		buildHistoryEntry(
			input({
				method: 'POST',
				path: '/services/apexrest/Contacts',
				requestHeaders: {Authorization: `Bearer ${token}`, 'X-Trace': 'on'},
				requestBody: '{"LastName":"Lovelace"}',
				status: 201,
				responseBody: '{"id":"003xx"}',
				secrets: [token],
			}),
			'e2',
			1_700_000_000_000,
		),
	];
	const text = postmanCollection(entries);
	assert.ok(!text.includes('AR8AQ'));
	const json = JSON.parse(text) as Record<string, unknown>;
	assert.equal(
		(json['info'] as {schema: string}).schema,
		'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
	);
	assert.deepEqual(json['auth'], {
		type: 'bearer',
		bearer: [{type: 'string', value: '{{access_token}}', key: 'token'}],
	});

	// Imported back with Postman's own library.
	const collection = new Collection(JSON.parse(text) as CollectionDefinition);
	assert.equal(collection.name, 'sftoken — acme-uat');
	assert.equal(collection.auth?.type, 'bearer');
	assert.equal(collection.auth?.parameters().get('token'), '{{access_token}}');
	assert.equal(collection.variables.get('instance_url'), uatOrg.instanceUrl);
	assert.equal(collection.variables.get('access_token'), '');
	const items: Array<InstanceType<typeof postman.Item>> = [];
	collection.forEachItem((item) => items.push(item));
	assert.equal(items.length, 2);
	const [get, post] = items;
	assert.equal(get?.request.method, 'GET');
	assert.equal(
		get?.request.url.toString(),
		'{{instance_url}}/services/data/v66.0/query?q=SELECT+Id+FROM+Account',
	);
	assert.equal(get?.request.body, undefined);
	assert.equal(post?.request.method, 'POST');
	assert.equal(post?.request.url.toString(), '{{instance_url}}/services/apexrest/Contacts');
	assert.equal(post?.request.body?.raw, '{"LastName":"Lovelace"}');
	assert.deepEqual(
		post?.request.headers.all().map((header) => [header.key, header.value]),
		[
			['X-Trace', 'on'],
			['Content-Type', 'application/json'],
		],
	);
	for (const item of items) {
		assert.equal(item.request.auth, undefined, 'no auth of its own: inherits');
		assert.equal(item.getAuth().type, 'bearer');
	}

	assert.equal(post?.responses.count(), 1);
	assert.equal(post?.responses.idx(0).code, 201);
});

test('several orgs: a folder each, no request can send one org’s token to another', () => {
	const text = postmanCollection([
		entry(1, {org: uatOrg, path: '/a'}),
		entry(2, {org: prodOrg, path: '/b'}),
		entry(3, {org: uatOrg, path: '/c'}),
	]);
	const collection = new Collection(JSON.parse(text) as CollectionDefinition);
	assert.equal(collection.name, 'sftoken requests');
	assert.equal(collection.variables.get('acme_instance_url'), prodOrg.instanceUrl);
	assert.equal(collection.variables.get('acme_access_token'), '');
	const folders: Array<{name: string; auth?: string; urls: string[]}> = [];
	collection.forEachItemGroup((group) => {
		const urls: string[] = [];
		group.forEachItem((item) => urls.push(item.request.url.toString()));
		folders.push({
			name: group.name,
			...(group.auth ? {auth: JSON.stringify(group.auth.toJSON())} : {}),
			urls,
		});
	});
	assert.deepEqual(
		folders.map((folder) => [folder.name, folder.urls]),
		[
			['acme-uat', ['{{instance_url}}/a', '{{instance_url}}/c']],
			['acme', ['{{acme_instance_url}}/b']],
		],
	);
	assert.equal(folders[0]?.auth, undefined);
	assert.match(folders[1]?.auth ?? '', /\{\{acme_access_token\}\}/u);
});

test('an empty list still makes a valid collection', () => {
	const collection = new Collection(JSON.parse(postmanCollection([])) as CollectionDefinition);
	assert.equal(collection.items.count(), 0);
	assert.equal(collection.auth?.type, 'bearer');
});
