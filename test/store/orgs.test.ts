import {test} from 'node:test';
import assert from 'node:assert/strict';
import {inMemoryStore} from '../../source/store/config-store.js';
import {isValidAlias, orgStore, secretAccount, type OrgToSave} from '../../source/store/orgs.js';

function org(overrides: Partial<OrgToSave> = {}): OrgToSave {
	return {
		loginUrl: 'https://login.salesforce.com',
		instanceUrl: 'https://acme.my.salesforce.com',
		clientId: '3MVG9abc.def',
		username: 'ada@acme.com',
		orgId: '00D5g000004XyZaEAK',
		userId: '0055g00000AbCdEAAZ',
		orgName: 'Acme',
		sandbox: false,
		apiVersion: '66.0',
		loginMethod: 'device',
		...overrides,
	};
}

const other = {
	username: 'bob@globex.com',
	orgId: '00D5g000001GlobEAA',
	userId: '0055g00000GlobXAAQ',
	orgName: 'Globex Corporation',
};

test('save derives the alias from the username and reads back every field', () => {
	const orgs = orgStore(inMemoryStore());
	const {org: saved, replaced} = orgs.save(org(), 1000);
	assert.equal(saved.alias, 'ada@acme.com');
	assert.equal(replaced, false);
	assert.deepEqual(orgs.get('ada@acme.com'), {...org(), alias: 'ada@acme.com', lastUsedAt: 1000});
});

test('an alias is derived from the org name when the username cannot be one', () => {
	const orgs = orgStore(inMemoryStore());
	assert.equal(
		orgs.save(org({...other, username: '-odd user-'}), 1).org.alias,
		'globex-corporation',
	);
});

test('logging in again as the same user of the same org replaces the entry and keeps the alias', () => {
	const orgs = orgStore(inMemoryStore());
	orgs.save(org({alias: 'acme'}), 1);
	const again = orgs.save(org({instanceUrl: 'https://acme2.my.salesforce.com'}), 2);
	assert.equal(again.replaced, true);
	assert.equal(again.org.alias, 'acme');
	assert.equal(orgs.list().length, 1);
	assert.equal(orgs.get('acme')?.instanceUrl, 'https://acme2.my.salesforce.com');
});

test('an alias requested for another org moves that org to a new alias instead of dropping it', () => {
	const orgs = orgStore(inMemoryStore());
	orgs.save(org({alias: 'work'}), 1);
	const outcome = orgs.save(org({...other, alias: 'work'}), 2);
	assert.deepEqual(outcome.renamed, {from: 'work', to: 'ada@acme.com', username: 'ada@acme.com'});
	assert.equal(orgs.get('work')?.username, 'bob@globex.com');
	assert.equal(orgs.get('ada@acme.com')?.orgName, 'Acme');
});

test('derived aliases stay unique', () => {
	const orgs = orgStore(inMemoryStore());
	orgs.save(org({...other, alias: 'ada@acme.com'}), 1);
	assert.equal(orgs.save(org(), 2).org.alias, 'ada@acme.com-2');
});

test('get finds by alias, username or org id (15 or 18), and defaults to the org used last', () => {
	const orgs = orgStore(inMemoryStore());
	orgs.save(org({alias: 'acme'}), 1);
	orgs.save(org({...other, alias: 'globex'}), 2);
	assert.equal(orgs.get()?.alias, 'globex');
	assert.equal(orgs.get('acme')?.alias, 'acme');
	assert.equal(orgs.get('bob@globex.com')?.alias, 'globex');
	assert.equal(orgs.get('00D5g000004XyZa')?.alias, 'acme');
	assert.equal(orgs.get('00D5g000004XyZaEAK')?.alias, 'acme');
	assert.equal(orgs.get('nobody'), undefined);
	orgs.update('acme', {lastUsedAt: 3});
	assert.equal(orgs.get()?.alias, 'acme');
	assert.deepEqual(
		orgs.list().map((entry) => entry.alias),
		['acme', 'globex'],
	);
});

