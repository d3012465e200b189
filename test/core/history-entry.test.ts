import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	buildHistoryEntry,
	compactedLines,
	parseRecordLine,
	replayLines,
	serializeRecord,
	type HistoryRecord,
} from '../../source/core/history-entry.js';
import {entry, input} from '../helpers/history-entries.js';

const token = '00D5g000004XyZa!AR8AQJXg5oU0Cq8Ehc7sK3lCM2kVBXH2dbnd8EExqxrT3xOiS0M2TmjEVtPdRTp7zxp';

test('an entry drops credential headers and redacts every string it keeps', () => {
	const built = buildHistoryEntry(
		input({
			method: 'post',
			path: `/services/apexrest/Echo?sid=${token}`,
			requestHeaders: {
				Authorization: `Bearer ${token}`,
				Cookie: 'sid=x',
				'X-Debug': `Bearer ${token}`,
			},
			requestBody: `{"token":"${token}"}`,
			responseBody: `{"echo":"${token}"}`,
			error: `failed with ${token}`,
		}),
		'abc',
		5,
	);
	assert.equal(built.method, 'POST');
	assert.deepEqual(Object.keys(built.requestHeaders), ['X-Debug']);
	assert.ok(!JSON.stringify(built).includes('AR8AQ'), JSON.stringify(built));
	assert.equal(built.requestHeaders['X-Debug'], 'Bearer [REDACTED access token]');
});

test('bodies are capped, marked as cut, and the size is the whole body in bytes', () => {
	const built = buildHistoryEntry(
		input({requestBody: 'b'.repeat(50), responseBody: 'é'.repeat(40)}),
		'id',
		1,
		{previewChars: 10, requestBodyChars: 20},
	);
	assert.equal(built.requestBody, 'b'.repeat(20));
	assert.equal(built.requestBodyTruncated, true);
	assert.equal(built.responsePreview, 'é'.repeat(10));
	assert.equal(built.responseTruncated, true);
	assert.equal(built.responseSize, 80);
	const small = buildHistoryEntry(input({requestBody: 'x'}), 'id2', 1);
	assert.equal(small.requestBodyTruncated, undefined);
	assert.equal(small.responseTruncated, undefined);
});

test('records round-trip through their line, which always starts with the same prefix', () => {
	const records: HistoryRecord[] = [
		{
			type: 'entry',
			entry: entry(1, {requestBody: 'line\nbreak', status: undefined, error: 'reset'}),
		},
		{type: 'delete', id: 'e00001'},
		{type: 'clear', id: 'c1', time: 9},
	];
	for (const record of records) {
		const line = serializeRecord(record);
		assert.ok(line.startsWith('{"v":1,'));
		assert.ok(!line.includes('\n'));
		assert.deepEqual(parseRecordLine(line), record);
	}
});

test('lines that are not records read as nothing; a half line glued to a whole one yields the whole one', () => {
	const whole = serializeRecord({type: 'entry', entry: entry(2)});
	assert.equal(parseRecordLine('not json'), undefined);
	assert.equal(parseRecordLine('{"v":2,"type":"entry"}'), undefined);
	assert.equal(parseRecordLine(whole.slice(0, 40)), undefined);
	assert.deepEqual(parseRecordLine(`${whole.slice(0, 40)}${whole}`), {
		type: 'entry',
		entry: entry(2),
	});
	// A hand-edited entry with a foreign instance URL or a credential header is not trusted.
	const hostile = JSON.parse(whole) as Record<string, unknown>;
	assert.equal(
		parseRecordLine(
			JSON.stringify({...hostile, org: {...entry(2).org, instanceUrl: 'http://evil.example'}}),
		),
		undefined,
	);
	const parsed = parseRecordLine(
		JSON.stringify({...hostile, requestHeaders: {Authorization: 'x', A: 'b'}}),
	);
	assert.deepEqual(parsed?.type === 'entry' ? parsed.entry.requestHeaders : undefined, {A: 'b'});
});

test('replay: deletes and clears apply in order, a repeated id never comes back', () => {
	const lines = [
		serializeRecord({type: 'entry', entry: entry(1)}),
		serializeRecord({type: 'entry', entry: entry(2)}),
		'garbage',
		serializeRecord({type: 'delete', id: 'e00001'}),
		serializeRecord({type: 'entry', entry: entry(1)}),
		serializeRecord({type: 'entry', entry: entry(3)}),
		serializeRecord({type: 'clear', id: 'c1', time: 1}),
		serializeRecord({type: 'entry', entry: entry(3)}),
		serializeRecord({type: 'entry', entry: entry(4)}),
		serializeRecord({type: 'entry', entry: entry(4)}),
		// The same clear written again after a compaction must not clear what came since.
		serializeRecord({type: 'clear', id: 'c1', time: 1}),
		serializeRecord({type: 'entry', entry: entry(5)}),
		'',
	];
	const result = replayLines(lines);
	assert.deepEqual(
		result.entries.map((item) => item.id),
		['e00004', 'e00005'],
	);
	assert.equal(result.badLines, 1);
	assert.equal(result.goodLines, 11);
	assert.deepEqual(result.lastClear, {type: 'clear', id: 'c1', time: 1});
});

test('compactedLines: the last clear, then the newest entries', () => {
	const replayed = replayLines([
		serializeRecord({type: 'entry', entry: entry(1)}),
		serializeRecord({type: 'clear', id: 'c1', time: 1}),
		...[2, 3, 4].map((index) => serializeRecord({type: 'entry', entry: entry(index)})),
		serializeRecord({type: 'delete', id: 'e00004'}),
	]);
	assert.deepEqual(compactedLines(replayed, 1), [
		serializeRecord({type: 'clear', id: 'c1', time: 1}),
		serializeRecord({type: 'entry', entry: entry(3)}),
	]);
});
