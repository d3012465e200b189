import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	chmodSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {
	memorySecretStore,
	openSecretStore,
	SecretStoreError,
	type Keyring,
} from '../../source/store/secrets.js';

function temporaryDirectory(t: {after(fn: () => void): void}): string {
	const directory = mkdtempSync(path.join(tmpdir(), 'sftoken-secrets-'));
	t.after(() => {
		rmSync(directory, {recursive: true, force: true});
	});
	return directory;
}

const tokens = {
	accessToken: '00D5g000004XyZa!AR8AQ.secret.access',
	refreshToken: '5Aep861.secret.refresh',
};

/** An in-memory keyring; `broken` makes every call fail like a missing Secret Service. */
function fakeKeyring(broken = false): {
	keyring: () => Promise<Keyring>;
	entries: Map<string, string>;
} {
	const entries = new Map<string, string>();
	const fail = () => {
		if (broken) throw new Error('Platform failure: DBus error');
	};

	return {
		entries,
		keyring: async () =>
			Promise.resolve({
				entry: (service: string, account: string) => {
					const key = `${service}/${account}`;
					return {
						async getPassword() {
							fail();
							return Promise.resolve(entries.get(key) ?? null);
						},
						async setPassword(password: string) {
							fail();
							entries.set(key, password);
							return Promise.resolve();
						},
						async deletePassword() {
							fail();
							return Promise.resolve(entries.delete(key));
						},
					};
				},
			}),
	};
}

test('SFTOKEN_SECRETS=file: a 0600 file next to the config, announced once', async (t) => {
	const directory = temporaryDirectory(t);
	const store = await openSecretStore({directory, env: {SFTOKEN_SECRETS: 'file'}});
	assert.equal(store.kind, 'file');
	const file = path.join(directory, 'secrets.json');
	assert.equal(store.location, file);
	await store.write('00D:005', tokens);
	assert.equal(statSync(file).mode & 0o777, 0o600);
	assert.deepEqual(await store.read('00D:005'), tokens);
	assert.equal(
		store.takeNotice(),
		`SFTOKEN_SECRETS=file; tokens are stored in ${file} (readable only by you).`,
	);
	assert.equal(store.takeNotice(), undefined, 'said once');
	const reopened = await openSecretStore({directory, env: {SFTOKEN_SECRETS: 'file'}});
	assert.equal(reopened.takeNotice(), undefined, 'the file exists: nothing new to say');
	assert.deepEqual(await reopened.read('00D:005'), tokens);
	assert.deepEqual(readdirSync(directory), ['secrets.json'], 'no temporary file left behind');
});

test('without a working keychain the file is used, and the notice says there is no keychain', async (t) => {
	const directory = temporaryDirectory(t);
	const {keyring} = fakeKeyring(true);
	const store = await openSecretStore({directory, env: {}, keyring});
	assert.equal(store.kind, 'file');
	assert.match(
		store.takeNotice() ?? '',
		/^No OS keychain found; tokens are stored in .*secrets\.json \(readable only by you\)\.$/,
	);
});

test('a secrets file others can read is made private again when read', async (t) => {
	const directory = temporaryDirectory(t);
	const store = await openSecretStore({directory, env: {SFTOKEN_SECRETS: 'file'}});
	await store.write('a', tokens);
	const file = path.join(directory, 'secrets.json');
	chmodSync(file, 0o644);
	assert.deepEqual(await store.read('a'), tokens);
	assert.equal(statSync(file).mode & 0o777, 0o600);
});

test('a secrets file that is not JSON is named and never replaced by a write', async (t) => {
	const directory = temporaryDirectory(t);
	const file = path.join(directory, 'secrets.json');
	writeFileSync(file, '{"accounts": {', {mode: 0o600});
	const store = await openSecretStore({directory, env: {SFTOKEN_SECRETS: 'file'}});
	const damaged = (error: unknown) =>
		error instanceof SecretStoreError &&
		error.message.includes(file) &&
		/delete it and log in again/u.test(error.fix);
	await assert.rejects(store.read('a'), damaged);
	await assert.rejects(store.write('a', {accessToken: 'x'}), damaged);
	assert.equal(readFileSync(file, 'utf8'), '{"accounts": {');
});

