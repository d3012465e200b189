import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {LoggedInOrg} from '../../source/auth/complete-login.js';
import {maskToken} from '../../source/core/token-mask.js';
import {IdentityScreen} from '../../source/screens/identity/identity-screen.js';
import {identityNotes, identityRows} from '../../source/screens/identity/identity-rows.js';
import {waitFor, waitForText} from '../helpers/wait-for.js';
import {fitsTerminal, renderRecording} from './helpers/sign-in.js';

const token = `00D5g000004XyZa!${'AR8AQJXg5oV.kP3_rT9wQzLm'.repeat(4)}Qz4f`;

const login: LoggedInOrg = {
	accessToken: token,
	replaced: false,
	org: {
		alias: 'acme',
		loginUrl: 'https://acme.my.salesforce.com',
		instanceUrl: 'https://acme.my.salesforce.com',
		clientId: '3MVG9.key',
		username: 'admin@acme.com',
		orgId: '00D5g000004XyZaEAK',
		userId: '0055g00000ABCDEAA2',
		orgName: 'Acme Inc.',
		sandbox: false,
		apiVersion: '66.0',
		loginMethod: 'device',
		lastUsedAt: 0,
	},
	user: {
		userId: '0055g00000ABCDEAA2',
		orgId: '00D5g000004XyZaEAK',
		username: 'admin@acme.com',
		name: 'Ada Admin',
		email: 'ada@acme.com',
	},
};

function renderIdentity(
	options: {onContinue?: () => void; copyLocal?: (text: string) => Promise<void>} = {},
) {
	let backs = 0;
	const terminal = renderRecording(
		<IdentityScreen
			login={login}
			services={{
				env: {},
				...(options.copyLocal === undefined ? {} : {copyLocal: options.copyLocal}),
			}}
			columns={100}
			rows={26}
			isActive
			onBack={() => {
				backs++;
			}}
			{...(options.onContinue === undefined ? {} : {onContinue: options.onContinue})}
		/>,
	);
	return {terminal, backs: () => backs};
}

test('who the token belongs to: user, org, instance, environment, API version — the token masked', async () => {
	const {terminal} = renderIdentity();
	const frame = await waitForText(terminal.lastFrame, 'Token');
	assert.match(frame, /User {9}Ada Admin · admin@acme\.com/u);
	assert.match(frame, /Org {10}Acme Inc\. · 00D5g000004XyZaEAK/u);
	assert.match(frame, /Instance {5}https:\/\/acme\.my\.salesforce\.com/u);
	assert.match(frame, /Environment {2}Production/u);
	assert.match(frame, /API version {2}v66\.0/u);
	assert.ok(frame.includes(`Token        ${maskToken(token)}  (masked)`), frame);
	assert.ok(!frame.includes(token.slice(16, 40)), 'the secret part is on screen');
	assert.ok(!terminal.output().includes(token.slice(16, 40)), 'the secret part was written');
	await waitForText(terminal.hints, 'v reveal token · c copy token · Esc back');
	assert.ok(fitsTerminal(frame, 100, 26));
	terminal.unmount();
});

test('v reveals the whole token on purpose, and hides it again', async () => {
	const {terminal} = renderIdentity();
	await waitForText(terminal.hints, 'v reveal token');
	terminal.write('v');
	const shown = await waitForText(terminal.lastFrame, token.slice(0, 60));
	// Wrapped beside its label: the pieces joined are the token.
	const pieces = shown
		.split('\n')
		.filter((line) => line.startsWith('Token') || /^ {13}\S/u.test(line))
		.map((line) => line.slice(13).trim());
	assert.equal(pieces.join(''), token);
	await waitForText(terminal.hints, 'v hide token');
	terminal.write('v');
	await waitForText(terminal.lastFrame, '(masked)');
	terminal.unmount();
});

test('c copies the token: OSC 52 and the local clipboard', async () => {
	const copied: string[] = [];
	const {terminal} = renderIdentity({
		async copyLocal(text) {
			copied.push(text);
			return Promise.resolve();
		},
	});
	await waitForText(terminal.hints, 'c copy token');
	terminal.write('c');
	await waitForText(terminal.lastFrame, '✓ The token copied.');
	assert.deepEqual(copied, [token]);
	assert.ok(
		terminal.output().includes(`\u001B]52;c;${Buffer.from(token).toString('base64')}\u0007`),
	);
	terminal.unmount();
});

test('Enter continues only when there is a next screen; Esc goes back', async () => {
	const alone = renderIdentity();
	await waitForText(alone.terminal.hints, 'Esc back');
	assert.doesNotMatch(alone.terminal.hints(), /Enter/u);
	alone.terminal.write('\u001B');
	await waitFor(() => alone.backs() === 1);
	alone.terminal.unmount();

	let continued = 0;
	const next = renderIdentity({
		onContinue() {
			continued++;
		},
	});
	await waitForText(next.terminal.hints, 'Enter continue');
	next.terminal.write('\r');
	await waitFor(() => continued === 1);
	next.terminal.unmount();
});

test('what userinfo did not say is said to be unknown; notes say what else happened', () => {
	const sparse: LoggedInOrg = {
		...login,
		org: {...login.org, orgName: undefined, sandbox: undefined, apiVersion: undefined},
	};
	const rows = Object.fromEntries(identityRows(sparse, false).map((row) => [row.label, row.value]));
	assert.equal(rows['Environment'], 'unknown (the org did not say)');
	assert.equal(rows['API version'], 'unknown');
	assert.equal(rows['Org'], '(name unknown) · 00D5g000004XyZaEAK');
	assert.deepEqual(
		identityNotes({
			...login,
			replaced: true,
			renamed: {from: 'acme', to: 'acme-2', username: 'other@acme.com'},
			notice: 'SFTOKEN_SECRETS=file; tokens are stored in /tmp/x (readable only by you).',
			removed: ['line break at 113'],
		}),
		[
			'Removed from the pasted token: line break at 113.',
			'Logged in again: the earlier login of this user was replaced.',
			'The alias acme belonged to other@acme.com; that org is now acme-2.',
			'SFTOKEN_SECRETS=file; tokens are stored in /tmp/x (readable only by you).',
		],
	);
});
