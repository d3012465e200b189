import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {stripVTControlCharacters} from 'node:util';
import {render} from 'ink-testing-library';
import {useState} from 'react';
import {
	ResponseView,
	type RawPage,
} from '../../../source/components/response-view/response-view.js';
import {formatBody, type BodyLines, type FormatOptions} from '../../../source/core/json-lines.js';
import {startEmulator, type RunningEmulator} from '../../../source/emulator/index.js';
import {sendRestRequest} from '../../../source/salesforce/rest.js';
import type {TokenResponse} from '../../../source/salesforce/oauth-tokens.js';
import {renderTerminal} from '../../helpers/render-terminal.js';
import {waitFor, waitForText} from '../../helpers/wait-for.js';
import {loginWithDevice} from '../../salesforce/login.js';

const down = '\u001B[B';
const pageDown = '\u001B[6~';

const ok = {
	status: 200,
	statusText: 'OK',
	timeMs: 152,
	sizeBytes: 0,
	truncated: false,
	headers: {
		'content-type': 'application/json;charset=UTF-8',
		'sforce-limit-info': 'api-usage=18/5000',
	},
	limitInfo: {apiUsage: {used: 18, max: 5000}},
};

/** A formatter that counts how often a body is formatted, indexed and drawn. */
function countingFormatter() {
	const counts = {format: 0, advance: 0, line: 0};
	const format = (text: string, options: FormatOptions): BodyLines => {
		counts.format++;
		const lines = formatBody(text, options);
		return {
			get kind() {
				return lines.kind;
			},
			text: lines.text,
			get lineCount() {
				return lines.lineCount;
			},
			get done() {
				return lines.done;
			},
			get progress() {
				return lines.progress;
			},
			get syntaxError() {
				return lines.syntaxError;
			},
			get query() {
				return lines.query;
			},
			get topLevelString() {
				return lines.topLevelString;
			},
			advance(budget) {
				counts.advance++;
				return lines.advance(budget);
			},
			line(index, window) {
				counts.line++;
				return lines.line(index, window);
			},
			find: (query, from, direction) => lines.find(query, from, direction),
		};
	};

	return {counts, format};
}

/** A 20 MB query answer like Salesforce's (compact JSON, records with attributes). */
function bigQueryBody(): string {
	const records = [];
	let size = 0;
	for (let index = 0; size < 20 * 1024 * 1024; index++) {
		const record = {
			attributes: {type: 'Contact', url: `/services/data/v66.0/sobjects/Contact/003${index}`},
			Id: `003${String(index).padStart(15, '0')}`,
			Name: `Søren King ${index}`,
			Email: `soren.king.${index}@example.com`,
			Description: 'Met at the conference; follow up about the renewal. '.repeat(8),
			Amount: index * 1.5,
			Active: index % 2 === 0,
			Owner: null,
		};
		records.push(record);
		size += JSON.stringify(record).length + 1;
	}

	return JSON.stringify({totalSize: records.length, done: true, records});
}

function frameLines(frame: string): string[] {
	return frame.replace(/\n$/u, '').split('\n');
}