test('hand-edited entries: bad ones are skipped, __proto__ stays data', async (t) => {
	const directory = temporaryDirectory(t);
	writeFileSync(
		path.join(directory, 'secrets.json'),
		JSON.stringify({
			accounts: {
				good: {accessToken: 'a'},
				bad: {accessToken: 3},
				empty: {},
				['__proto__']: {accessToken: 'p'},
			},
		}),
		{mode: 0o600},
	);
	const store = await openSecretStore({directory, env: {SFTOKEN_SECRETS: 'file'}});
	assert.deepEqual(await store.read('good'), {accessToken: 'a'});
	assert.equal(await store.read('bad'), undefined);
	assert.equal(await store.read('empty'), undefined);
	assert.deepEqual(await store.read('__proto__'), {accessToken: 'p'});
	await store.remove('good');
	assert.equal(await store.read('good'), undefined);
	assert.deepEqual(await store.read('__proto__'), {accessToken: 'p'});
});

test('a working keychain holds the tokens; nothing goes to a file', async (t) => {
	const directory = temporaryDirectory(t);
	const {keyring, entries} = fakeKeyring();
	const store = await openSecretStore({directory, env: {}, keyring});
	assert.equal(store.kind, 'keychain');
	assert.equal(store.takeNotice(), undefined);
	await store.write('00D:005', tokens);
	assert.deepEqual([...entries.keys()], ['sftoken/00D:005'], 'the probe entry was cleaned up');
	assert.deepEqual(await store.read('00D:005'), tokens);
	assert.deepEqual(readdirSync(directory), []);
	await store.remove('00D:005');
	assert.equal(await store.read('00D:005'), undefined);
});

test('tokens a file-only run left behind are still found with a keychain, and moved on write', async (t) => {
	const directory = temporaryDirectory(t);
	const file = await openSecretStore({directory, env: {SFTOKEN_SECRETS: 'file'}});
	await file.write('acct', tokens);
	const {keyring, entries} = fakeKeyring();
	const store = await openSecretStore({directory, env: {}, keyring});
	assert.deepEqual(await store.read('acct'), tokens);
	await store.write('acct', {accessToken: 'new'});
	assert.equal(entries.get('sftoken/acct'), JSON.stringify({accessToken: 'new'}));
	assert.doesNotMatch(readFileSync(path.join(directory, 'secrets.json'), 'utf8'), /secret/);
});

test('SFTOKEN_SECRETS=keychain without a keychain is an error with a fix, never the file', async (t) => {
	const directory = temporaryDirectory(t);
	const {keyring} = fakeKeyring(true);
	await assert.rejects(
		openSecretStore({directory, env: {SFTOKEN_SECRETS: 'keychain'}, keyring}),
		(error: unknown) => error instanceof SecretStoreError && /SFTOKEN_SECRETS=file/.test(error.fix),
	);
	assert.deepEqual(readdirSync(directory), []);
});

test('an unknown SFTOKEN_SECRETS value is an error', async (t) => {
	const directory = temporaryDirectory(t);
	await assert.rejects(
		openSecretStore({directory, env: {SFTOKEN_SECRETS: 'plaintext'}}),
		(error: unknown) => error instanceof SecretStoreError && /"file" or "keychain"/.test(error.fix),
	);
});

test('a keychain that fails after the probe reports an error with a fix', async (t) => {
	const directory = temporaryDirectory(t);
	const {keyring} = fakeKeyring();
	const working = await keyring();
	let locked = false;
	const store = await openSecretStore({
		directory,
		env: {},
		keyring: async () =>
			Promise.resolve({
				entry(service: string, account: string) {
					const entry = working.entry(service, account);
					return {
						getPassword: async () =>
							locked ? Promise.reject(new Error('locked')) : entry.getPassword(),
						setPassword: async (password: string) => entry.setPassword(password),
						deletePassword: async () => entry.deletePassword(),
					};
				},
			}),
	});
	locked = true;
	await assert.rejects(
		store.read('a'),
		(error: unknown) => error instanceof SecretStoreError && /Unlock the keychain/.test(error.fix),
	);
});

test('the memory store keeps tokens for the process only', async () => {
	const store = memorySecretStore();
	assert.equal(store.kind, 'memory');
	await store.write('a', tokens);
	assert.deepEqual(await store.read('a'), tokens);
	await store.remove('a');
	assert.equal(await store.read('a'), undefined);
	assert.equal(store.takeNotice(), undefined);
});
