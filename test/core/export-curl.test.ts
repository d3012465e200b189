import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {test} from 'node:test';
import fc from 'fast-check';
import {curlCommand, curlExport, requestUrl, shellQuote} from '../../source/core/export-curl.js';
import {entry} from '../helpers/history-entries.js';

const instance = 'https://acme.my.salesforce.com';

/** What `sh` makes of a word list: each word on its own line, NUL-separated. */
function shellWords(script: string, env: Record<string, string> = {}): string[] {
	const output = execFileSync('sh', ['-c', `printf '%s\\0' ${script}`], {
		env: {PATH: process.env['PATH'] ?? '', ...env},
	});
	return output.toString('utf8').split('\0').slice(0, -1);
}

test('shellQuote: every string comes back from sh exactly', () => {
	fc.assert(
		fc.property(
			fc.string({unit: 'grapheme'}).filter((text) => !text.includes('\0')),
			(text) => {
				assert.deepEqual(shellWords(shellQuote(text)), [text]);
			},
		),
		{numRuns: 60},
	);
	assert.equal(shellQuote("it's"), String.raw`'it'\''s'`);
});

test('a GET: the instance URL filled in, the token from $SF_ACCESS_TOKEN and nowhere else', () => {
	const command = curlCommand(
		{
			method: 'GET',
			path: '/services/data/v66.0/limits',
			headers: {'Sforce-Query-Options': 'batchSize=200'},
		},
		instance,
	);
	assert.equal(
		command,
		[
			"curl -sS 'https://acme.my.salesforce.com/services/data/v66.0/limits'",
			'-H "Authorization: Bearer $SF_ACCESS_TOKEN"',
			"-H 'Sforce-Query-Options: batchSize=200'",
		].join(' \\\n  '),
	);
	const words = shellWords(command.replace(/^curl /u, '').replaceAll('\\\n', ''), {
		SF_ACCESS_TOKEN: 'tok$en',
	});
	assert.deepEqual(words, [
		'-sS',
		`${instance}/services/data/v66.0/limits`,
		'-H',
		'Authorization: Bearer tok$en',
		'-H',
		'Sforce-Query-Options: batchSize=200',
	]);
});

test('a POST with a hostile body: single-quoted, sent as raw data, JSON content type added', () => {
	const body = `{"Name":"O'Brien $(rm -rf /) \`x\` \\"q\\""}`;
	const command = curlCommand(
		{method: 'POST', path: '/services/apexrest/Contacts', headers: {}, body},
		instance,
	);
	const words = shellWords(command.replace(/^curl /u, '').replaceAll('\\\n', ''), {
		SF_ACCESS_TOKEN: 't',
	});
	assert.deepEqual(words, [
		'-sS',
		'-X',
		'POST',
		`${instance}/services/apexrest/Contacts`,
		'-H',
		'Authorization: Bearer t',
		'-H',
		'Content-Type: application/json',
		'--data-raw',
		body,
	]);
});

test('no body with GET, no -X for GET, --head for HEAD, credential headers never copied', () => {
	const get = curlCommand(
		{method: 'GET', path: '/x', headers: {Cookie: 'sid=1', authorization: 'Bearer 1'}, body: '{}'},
		instance,
	);
	assert.doesNotMatch(get, /--data-raw|-X|Cookie|Bearer 1/u);
	assert.match(
		curlCommand({method: 'HEAD', path: '/x', headers: {}}, instance),
		/^curl -sS --head /u,
	);
	assert.equal(requestUrl('https://a.example/', 'x'), 'https://a.example/x');
});

test('curlExport: a script with one commented command per entry, comments without control characters', () => {
	const script = curlExport([
		entry(1, {method: 'GET', path: '/services/data/'}),
		entry(2, {
			method: 'PATCH',
			path: '/x\n rm -rf ~',
			requestBody: '{"a":1}',
			status: undefined,
			error: 'reset',
		}),
	]);
	assert.match(script, /^#!\/bin\/sh\n/u);
	assert.match(script, /set -u/u);
	assert.match(script, /# GET \/services\/data\/ → 200, acme-uat, 2023-11-14T22:13:21\.000Z\n/u);
	assert.match(script, /# PATCH \/x {2}rm -rf ~ → no response/u);
	assert.equal(script.match(/^curl /gmu)?.length, 2);
	// The script parses as shell.
	execFileSync('sh', ['-n', '-c', script]);
});