test('a 20 MB body opens, scrolls and searches without being formatted again; only visible lines are drawn', async () => {
	const body = bigQueryBody();
	assert.ok(body.length >= 20 * 1024 * 1024, `${body.length} characters`);
	const {counts, format} = countingFormatter();
	const height = 20;
	const terminal = renderTerminal(
		<ResponseView
			response={{...ok, sizeBytes: Buffer.byteLength(body)}}
			pages={[{body, label: ''}]}
			width={80}
			height={height}
			isActive
			format={format}
		/>,
		{columns: 80, rows: 30},
	);
	// The first lines show while the rest is still being read.
	const first = await waitForText(terminal.lastFrame, '"totalSize"');
	assert.match(
		first,
		/^200 OK · 152 ms · 20\.\d MB · API 18\/5000 today \(0\.4%\) · application\/json/u,
	);
	await waitFor(
		() => !terminal.lastFrame().includes('Reading the body'),
		() => `indexing to finish; last frame:\n${terminal.lastFrame()}`,
		60_000,
	);
	assert.equal(counts.format, 1);
	const advances = counts.advance;
	assert.ok(advances > 5, `indexed in steps (${advances})`);
	assert.ok(frameLines(terminal.lastFrame()).length <= height);

	// Scrolling: each key draws at most one screenful of lines and formats nothing.
	for (const key of [down, down, pageDown, pageDown, 'G', 'g', pageDown]) {
		const before = terminal.lastFrame();
		counts.line = 0;
		terminal.write(key);
		await waitFor(
			() => terminal.lastFrame() !== before,
			() => `frame to change after ${JSON.stringify(key)}`,
		);
		assert.ok(counts.line <= height, `${counts.line} lines drawn for one key`);
		assert.ok(frameLines(terminal.lastFrame()).length <= height);
	}

	terminal.write('G');
	const end = await waitForText(terminal.lastFrame, '  ]');
	assert.match(end, /^\}$/mu);

	// Search from the end wraps to the top; n goes on from there.
	terminal.write('/');
	await waitForText(terminal.lastFrame, '/▏');
	terminal.write('søren king 1');
	terminal.write('\r');
	const found = await waitForText(terminal.lastFrame, 'search continued from the top');
	assert.match(frameLines(found)[1] ?? '', /"Name": "Søren King 1",/u);
	terminal.write('n');
	await waitFor(
		() => /"Name": "Søren King 10",/u.test(frameLines(terminal.lastFrame())[1] ?? ''),
		() => terminal.lastFrame(),
	);
	terminal.write('N');
	await waitFor(
		() => /"Name": "Søren King 1",/u.test(frameLines(terminal.lastFrame())[1] ?? ''),
		() => terminal.lastFrame(),
	);

	assert.equal(counts.format, 1, 'formatted once for every key');
	assert.equal(counts.advance, advances, 'no indexing after the first time through');
	terminal.unmount();
});

test('the frame never has more lines than the view’s height, at any size', async () => {
	const body = JSON.stringify({items: Array.from({length: 300}, (_, index) => ({index}))});
	for (const [width, height] of [
		[40, 5],
		[100, 12],
	] as const) {
		const terminal = renderTerminal(
			<ResponseView
				response={ok}
				pages={[{body, label: ''}]}
				width={width}
				height={height}
				isActive
			/>,
			{columns: width, rows: height + 10},
		);
		const frame = await waitForText(terminal.lastFrame, '"items"');
		assert.equal(frameLines(frame).length, height);
		for (const line of frameLines(frame)) assert.ok([...line].length <= width, line);
		terminal.unmount();
	}
});

test('a hostile body shows its escape sequences as glyphs; nothing raw reaches the terminal', async () => {
	const hostile = 'line one\u001B[2J\u001B]52;c;ZXZpbA==\u0007\n\u009B31mred\u202Eevil\u0000';
	const instance = render(
		<ResponseView
			response={{...ok, headers: {'content-type': 'text/plain'}}}
			pages={[{body: hostile, contentType: 'text/plain', label: ''}]}
			width={80}
			height={8}
			isActive
		/>,
	);
	const frame = await waitForText(
		() => stripVTControlCharacters(instance.lastFrame() ?? ''),
		'line one',
	);
	assert.match(frame, /line one␛\[2J␛\]52;c;ZXZpbA==␇/u);
	assert.match(frame, /⟨U\+009B⟩31mred⟨U\+202E⟩evil␀/u);
	// Every frame Ink wrote, colour codes and all, holds no ESC but its own SGR sequences.
	for (const written of instance.frames) {
		const foreign = written.replaceAll(/\u001B\[[\d;]*m/gu, '');
		assert.doesNotMatch(foreign, /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202E]/u);
	}

	instance.unmount();
});

test('u unwraps a JSON string holding JSON and back; the key is offered only then', async () => {
	const inner = {id: '003xx', name: 'Ada'};
	const hints: string[] = [];
	const terminal = renderTerminal(
		<ResponseView
			response={ok}
			pages={[{body: JSON.stringify(JSON.stringify(inner)), label: ''}]}
			width={80}
			height={10}
			isActive
			onKeyHints={(given) => hints.push(given.map((hint) => hint.keys).join(' '))}
		/>,
	);
	await waitForText(terminal.lastFrame, '"{\\"id\\":\\"003xx\\"');
	await waitFor(
		() => hints.at(-1)?.split(' ').includes('u'),
		() => JSON.stringify(hints),
	);
	terminal.write('u');
	const unwrapped = await waitForText(terminal.lastFrame, 'unwrapped (u: as sent)');
	assert.match(unwrapped, /^ {2}"id": "003xx",$/mu);
	terminal.write('u');
	await waitForText(terminal.lastFrame, '"{\\"id\\"');
	terminal.unmount();

	const plain = renderTerminal(
		<ResponseView
			response={ok}
			pages={[{body: '{"a":1}', label: ''}]}
			width={80}
			height={10}
			isActive
		/>,
	);
	await waitForText(plain.lastFrame, '"a": 1');
	plain.write('u');
	await waitForText(plain.lastFrame, 'Nothing to unwrap');
	plain.unmount();
});

