import {test} from 'node:test';
import assert from 'node:assert/strict';
import {render} from 'ink-testing-library';
import {useState} from 'react';
import {inspectToken} from '../../source/core/token.js';
import {glyphFor} from '../../source/components/token-field/glyphs.js';
import {TokenField} from '../../source/components/token-field/token-field.js';
import {keyHints, verdictFor} from '../../source/components/token-field/token-field-text.js';
import {layoutToken, type TokenLayout} from '../../source/components/token-field/token-layout.js';
import {waitFor, waitForText} from '../helpers/wait-for.js';

const orgId = '00D5g000004XyZa';
const secret = 'AR8AQJXg5oV.' + 'kP3_rT9wQzLm'.repeat(6) + 'b1c2d3e44f2Q';
const token = `${orgId}!${secret}`;

type HarnessProps = {
	readonly initial?: string;
	readonly width?: number;
	readonly isActive?: boolean;
	readonly revealed?: boolean;
	readonly maxLines?: number;
	readonly changes?: string[];
	readonly toggles?: string[];
	readonly editingChanges?: boolean[];
};

/** A parent that owns the value, as the request screen does; it records what the field reports. */
function Harness({
	initial = '',
	width = 60,
	isActive = true,
	revealed,
	maxLines,
	changes = [],
	toggles = [],
	editingChanges = [],
}: HarnessProps) {
	const [value, setValue] = useState(initial);
	return (
		<TokenField
			value={value}
			width={width}
			isActive={isActive}
			maxLines={maxLines}
			{...(revealed === undefined
				? {}
				: {
						revealed,
						onToggleReveal() {
							toggles.push('toggle');
						},
					})}
			onChange={(next) => {
				changes.push(next);
				setValue(next);
			}}
			onEditingChange={(editing) => {
				editingChanges.push(editing);
			}}
		/>
	);
}

