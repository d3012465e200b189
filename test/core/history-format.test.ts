import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	changesData,
	formatAge,
	formatDuration,
	formatSize,
	isProductionOrg,
	printable,
	statusOf,
} from '../../source/core/history-format.js';
import {entry, prodOrg, uatOrg} from '../helpers/history-entries.js';

test('ages in the largest unit that fits', () => {
	const now = 10_000_000;
	const cases: ReadonlyArray<readonly [number, string]> = [
		[0, 'just now'],
		[-5000, 'just now'],
		[4999, 'just now'],
		[42_000, '42 s ago'],
		[181_000, '3 min ago'],
		[5 * 3_600_000, '5 h ago'],
		[3 * 86_400_000, '3 days ago'],
	];
	for (const [ago, text] of cases) assert.equal(formatAge(now - ago, now), text, String(ago));
});

test('durations, sizes and statuses', () => {
	assert.deepEqual(
		[85, 1234, 75_400].map((ms) => formatDuration(ms)),
		['85 ms', '1.2 s', '75 s'],
	);
	assert.deepEqual(
		[512, 1536, 3_355_443].map((bytes) => formatSize(bytes)),
		['512 B', '1.5 KB', '3.2 MB'],
	);
	assert.deepEqual(statusOf({status: 204}), {text: '204', tone: 'success'});
	assert.deepEqual(statusOf({status: 302}), {text: '302', tone: 'redirect'});
	assert.deepEqual(statusOf({status: 404}), {text: '404', tone: 'client-error'});
	assert.deepEqual(statusOf({status: 503}), {text: '503', tone: 'server-error'});
	assert.deepEqual(statusOf({}), {text: 'ERR', tone: 'failed'});
});

test('production unless known to be a sandbox; which methods change data', () => {
	assert.equal(isProductionOrg(entry(1, {org: prodOrg})), true);
	assert.equal(isProductionOrg(entry(1, {org: uatOrg})), false);
	const unknown = {alias: 'x', orgId: uatOrg.orgId, username: 'x', instanceUrl: uatOrg.instanceUrl};
	assert.equal(isProductionOrg(entry(1, {org: unknown})), true);
	assert.deepEqual(
		['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'HEAD'].map((method) => changesData(method)),
		[false, true, true, true, true, false],
	);
});

test('printable: no control character reaches the terminal', () => {
	assert.equal(
		printable('/x\u001B]0;pwned\u0007\u009B2J\nok'),
		'/x⟨U+001B⟩]0;pwned⟨U+0007⟩⟨U+009B⟩2J⟨U+000A⟩ok',
	);
	assert.equal(printable('plain /path?q=1'), 'plain /path?q=1');
});