test('update keeps only a safe instance URL; remove forgets', () => {
	const orgs = orgStore(inMemoryStore());
	orgs.save(org({alias: 'acme'}), 1);
	assert.equal(
		orgs.update('acme', {instanceUrl: 'http://evil.example'})?.instanceUrl,
		'https://acme.my.salesforce.com',
	);
	assert.equal(
		orgs.update('acme', {instanceUrl: 'https://eu11.salesforce.com/'})?.instanceUrl,
		'https://eu11.salesforce.com',
	);
	assert.equal(orgs.update('nope', {apiVersion: '1.0'}), undefined);
	assert.equal(orgs.remove('acme'), true);
	assert.equal(orgs.remove('acme'), false);
	assert.deepEqual(orgs.list(), []);
});

test('save refuses what would not read back rather than losing the login silently', () => {
	const orgs = orgStore(inMemoryStore());
	assert.throws(() => orgs.save(org({instanceUrl: 'http://acme.example.com'}), 1), TypeError);
	assert.throws(() => orgs.save(org({orgId: 'not-an-id'}), 1), TypeError);
	assert.deepEqual(orgs.list(), []);
});

test('a hand-edited config full of nonsense reads as the entries that hold up', () => {
	const store = inMemoryStore();
	const good = {...org(), alias: 'good', lastUsedAt: 5};
	store.set('orgs', [
		null,
		42,
		'acme',
		[],
		{},
		{...good, alias: 'bad alias with spaces'},
		{...good, alias: 'http', loginUrl: 'http://evil.example.com'},
		{...good, alias: 'ftp', instanceUrl: 'ftp://acme.my.salesforce.com'},
		{...good, alias: 'noorg', orgId: '001000000000000'},
		{...good, alias: 'method', loginMethod: 'magic'},
		{...good, alias: 'proto', ['__proto__']: {polluted: true}},
		good,
		{...good, username: 'duplicate alias, first one wins'},
		{
			...good,
			alias: 'odd-fields',
			lastUsedAt: 'yesterday',
			sandbox: 'yes',
			apiVersion: 'v66',
			clientId: 'has space',
		},
	]);
	const orgs = orgStore(store);
	assert.deepEqual(
		orgs.list().map((entry) => entry.alias),
		['proto', 'good', 'odd-fields'],
	);
	const odd = orgs.get('odd-fields');
	assert.equal(odd?.lastUsedAt, 0);
	assert.equal(odd?.sandbox, undefined);
	assert.equal(odd?.apiVersion, undefined);
	assert.equal(odd?.clientId, undefined);
	assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
});

test('orgs that are not a list, or a store that throws, read as none', () => {
	const store = inMemoryStore();
	store.set('orgs', {alias: 'x'});
	assert.deepEqual(orgStore(store).list(), []);
	const broken = {
		get(): unknown {
			throw new Error('EACCES');
		},
		set() {
			throw new Error('EACCES');
		},
	};
	assert.deepEqual(orgStore(broken).list(), []);
	assert.equal(orgStore(broken).get(), undefined);
	assert.throws(() => orgStore(broken).save(org(), 1), /EACCES/);
});

test('the secret account names the user of the org, whatever the id length or alias', () => {
	assert.equal(secretAccount(org()), '00D5g000004XyZa:0055g00000AbCdE');
	assert.equal(
		secretAccount({orgId: '00D5g000004XyZa', userId: '0055g00000AbCdE'}),
		'00D5g000004XyZa:0055g00000AbCdE',
	);
});

test('isValidAlias', () => {
	for (const alias of ['acme', 'ada@acme.com.uat', 'a_b-c+d', '7'])
		assert.ok(isValidAlias(alias), alias);
	for (const alias of ['', '-x', 'a b', 'a/b', 'x'.repeat(81), 'é'])
		assert.ok(!isValidAlias(alias), alias);
});
