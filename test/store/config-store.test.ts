import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {ConfigStoreError, inMemoryStore, openConfigStore} from '../../source/store/config-store.js';

function temporaryDirectory(t: {after(fn: () => void): void}): string {
	const directory = mkdtempSync(path.join(tmpdir(), 'sftoken-config-'));
	t.after(() => {
		rmSync(directory, {recursive: true, force: true});
	});
	return directory;
}

test('the store lives in the given directory, readable by its owner only', (t) => {
	const directory = temporaryDirectory(t);
	const store = openConfigStore({cwd: directory, env: {}});
	store.set('answer', 42);
	assert.equal(store.path, path.join(directory, 'config.json'));
	assert.equal(openConfigStore({cwd: directory, env: {}}).get('answer'), 42);
	assert.equal(statSync(store.path).mode & 0o777, 0o600);
});

test('SFTOKEN_CONFIG_DIR moves the store; an explicit directory wins over it', (t) => {
	const fromEnv = temporaryDirectory(t);
	const explicit = temporaryDirectory(t);
	assert.equal(
		openConfigStore({env: {SFTOKEN_CONFIG_DIR: fromEnv}}).path,
		path.join(fromEnv, 'config.json'),
	);
	assert.equal(
		openConfigStore({cwd: explicit, env: {SFTOKEN_CONFIG_DIR: fromEnv}}).path,
		path.join(explicit, 'config.json'),
	);
});

test('without an override the store follows XDG_CONFIG_HOME', (t) => {
	const xdg = temporaryDirectory(t);
	const previous = process.env['XDG_CONFIG_HOME'];
	process.env['XDG_CONFIG_HOME'] = xdg;
	t.after(() => {
		if (previous === undefined) delete process.env['XDG_CONFIG_HOME'];
		else process.env['XDG_CONFIG_HOME'] = previous;
	});
	assert.equal(openConfigStore({env: {}}).path, path.join(xdg, 'sftoken', 'config.json'));
});

test('a config file that is not JSON is reported with a fix, not wiped', (t) => {
	const directory = temporaryDirectory(t);
	const file = path.join(directory, 'config.json');
	writeFileSync(file, '{"recentLogins": [,]');
	assert.throws(
		() => openConfigStore({cwd: directory, env: {}}),
		(error: unknown) =>
			error instanceof ConfigStoreError &&
			error.message.includes(file) &&
			/delete it/.test(error.fix),
	);
});

test('the in-memory store keeps what is set', () => {
	const store = inMemoryStore();
	assert.equal(store.get('x'), undefined);
	store.set('x', [1]);
	assert.deepEqual(store.get('x'), [1]);
});
