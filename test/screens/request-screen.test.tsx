import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import type {LoggedInOrg} from '../../source/auth/complete-login.js';
import type {AuthContext} from '../../source/auth/context.js';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {getLatestApiVersion} from '../../source/salesforce/identity.js';
import {KeyHintsContext} from '../../source/hooks/use-key-hints.js';
import {RequestScreen} from '../../source/screens/request/request-screen.js';
import {renderTerminal} from '../helpers/render-terminal.js';
import {waitFor, waitForText} from '../helpers/wait-for.js';
import {loginWithDevice} from '../salesforce/login.js';
import {logIn} from './request-helpers.js';

const tab = '\t';
const enter = '\r';
const escape = '\u001B';
const ctrlN = '\u000E';
const ctrlP = '\u0010';
const ctrlS = '\u0013';
const ctrlU = '\u0015';

function paste(text: string): string {
	return `\u001B[200~${text}\u001B[201~`;
}

let emulator: RunningEmulator;
/** The newest API version the emulator lists, e.g. "66.0". */
let latest: string;

before(async () => {
	emulator = await startEmulator({records: 300});
	const versions = await getLatestApiVersion({instanceUrl: emulator.orgs[0]?.myDomainUrl ?? ''});
	assert.ok(versions.ok);
	latest = versions.value;
});

after(async () => {
	await emulator.close();
});

type Setup = {
	readonly context: AuthContext;
	readonly login: {readonly org: LoggedInOrg['org']; readonly accessToken: string};
};

function renderScreen({context, login}: Setup, rows = 40, columns = 100) {
	const events: string[] = [];
	let hints = '';
	const terminal = renderTerminal(
		<KeyHintsContext
			value={(shown) => {
				hints = shown.map((hint) => `${hint.keys} ${hint.label}`).join(' · ');
			}}
		>
			<RequestScreen
				login={login}
				services={{auth: context, env: {}}}
				columns={columns}
				rows={rows}
				isActive
				onBack={() => events.push('back')}
				onLoginAgain={() => events.push('login-again')}
			/>
		</KeyHintsContext>,
		{columns, rows},
	);
	/** Waits until the footer offers `hint`: the keys behind it are listened to by then. */
	const waitForHint = async (hint: string) =>
		waitFor(
			() => hints.includes(hint),
			() => `footer to offer ${JSON.stringify(hint)}; it offers: ${hints}`,
		);
	return {terminal, events, waitForHint};
}

/** Moves the focus to the token field: path → headers → token for GET. */
async function focusToken(terminal: ReturnType<typeof renderTerminal>) {
	terminal.write(tab);
	terminal.write(tab);
	await waitForText(terminal.lastFrame, '› Token');
}

async function setPath(terminal: ReturnType<typeof renderTerminal>, value: string) {
	terminal.write(ctrlU);
	terminal.write(value);
	await waitForText(terminal.lastFrame, value);
}

test('the path starts at the newest API version read from /services/data/, and Ctrl+P switches to Apex REST', async () => {
	const {context, login} = await logIn(emulator);
	// Without a version saved at login, the screen asks the instance.
	const {apiVersion, ...org} = login.org;
	assert.equal(apiVersion, latest);
	const {terminal} = renderScreen({context, login: {org, accessToken: login.accessToken}});
	await waitForText(terminal.lastFrame, `› GET     /services/data/v${latest}/`);
	assert.match(
		terminal.lastFrame(),
		new RegExp(`API v${latest.replace('.', String.raw`\.`)}`, 'u'),
	);
	terminal.write(ctrlP);
	await waitForText(terminal.lastFrame, '› GET     /services/apexrest/');
	terminal.write(ctrlP);
	await waitForText(terminal.lastFrame, `› GET     /services/data/v${latest}/`);
	terminal.write(ctrlN);
	await waitForText(terminal.lastFrame, `› POST    /services/data/v${latest}/`);
	terminal.unmount();
});

