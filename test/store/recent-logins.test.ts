import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {parseLoginTarget} from '../../source/core/login-target.js';
import type {LoginTarget} from '../../source/core/login-target.js';
import {inMemoryStore, openConfigStore} from '../../source/store/config-store.js';
import type {KeyValueStore} from '../../source/store/config-store.js';
import {maxRecentLogins, recentLogins} from '../../source/store/recent-logins.js';

function target(url: string): LoginTarget {
	const parsed = parseLoginTarget(url);
	assert.ok(parsed.ok, url);
	return parsed.target;
}

function temporaryStore(t: {after(fn: () => void): void}) {
	const directory = mkdtempSync(path.join(tmpdir(), 'sftoken-recent-'));
	t.after(() => {
		rmSync(directory, {recursive: true, force: true});
	});
	return {directory, store: openConfigStore({cwd: directory, env: {}})};
}

const urls = (logins: readonly LoginTarget[]) => logins.map((login) => login.loginUrl);

test('remembered logins are listed newest first, across restarts', (t) => {
	const {directory, store} = temporaryStore(t);
	const recent = recentLogins(store);
	assert.deepEqual(recent.list(), []);
	recent.remember(target('https://acme.my.salesforce.com'));
	recent.remember(target('https://acme--uat.sandbox.my.salesforce.com'));
	const reopened = recentLogins(openConfigStore({cwd: directory, env: {}}));
	assert.deepEqual(urls(reopened.list()), [
		'https://acme--uat.sandbox.my.salesforce.com',
		'https://acme.my.salesforce.com',
	]);
	assert.deepEqual(reopened.list()[0], target('https://acme--uat.sandbox.my.salesforce.com'));
});

test('remembering a login again moves it to the front without a duplicate', (t) => {
	const recent = recentLogins(temporaryStore(t).store);
	recent.remember(target('https://a.my.salesforce.com'));
	recent.remember(target('https://b.my.salesforce.com'));
	recent.remember(target('https://a.my.salesforce.com'));
	assert.deepEqual(urls(recent.list()), [
		'https://a.my.salesforce.com',
		'https://b.my.salesforce.com',
	]);
});

test(`at most ${maxRecentLogins} are kept, the oldest dropped`, (t) => {
	const recent = recentLogins(temporaryStore(t).store);
	for (const name of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) {
		recent.remember(target(`https://${name}.my.salesforce.com`));
	}

	assert.deepEqual(urls(recent.list()), [
		'https://g.my.salesforce.com',
		'https://f.my.salesforce.com',
		'https://e.my.salesforce.com',
		'https://d.my.salesforce.com',
		'https://c.my.salesforce.com',
	]);
});

test('forget removes one login', (t) => {
	const recent = recentLogins(temporaryStore(t).store);
	recent.remember(target('https://a.my.salesforce.com'));
	recent.remember(target('https://b.my.salesforce.com'));
	recent.forget('https://a.my.salesforce.com');
	assert.deepEqual(urls(recent.list()), ['https://b.my.salesforce.com']);
	recent.forget('https://not-there.my.salesforce.com');
	assert.deepEqual(urls(recent.list()), ['https://b.my.salesforce.com']);
});

test('a hand-edited file: wrong types are skipped, hosts that are not login hosts never come back', (t) => {
	const {directory} = temporaryStore(t);
	writeFileSync(
		path.join(directory, 'config.json'),
		JSON.stringify({
			recentLogins: [
				42,
				null,
				{loginUrl: 'https://x.my.salesforce.com'},
				'https://evil.example.com',
				'http://127.0.0.1:8080',
				'https://acme.lightning.force.com/lightning/page/home',
				'https://acme.my.salesforce.com',
			],
		}),
	);
	const recent = recentLogins(openConfigStore({cwd: directory, env: {}}));
	// The Lightning URL is kept as the login URL it derives to, once.
	assert.deepEqual(urls(recent.list()), ['https://acme.my.salesforce.com']);
});

test('a value of the wrong shape reads as no recent logins', () => {
	for (const value of ['https://acme.my.salesforce.com', {}, 7, true]) {
		const store = inMemoryStore();
		store.set('recentLogins', value);
		assert.deepEqual(recentLogins(store).list(), []);
	}
});

test('a store that fails to read or write costs the shortcut, never the login', () => {
	const broken: KeyValueStore = {
		get() {
			throw new SyntaxError('The config file is not valid JSON.');
		},
		set() {
			throw new Error('EACCES');
		},
	};
	const recent = recentLogins(broken);
	assert.deepEqual(recent.list(), []);
	assert.doesNotThrow(() => {
		recent.remember(target('https://acme.my.salesforce.com'));
		recent.forget('https://acme.my.salesforce.com');
	});
});

test('a loopback emulator address is never remembered', () => {
	const store = inMemoryStore();
	const recent = recentLogins(store);
	recent.remember({
		loginUrl: 'http://127.0.0.1:4100',
		label: 'Local emulator',
		kind: 'unknown',
		source: 'emulator',
	});
	assert.deepEqual(recent.list(), []);
	assert.equal(store.get('recentLogins'), undefined);
});