/** Colours off, so assertions read the text a user sees. */
function plain(frame: string | undefined): string {
	return (frame ?? '').replaceAll(/\u001B\[[\d;]*m/g, '');
}

function setup(props: HarnessProps) {
	const instance = render(<Harness {...props} />);
	const frame = () => plain(instance.lastFrame());
	// The verdict wraps within the field's width: read it as one line.
	const text = () => frame().replaceAll(/ *\n */g, ' ');
	return {...instance, frame, text};
}

async function waitForChanges(changes: readonly string[], expected: readonly string[]) {
	await waitFor(
		() => changes.length === expected.length,
		() => `${expected.length} changes, got ${JSON.stringify(changes)}`,
	);
	assert.deepEqual(changes, expected);
}

function layoutText(layout: TokenLayout): string[] {
	return [...layout.head, ...layout.tail].map((line) => line.map((run) => run.text).join(''));
}

void test('a clean token is masked: org id and last 4 characters visible', async () => {
	const {frame, text, unmount} = setup({initial: token});
	await waitForText(text, 'Looks like a valid access token for org 00D5g000004XyZa');
	const shown = frame();
	assert.ok(shown.includes(`${orgId}!••••`), shown);
	assert.ok(shown.includes('•4f2Q'), shown);
	assert.ok(!shown.includes('kP3_rT9wQzLm'), 'the secret is not on screen');
	assert.ok(shown.includes('v reveal'));
	unmount();
});

void test('stray characters stay visible in place while the token is masked', async () => {
	const {frame, text, unmount} = setup({initial: `${token}\n `});
	await waitForText(text, '2 stray characters: line break at 113, space at 114 — press f to fix');
	assert.ok(frame().includes('4f2Q␊·'), frame());
	unmount();
});

void test('each kind of stray character has its glyph', () => {
	const cases: Array<[string, string]> = [
		[' ', '·'],
		['\t', '→'],
		['\r', '␍'],
		['\n', '␊'],
		['\r\n', '␍␊'],
		['\u00A0', '⍽'],
		['\u200B', '⟨ZWSP⟩'],
		['\u200D', '⟨ZWJ⟩'],
		['\u200C', '⟨ZWNJ⟩'],
		['\u2060', '⟨WJ⟩'],
		['\uFEFF', '⟨BOM⟩'],
		['\u00AD', '⟨SHY⟩'],
		['\u201C', '“'],
		['\u2019', '’'],
		['\u0430', 'а'],
		['\u200E', '⟨U+200E⟩'],
		['\u2028', '⟨U+2028⟩'],
		['\u0007', '⟨U+0007⟩'],
		['\u001B', '⟨U+001B⟩'],
		['\u{1F600}', '⟨U+1F600⟩'],
		['\u0301', '⟨U+0301⟩'],
	];
	for (const [char, glyph] of cases) {
		const input = `${token.slice(0, 30)}${char}${token.slice(30)}`;
		const layout = layoutToken(inspectToken(input), {
			revealed: true,
			width: 200,
			maxLines: 6,
			cursor: false,
		});
		assert.deepEqual(
			layout.head[0],
			[
				{text: token.slice(0, 30), style: 'token'},
				{text: glyph, style: 'stray'},
				{text: token.slice(30), style: 'token'},
			],
			JSON.stringify(char),
		);
	}
	assert.equal(glyphFor('crlf', '\r\n'), '␍␊');
});

void test('wrapper text is shown as such, its blanks as glyphs', () => {
	const layout = layoutToken(inspectToken(`Bearer ${token}`), {
		revealed: true,
		width: 200,
		maxLines: 6,
		cursor: false,
	});
	assert.deepEqual(layout.head[0], [
		{text: 'Bearer·', style: 'wrapper'},
		{text: token, style: 'token'},
	]);
});

void test('masked, a secret-looking run in wrapper text is hidden too', () => {
	const refresh = '5Aep861TSESvWeug_xvFHRBTTbf';
	const input = `https://x.example/cb#access_token=${token}&refresh_token=${refresh}`;
	const lines = layoutText(
		layoutToken(inspectToken(input), {revealed: false, width: 300, maxLines: 6, cursor: false}),
	);
	assert.ok(!lines.join('').includes(refresh), lines.join(''));
	assert.ok(lines.join('').includes('refresh_token='), lines.join(''));
});

void test('masked, a short token shows nothing that would help guess it', () => {
	const masked = (input: string) =>
		layoutText(
			layoutToken(inspectToken(input), {revealed: false, width: 200, maxLines: 6, cursor: false}),
		).join('');
	assert.equal(masked(`${orgId}!abc.defgh`), `${orgId}!•••••••••`);
	assert.equal(masked(`${orgId}!${'a'.repeat(12)}wxyz`), `${orgId}!${'•'.repeat(12)}wxyz`);
	assert.equal(masked('abcdefgh'), '••••••••');
	assert.equal(masked(`eyJ${'a'.repeat(30)}.b.c`), `eyJa${'•'.repeat(29)}.b.c`);
});

void test('verdict colours: green clean, yellow fixable, red unfixable, gray empty', () => {
	assert.equal(verdictFor(inspectToken(token), false).color, 'green');
	assert.deepEqual(verdictFor(inspectToken(`${token}\n`), false), {
		text: '1 stray character: line break at 113 — press f to fix',
		color: 'yellow',
	});
	assert.equal(
		verdictFor(inspectToken(`${token}\n`), true).text,
		'1 stray character: line break at 113 — press Enter, then f to fix',
	);
	assert.equal(verdictFor(inspectToken('[REDACTED]'), false).color, 'red');
	assert.equal(verdictFor(inspectToken(''), false).color, 'gray');
	assert.equal(
		keyHints(inspectToken(`${token} `), {editing: false, revealed: false}),
		'paste to replace · e edit · v reveal · f fix · ctrl+u clear',
	);
	assert.equal(
		keyHints(inspectToken('[REDACTED]'), {editing: false, revealed: true}),
		'paste to replace · e edit · v hide · ctrl+u clear',
	);
});

void test('v reveals the whole token and hides it again', async () => {
	const {frame, stdin, unmount} = setup({initial: token});
	await waitForText(frame, 'v reveal');
	stdin.write('v');
	const shown = await waitForText(frame, 'v hide');
	assert.ok(shown.includes(token.slice(0, 60)), shown);
	assert.ok(shown.includes(token.slice(60)), shown);
	stdin.write('v');
	const hidden = await waitForText(frame, 'v reveal');
	assert.ok(!hidden.includes('kP3_rT9wQzLm'));
	unmount();
});

void test('a controlled reveal asks the parent instead of toggling itself', async () => {
	const toggles: string[] = [];
	const {frame, stdin, unmount} = setup({initial: token, revealed: true, toggles});
	await waitForText(frame, token.slice(0, 60));
	stdin.write('v');
	await waitFor(
		() => toggles.length === 1,
		() => 'onToggleReveal',
	);
	assert.ok(frame().includes('v hide'));
	unmount();
});

void test('verdicts on screen: placeholder, refresh token, empty field', async () => {
	const placeholder = setup({initial: 'Bearer [REDACTED]'});
	await waitForText(placeholder.text, 'Not a token but a placeholder: [REDACTED]');
	assert.ok(!placeholder.frame().includes('f fix'), 'no fix is offered');
	assert.ok(placeholder.frame().startsWith('Bearer·[REDACTED]'), 'a placeholder is not masked');
	placeholder.unmount();

	const refresh = setup({initial: '5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJrRZ3Oxj'});
	await waitForText(refresh.text, 'This is a refresh token');
	assert.ok(!refresh.frame().includes('TSESvWeug'), 'a refresh token is a secret too');
	refresh.unmount();

	const empty = setup({});
	await waitForText(empty.text, 'No token yet — paste one, or type it');
	empty.unmount();
});

void test('f applies the fix: onChange gets the fixed token', async () => {
	const changes: string[] = [];
	const {text, stdin, unmount} = setup({initial: `Bearer ${token}\r\n`, changes});
	await waitForText(text, "'Bearer ' prefix; 1 stray character");
	stdin.write('f');
	await waitForText(text, 'Looks like a valid access token');
	assert.deepEqual(changes, [token]);
	unmount();
});

void test('f and other letters do nothing when there is nothing the fix can do', async () => {
	const changes: string[] = [];
	for (const initial of [token, '[REDACTED]\n']) {
		const {frame, stdin, unmount} = setup({initial, changes});
		await waitForText(frame, 'v reveal');
		stdin.write('f');
		stdin.write('x');
		stdin.write('v');
		// The reveal shows the keys were read, in order, after f and x.
		await waitForText(frame, 'v hide');
		unmount();
	}
	assert.deepEqual(changes, []);
});

void test('a pasted token with a trailing line break lands whole, line break included', async () => {
	const changes: string[] = [];
	const {frame, text, stdin, unmount} = setup({changes});
	await waitForText(text, 'No token yet');
	stdin.write(`${token}\n`);
	await waitForText(text, '1 stray character: line break at 113 — press f to fix');
	assert.deepEqual(changes, [`${token}\n`]);
	assert.ok(frame().includes('4f2Q␊'), frame());
	unmount();
});

void test('a paste replaces the token outside edit mode', async () => {
	const changes: string[] = [];
	const {text, stdin, unmount} = setup({initial: '[REDACTED]', changes});
	await waitForText(text, 'placeholder');
	stdin.write(`${token} `);
	await waitForText(text, 'space at 113');
	assert.deepEqual(changes, [`${token} `]);
	unmount();
});

void test('a bracketed paste: markers stripped, trailing space and line break kept', async () => {
	const changes: string[] = [];
	const {text, stdin, unmount} = setup({changes});
	await waitForText(text, 'No token yet');
	stdin.write(`\u001B[200~${token} \n\u001B[201~`);
	await waitForText(text, '2 stray characters: space at 113, line break at 114');
	assert.deepEqual(changes, [`${token} \n`]);
	unmount();
});

void test('a bracketed paste split over two reads still lands as one value', async () => {
	const changes: string[] = [];
	const {text, stdin, unmount} = setup({changes});
	await waitForText(text, 'No token yet');
	stdin.write(`\u001B[200~${token.slice(0, 50)}`);
	stdin.write(`${token.slice(50)}\r\n\u001B[201~`);
	await waitForText(text, 'line break (CRLF) at 113');
	assert.deepEqual(changes, [`${token}\r\n`]);
	unmount();
});

void test('a 112-character token takes 2 lines in a 60-column field', async () => {
	const {frame, stdin, unmount} = setup({initial: token, width: 60});
	await waitForText(frame, 'v reveal');
	stdin.write('v');
	const shown = await waitForText(frame, 'v hide');
	const lines = shown.split('\n');
	assert.equal(lines[0], token.slice(0, 60));
	assert.equal(lines[1], token.slice(60));
	assert.ok(lines[2]?.startsWith('Looks like a valid'), shown);
	unmount();
});

void test('a glyph is never split across lines', () => {
	const input = `${token.slice(0, 18)}\u200B${token.slice(18)}`;
	const layout = layoutToken(inspectToken(input), {
		revealed: true,
		width: 20,
		maxLines: 20,
		cursor: false,
	});
	const lines = layoutText(layout);
	assert.equal(lines[0], token.slice(0, 18));
	assert.ok(lines[1]?.startsWith('⟨ZWSP⟩'), lines.join('\n'));
	assert.ok(lines.every((line) => line.length <= 20));
	assert.equal(lines.join('').replace('⟨ZWSP⟩', ''), token);
});

void test('a long value keeps its first lines and its last, where the line break is', () => {
	const input = `${'a'.repeat(2000)}\n`;
	const layout = layoutToken(inspectToken(input), {
		revealed: false,
		width: 50,
		maxLines: 5,
		cursor: false,
	});
	assert.equal(layout.head.length, 3);
	assert.equal(layout.tail.length, 1);
	assert.equal(layout.hiddenLines, 37);
	assert.ok(layoutText(layout).at(-1)?.endsWith('␊'));
});

void test('a 1 MB paste is drawn in a few lines', async () => {
	const changes: string[] = [];
	const {frame, text, stdin, unmount} = setup({changes});
	await waitForText(text, 'No token yet');
	stdin.write(`${orgId}!${'a'.repeat(1_000_000)}\n`);
	await waitForText(text, 'line break at 1000017');
	assert.ok(frame().includes('more lines ⋯'), frame());
	assert.ok(frame().split('\n').length < 12, frame());
	assert.equal(changes[0]?.length, 1_000_017);
	unmount();
});

void test('raw ESC and BEL in the value are drawn as glyphs, never sent to the terminal', async () => {
	const initial = `${token.slice(0, 30)}\u001B[2J${token.slice(30, 60)}\u0007${token.slice(60)}\u001B]0;x\u0007`;
	for (const revealed of [false, true]) {
		const {lastFrame, frame, text, unmount} = setup({initial, revealed});
		await waitForText(text, 'escape character at 31');
		assert.ok(frame().includes('⟨U+001B⟩'), frame());
		assert.ok(frame().includes('⟨U+0007⟩'), frame());
		if (revealed) assert.ok(frame().includes('⟨U+001B⟩[2J'), frame());
		// Only colour sequences (ESC [ … m) may be in the frame; nothing else below 0x20 but \n.
		const withoutColours = (lastFrame() ?? '').replaceAll(/\u001B\[[\d;]*m/g, '');
		assert.doesNotMatch(withoutColours, /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
		unmount();
	}
});

void test('e edits: letters are text, Backspace deletes, Enter leaves', async () => {
	const changes: string[] = [];
	const editingChanges: boolean[] = [];
	const {frame, stdin, unmount} = setup({initial: token, changes, editingChanges});
	await waitForText(frame, 'e edit');
	stdin.write('e');
	await waitForText(frame, 'editing: type or paste');
	stdin.write('f');
	await waitForChanges(changes, [`${token}f`]);
	stdin.write('v');
	await waitForChanges(changes, [`${token}f`, `${token}fv`]);
	stdin.write('\u007F');
	await waitForChanges(changes, [`${token}f`, `${token}fv`, `${token}f`]);
	stdin.write('\r');
	await waitForText(frame, 'e edit');
	assert.deepEqual(editingChanges, [false, true, false]);
	unmount();
});

void test('a paste while editing is appended', async () => {
	const changes: string[] = [];
	const {frame, stdin, unmount} = setup({initial: token.slice(0, 50), changes});
	await waitForText(frame, 'e edit');
	stdin.write('e');
	await waitForText(frame, 'editing:');
	stdin.write(`\u001B[200~${token.slice(50)}\u001B[201~`);
	await waitForChanges(changes, [token]);
	unmount();
});

void test('Esc leaves edit mode; outside it, Esc, Tab, Shift+Tab and arrows change nothing', async () => {
	const changes: string[] = [];
	const {frame, stdin, unmount} = setup({initial: token, changes});
	await waitForText(frame, 'e edit');
	stdin.write('e');
	await waitForText(frame, 'editing:');
	stdin.write('\u001B');
	await waitForText(frame, 'e edit');
	for (const key of ['\u001B', '\t', '\u001B[Z', '\u001B[A', '\r']) stdin.write(key);
	stdin.write('v');
	await waitForText(frame, 'v hide');
	assert.deepEqual(changes, []);
	unmount();
});

void test('typing into an empty field starts editing', async () => {
	const changes: string[] = [];
	const {frame, text, stdin, unmount} = setup({changes});
	await waitForText(text, 'No token yet');
	stdin.write('f');
	await waitForText(frame, 'editing:');
	stdin.write('e');
	stdin.write('v');
	await waitForChanges(changes, ['f', 'fe', 'fev']);
	unmount();
});

void test('Ctrl+U clears; Backspace removes a trailing line break', async () => {
	const changes: string[] = [];
	const {text, stdin, unmount} = setup({initial: `${token}\n`, changes});
	await waitForText(text, 'line break at 113');
	stdin.write('\u007F');
	await waitForText(text, 'Looks like a valid access token');
	stdin.write('\u0015');
	await waitForText(text, 'No token yet');
	assert.deepEqual(changes, [token, '']);
	unmount();
});

void test('an inactive field ignores keys and pastes', async () => {
	const changes: string[] = [];
	const {text, stdin, unmount} = setup({initial: `${token}\n`, isActive: false, changes});
	await waitForText(text, 'line break at 113');
	stdin.write('f');
	stdin.write('e');
	stdin.write(`\u001B[200~x\u001B[201~`);
	stdin.write('xyz');
	stdin.write('\u0015');
	// Ink runs input handlers synchronously inside the write: had the field reacted, `changes`
	// would already hold it.
	assert.ok(text().includes('line break at 113'));
	assert.deepEqual(changes, []);
	unmount();
});