test('GET /services/apexrest/Contacts: status, time, size, API usage and the pretty body', async () => {
	const setup = await logIn(emulator);
	const {terminal} = renderScreen(setup);
	await waitForText(terminal.lastFrame, `/services/data/v${latest}/`);
	await setPath(terminal, '/services/apexrest/Contacts?limit=3');
	terminal.write(enter);
	const frame = await waitForText(terminal.lastFrame, '200 OK');
	assert.match(frame, /200 OK · \d+ ms · [\d.]+ (?:B|KB) · API \d+\/15000 today/u);
	assert.match(frame, /"attributes": \{/u);
	// The form folds to one line while the answer has the focus.
	assert.match(
		frame,
		/^GET \/services\/apexrest\/Contacts\?limit=3 · Acme Corporation · token 00D\w{12}!…[\w.]{4} ✓/mu,
	);
	terminal.unmount();
});

test('a token with a trailing line break: seen, stopped before sending, sent as is, diagnosed, fixed with f, resent', async () => {
	const setup = await logIn(emulator);
	const {terminal} = renderScreen(setup);
	await setPath(terminal, '/services/apexrest/Contacts?limit=2');
	await focusToken(terminal);
	terminal.write(paste(`${setup.login.accessToken}\n`));
	const seen = await waitForText(terminal.lastFrame, '1 stray character: line break at 113');
	assert.match(seen, /␊/u);
	terminal.write(enter);
	const stopped = await waitForText(terminal.lastFrame, 'Not sent yet: check this first');
	assert.match(stopped, /The token: 1 stray character: line break at 113/u);
	assert.match(stopped, /f fix the token and send · y send it anyway · Esc back to editing/u);
	terminal.write('y');
	const diagnosed = await waitForText(
		terminal.lastFrame,
		'Not sent: the token holds characters HTTP cannot carry',
	);
	assert.match(
		diagnosed,
		/The token was damaged by copy-paste: 1 stray character: line break at 113\./u,
	);
	assert.match(diagnosed, /→ Press f to remove them and send again\./u);
	terminal.write('f');
	const fixed = await waitForText(terminal.lastFrame, '200 OK');
	assert.doesNotMatch(fixed, /stray/u);
	terminal.unmount();
});

test('f in the pre-flight stop fixes the token and sends at once', async () => {
	const setup = await logIn(emulator);
	const {terminal} = renderScreen(setup);
	await setPath(terminal, '/services/apexrest/Contacts?limit=1');
	await focusToken(terminal);
	terminal.write(paste(` ${setup.login.accessToken}\r\n`));
	await waitForText(terminal.lastFrame, 'stray characters');
	terminal.write(enter);
	await waitForText(terminal.lastFrame, 'Not sent yet');
	terminal.write('f');
	await waitForText(terminal.lastFrame, '200 OK');
	terminal.unmount();
});

test('a token of the second org stops the send naming both orgs; sent anyway it is diagnosed, l logs in again', async () => {
	const context = (await logIn(emulator, 1)).context;
	const setup = await logIn(emulator, 0, {context});
	const other = await loginWithDevice(emulator, 1);
	const {terminal, events} = renderScreen(setup);
	await setPath(terminal, '/services/apexrest/Contacts');
	await focusToken(terminal);
	terminal.write(paste(other.accessToken));
	await waitForText(terminal.lastFrame, `valid access token for org ${emulator.orgs[1]?.orgId15}`);
	terminal.write(enter);
	const stopped = await waitForText(terminal.lastFrame, 'Wrong org');
	assert.match(
		stopped.replaceAll('\n', ' '),
		new RegExp(
			`Wrong org: this token is for Acme Corporation \\(UAT sandbox\\) \\(${emulator.orgs[1]?.orgId15}\\), but the request goes to Acme Corporation \\(${emulator.orgs[0]?.orgId}\\)`,
			'u',
		),
	);
	terminal.write('y');
	const diagnosed = await waitForText(
		terminal.lastFrame,
		'Salesforce refused the token (401 INVALID_SESSION_ID)',
	);
	assert.match(diagnosed, /① The token is for Acme Corporation \(UAT sandbox\)/u);
	assert.match(
		diagnosed,
		/Press l to log in to Acme Corporation again; the login prompt is forced/u,
	);
	assert.match(diagnosed, /401 Unauthorized/u);
	terminal.write('l');
	await waitFor(
		() => events.includes('login-again'),
		() => JSON.stringify(events),
	);
	terminal.unmount();
});

test('an expired session with a refresh token: diagnosed as expired, r renews it and resends', async () => {
	const setup = await logIn(emulator);
	const {terminal} = renderScreen(setup);
	await setPath(terminal, '/services/apexrest/Contacts?limit=1');
	emulator.expireSessions(0);
	terminal.write(enter);
	const diagnosed = await waitForText(terminal.lastFrame, '401 INVALID_SESSION_ID');
	assert.match(diagnosed, /The session expired or was ended/u);
	assert.match(
		diagnosed,
		/→ Press r to get a new access token with the refresh token and send again\./u,
	);
	assert.doesNotMatch(diagnosed, /①/u);
	terminal.write('r');
	const renewed = await waitForText(terminal.lastFrame, '200 OK');
	// The new token is in use (and stored), not the dead one.
	const stored = await setup.context.secrets.read(
		`${setup.login.org.orgId.slice(0, 15)}:${setup.login.org.userId.slice(0, 15)}`,
	);
	assert.notEqual(stored?.accessToken, setup.login.accessToken);
	assert.match(
		renewed,
		new RegExp(`token ${stored?.accessToken.slice(0, 15)}!…${stored?.accessToken.slice(-4)}`, 'u'),
	);
	terminal.unmount();
});

test('an expired session without a refresh token: log in again with l', async () => {
	const setup = await logIn(emulator, 0, {keepRefreshToken: false});
	const {terminal, events} = renderScreen(setup);
	await setPath(terminal, '/services/apexrest/Contacts');
	emulator.expireSessions(0);
	terminal.write(enter);
	const diagnosed = await waitForText(terminal.lastFrame, '401 INVALID_SESSION_ID');
	assert.match(
		diagnosed,
		/→ Press l to log in again: there is no refresh token to renew it with\./u,
	);
	terminal.write('r');
	terminal.write('l');
	await waitFor(
		() => events.includes('login-again'),
		() => JSON.stringify(events),
	);
	assert.doesNotMatch(terminal.lastFrame(), /Renewing/u);
	terminal.unmount();
});

test('a POST body that is not JSON is not sent: the line and column are shown and the line marked', async () => {
	const setup = await logIn(emulator);
	const {terminal} = renderScreen(setup);
	await setPath(terminal, '/services/apexrest/Contacts');
	terminal.write(ctrlN);
	await waitForText(terminal.lastFrame, 'POST');
	terminal.write(tab);
	terminal.write(tab);
	await waitForText(terminal.lastFrame, 'JSON · Enter new line · Ctrl+S send');
	assert.match(terminal.lastFrame(), /› Body/u);
	for (const line of ['{', '"lastName": "Ng"', '"email": "ng@example.com"', '}']) {
		terminal.write(line);
		terminal.write(enter);
	}

	terminal.write(ctrlS);
	const frame = await waitForText(terminal.lastFrame, 'Body is not valid JSON');
	assert.match(
		frame,
		/✗ Body is not valid JSON at line 3, column 1: Expected ',' or '\}' after a property value/u,
	);
	// Fixed in place, it goes.
	terminal.write('\u001B[A');
	terminal.write('\u001B[A');
	terminal.write('\u001B[A');
	terminal.write('\u001B[F');
	terminal.write(',');
	terminal.write(ctrlS);
	// The Apex method returns the new contact's Id as a JSON string.
	await waitForText(terminal.lastFrame, '"0035');
	assert.match(terminal.lastFrame(), /200 OK/u);
	terminal.unmount();
});

test('plain http to a host other than loopback is refused before anything is sent', async () => {
	const setup = await logIn(emulator);
	const {terminal} = renderScreen({
		context: setup.context,
		login: {
			org: {...setup.login.org, instanceUrl: 'http://acme.example.com'},
			accessToken: setup.login.accessToken,
		},
	});
	await waitForText(terminal.lastFrame, 'GET');
	terminal.write(enter);
	const frame = await waitForText(terminal.lastFrame, 'Not sent: this cannot go out as it is');
	assert.match(frame, /http:\/\/acme\.example\.com is not https/u);
	assert.doesNotMatch(frame, /y send it anyway/u);
	terminal.write('y');
	terminal.write(escape);
	await waitFor(
		() => !terminal.lastFrame().includes('Not sent'),
		() => terminal.lastFrame(),
	);
	terminal.unmount();
});

test('a full URL of another host pasted in the path is refused; of the same host it goes', async () => {
	const setup = await logIn(emulator);
	const {terminal} = renderScreen(setup);
	await setPath(terminal, 'https://evil.example/services/data/');
	terminal.write(enter);
	const refused = await waitForText(terminal.lastFrame, 'Not sent');
	assert.match(refused, /✗ Path: Not sent: https:\/\/evil\.example is not this org's host/u);
	await setPath(terminal, `${setup.login.org.instanceUrl}/services/data/`);
	terminal.write(enter);
	await waitForText(terminal.lastFrame, '200 OK');
	terminal.unmount();
});

test('Esc cancels a request in flight; Esc without one goes back', async () => {
	const setup = await logIn(emulator);
	emulator.setFaults([{path: '/services/apexrest/Slow', fault: 'latency', latencyMs: 10_000}]);
	const {terminal, events} = renderScreen(setup);
	await setPath(terminal, '/services/apexrest/Slow');
	terminal.write(enter);
	await waitForText(terminal.lastFrame, 'Sending GET /services/apexrest/Slow… (Esc cancels)');
	terminal.write(escape);
	await waitForText(terminal.lastFrame, 'Cancelled: nothing more was received.');
	assert.equal(events.length, 0);
	terminal.write(escape);
	await waitFor(
		() => events.includes('back'),
		() => JSON.stringify(events),
	);
	emulator.setFaults([]);
	terminal.unmount();
});

test('m follows nextRecordsUrl from the screen, with the request’s own headers', async () => {
	const setup = await logIn(emulator);
	const {terminal, waitForHint} = renderScreen(setup);
	await setPath(terminal, `/services/data/v${latest}/query?q=SELECT Id FROM Account`);
	terminal.write(tab);
	await waitForText(terminal.lastFrame, 'Key: Value, one per line');
	terminal.write('Sforce-Query-Options: batchSize=200');
	terminal.write(ctrlS);
	await waitForText(terminal.lastFrame, '200 records of 300 loaded');
	await waitForHint('m more');
	terminal.write('m');
	const done = await waitForText(terminal.lastFrame, 'All 300 records loaded, in 2 pages');
	assert.doesNotMatch(done, /m load more/u);
	terminal.unmount();
});

test('the frame fits the rows it is given, with a response and a diagnosis', async () => {
	const setup = await logIn(emulator);
	for (const rows of [14, 24]) {
		const {terminal} = renderScreen(setup, rows);
		await setPath(terminal, '/services/apexrest/Nope');
		terminal.write(enter);
		const frame = await waitForText(terminal.lastFrame, '404');
		assert.ok(frame.replace(/\n$/u, '').split('\n').length <= rows, frame);
		assert.match(frame, /No @RestResource class maps \/services\/apexrest\/Nope/u);
		terminal.unmount();
	}
});

test('in a 40×12 terminal (8 rows for the screen) no field and no answer draws past the bottom', async () => {
	const setup = await logIn(emulator);
	const rows = 8;
	const {terminal} = renderScreen(setup, rows, 40);
	const fits = () => {
		const frame = terminal.lastFrame();
		const lines = frame.replace(/\n$/u, '').split('\n');
		assert.ok(lines.length <= rows, `${lines.length} lines:\n${frame}`);
		for (const line of lines) assert.ok([...line].length <= 40, line);
	};

	await waitForText(terminal.lastFrame, '› GET');
	fits();
	terminal.write(ctrlU);
	terminal.write('/services/apexrest/Contacts?limit=2');
	await waitForText(terminal.lastFrame, 'Contacts?limit=2');
	for (const marker of ['› Headers', '› Token', '› GET']) {
		terminal.write(tab);
		await waitForText(terminal.lastFrame, marker);
		fits();
	}

	terminal.write(enter);
	await waitForText(terminal.lastFrame, '200 OK');
	fits();
	terminal.write(ctrlN);
	terminal.write(tab);
	terminal.write(tab);
	terminal.write(tab);
	await waitForText(terminal.lastFrame, '› Body');
	fits();
	terminal.unmount();
	const tiny = renderScreen(setup, 3, 40);
	await waitForText(tiny.terminal.lastFrame, 'Make the terminal taller');
	tiny.terminal.unmount();
});