test('h shows the response headers and back', async () => {
	const terminal = renderTerminal(
		<ResponseView
			response={{...ok, headers: {...ok.headers, 'x-evil': 'a\u001B[31mb'}}}
			pages={[{body: '{"a":1}', label: ''}]}
			width={80}
			height={10}
			isActive
		/>,
	);
	await waitForText(terminal.lastFrame, '"a": 1');
	terminal.write('h');
	const frame = await waitForText(terminal.lastFrame, 'sforce-limit-info: api-usage=18/5000');
	assert.match(frame, /x-evil: a␛\[31mb/u);
	terminal.write('h');
	await waitForText(terminal.lastFrame, '"a": 1');
	terminal.unmount();
});

test('Salesforce error arrays are listed as readable messages above the JSON', async () => {
	const body = JSON.stringify([
		{
			errorCode: 'INVALID_FIELD',
			message:
				"\nSELECT Nme FROM Account\n       ^\nERROR at Row:1:Column:8\nNo such column 'Nme' on entity 'Account'.",
		},
	]);
	const terminal = renderTerminal(
		<ResponseView
			response={{...ok, status: 400, statusText: 'Bad Request'}}
			pages={[{body, label: ''}]}
			width={100}
			height={12}
			isActive
		/>,
	);
	const frame = await waitForText(terminal.lastFrame, '✗ INVALID_FIELD');
	assert.match(frame, /✗ INVALID_FIELD: No such column 'Nme' on entity 'Account'\./u);
	assert.match(frame, /"errorCode": "INVALID_FIELD"/u);
	terminal.unmount();
});

test('a body that is not valid JSON is shown as text, saying where it broke', async () => {
	const terminal = renderTerminal(
		<ResponseView
			response={ok}
			pages={[{body: '{"records":[{"Id":"001"},', contentType: 'application/json', label: ''}]}
			width={100}
			height={8}
			isActive
		/>,
	);
	const frame = await waitForText(terminal.lastFrame, 'Not valid JSON at line 1, column 26');
	assert.match(frame, /cut off/u);
	assert.match(frame, /\{"records":\[\{"Id":"001"\},/u);
	terminal.unmount();
});

test('c copies the body and shows how', async () => {
	const copied: string[] = [];
	const terminal = renderTerminal(
		<ResponseView
			response={ok}
			pages={[{body: '{"a":1}', label: ''}]}
			width={80}
			height={8}
			isActive
			onCopy={(text) => {
				copied.push(text);
				return Promise.resolve('✓ Copied');
			}}
		/>,
	);
	await waitForText(terminal.lastFrame, '"a": 1');
	terminal.write('c');
	await waitForText(terminal.lastFrame, '✓ Copied');
	assert.deepEqual(copied, ['{"a":1}']);
	terminal.unmount();
});

let emulator: RunningEmulator;
let login: TokenResponse;

before(async () => {
	emulator = await startEmulator({records: 450});
	login = await loginWithDevice(emulator);
});

after(async () => {
	await emulator.close();
});

/** The view with a parent that follows nextRecordsUrl against the emulator, as the screen does. */
function LoadingParent({first}: {readonly first: RawPage}) {
	const [pages, setPages] = useState<readonly RawPage[]>([first]);
	const [loading, setLoading] = useState<string | undefined>();
	const fetchPage = async (url: string): Promise<string | undefined> => {
		const result = await sendRestRequest({
			instanceUrl: login.instanceUrl,
			accessToken: login.accessToken,
			method: 'GET',
			path: url,
			step: 'load-more',
			headers: {'Sforce-Query-Options': 'batchSize=200'},
		});
		assert.ok(result.ok && result.value.status === 200, JSON.stringify(result));
		return result.value.body;
	};

	const load = async (url: string, all: boolean) => {
		let next: string | undefined = url;
		while (next !== undefined) {
			setLoading(`Loading ${next}…`);
			const body = await fetchPage(next);
			if (body === undefined) break;
			const label = `page from ${next}`;
			setPages((previous) => [...previous, {body, label}]);
			const parsed = JSON.parse(body) as {nextRecordsUrl?: string};
			next = all ? parsed.nextRecordsUrl : undefined;
		}

		setLoading(undefined);
	};

	return (
		<ResponseView
			response={ok}
			pages={pages}
			width={100}
			height={16}
			isActive
			{...(loading === undefined ? {} : {loading})}
			onLoadMore={(url) => void load(url, false)}
			onLoadAll={(url) => void load(url, true)}
		/>
	);
}

test('m loads the next page of a query from nextRecordsUrl, a loads all; pages are appended', async () => {
	const result = await sendRestRequest({
		instanceUrl: login.instanceUrl,
		accessToken: login.accessToken,
		method: 'GET',
		path: `/services/data/v66.0/query?q=${encodeURIComponent('SELECT Id, Name FROM Account')}`,
		headers: {'Sforce-Query-Options': 'batchSize=200'},
	});
	assert.ok(result.ok);
	const terminal = renderTerminal(<LoadingParent first={{body: result.value.body, label: ''}} />);
	const first = await waitForText(terminal.lastFrame, 'm load more');
	assert.match(first, /200 records of 450 loaded · m load more · a load all 250/u);
	terminal.write('m');
	await waitForText(terminal.lastFrame, '400 records of 450 loaded');
	// The second page follows the first after a separator line naming it.
	terminal.write('/');
	terminal.write('"done": false');
	terminal.write('\r');
	await waitFor(
		() => /"done": false/u.test(frameLines(terminal.lastFrame())[1] ?? ''),
		() => terminal.lastFrame(),
	);
	terminal.write('n');
	await waitFor(
		() => /query\/\S+-400"/u.test(frameLines(terminal.lastFrame())[2] ?? ''),
		() => terminal.lastFrame(),
	);
	terminal.write('k');
	terminal.write('k');
	terminal.write('k');
	await waitFor(
		() =>
			/^── page from \/services\/data\/v66\.0\/query\/\S+ ─+$/u.test(
				frameLines(terminal.lastFrame())[1] ?? '',
			),
		() => terminal.lastFrame(),
	);
	terminal.write('a');
	await waitFor(
		() => !terminal.lastFrame().includes('load more') && !terminal.lastFrame().includes('Loading'),
		() => terminal.lastFrame(),
	);
	terminal.write('/');
	terminal.write('"done": true');
	terminal.write('\r');
	const last = await waitForText(terminal.lastFrame, '"done": true');
	assert.match(last, /All 450 records loaded, in 3 pages/u);
	assert.doesNotMatch(last, /nextRecordsUrl/u);
	terminal.unmount();
});

test('keys typed faster than one read each act ("jjj", "G/…")', async () => {
	const body = JSON.stringify({items: Array.from({length: 50}, (_, index) => ({index}))});
	const terminal = renderTerminal(
		<ResponseView response={ok} pages={[{body, label: ''}]} width={60} height={10} isActive />,
	);
	await waitForText(terminal.lastFrame, '"items"');
	terminal.write('jjj');
	await waitFor(
		() => frameLines(terminal.lastFrame())[1] === '      "index": 0',
		() => terminal.lastFrame(),
	);
	terminal.write('g/"index": 7\r');
	await waitFor(
		() => frameLines(terminal.lastFrame())[1] === '      "index": 7',
		() => terminal.lastFrame(),
	);
	terminal.unmount();
});

test('n goes on from a match near the end, which the view cannot scroll to the top', async () => {
	const items = Array.from({length: 40}, (_, index) => ({
		name: index === 2 || index === 38 ? 'needle' : `n${index}`,
	}));
	const terminal = renderTerminal(
		<ResponseView
			response={ok}
			pages={[{body: JSON.stringify({items}), label: ''}]}
			width={60}
			height={12}
			isActive
		/>,
	);
	await waitForText(terminal.lastFrame, '"items"');
	terminal.write('G');
	await waitForText(terminal.lastFrame, '"n39"');
	terminal.write('/');
	await waitForText(terminal.lastFrame, '/▏');
	terminal.write('needle\r');
	// The last needle is on the last screen: found where it is, the view stays at the end.
	await waitFor(
		() => !terminal.lastFrame().includes('/needle'),
		() => terminal.lastFrame(),
	);
	assert.match(terminal.lastFrame(), /"name": "needle"/u);
	terminal.write('n');
	await waitForText(terminal.lastFrame, 'search continued from the top');
	assert.equal(frameLines(terminal.lastFrame())[1], '      "name": "needle"');
	terminal.unmount();
});
