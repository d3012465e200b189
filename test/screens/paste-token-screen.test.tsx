import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {LoggedInOrg} from '../../source/auth/complete-login.js';
import {memoryAuthContext} from '../../source/auth/context.js';
import {productionLogin} from '../../source/core/login-target.js';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {PasteTokenScreen} from '../../source/screens/paste-token/paste-token-screen.js';
import {loggedIn, testHttp} from '../auth/helpers.js';
import {waitFor, waitForText} from '../helpers/wait-for.js';
import {chooseMethod, renderDemoApp, testContext} from './helpers/emulator.js';
import {renderRecording, testServices} from './helpers/sign-in.js';

async function withEmulator(run: (emulator: RunningEmulator) => Promise<void>): Promise<void> {
	const emulator = await startEmulator({records: 5});
	try {
		await run(emulator);
	} finally {
		await emulator.close();
	}
}

/** A working access token of the emulator's first org, from a login elsewhere. */
async function tokenFrom(emulator: RunningEmulator): Promise<string> {
	const elsewhere = await loggedIn(memoryAuthContext({http: testHttp}), emulator, 0);
	return elsewhere.accessToken;
}

test('a pasted token for the chosen org goes straight to who it belongs to, masked', async (t) => {
	const {context} = await testContext(t);
	await withEmulator(async (emulator) => {
		const org = emulator.orgs[0];
		assert.ok(org);
		const token = await tokenFrom(emulator);
		const run = await renderDemoApp(emulator, testServices(context));
		// Row 1: the first demo org, whose My Domain is the instance URL.
		await chooseMethod(run, 'paste', 1);
		await waitForText(run.terminal.lastFrame, `› ${org.myDomainUrl}`);
		await waitForText(run.terminal.lastFrame, 'e edit · v reveal · f fix');
		// Pasted with the trailing line break a copy from a terminal brings along.
		run.terminal.write(`${token}\n`);
		await waitForText(run.terminal.lastFrame, 'Enter check');
		run.terminal.write('\r');
		const frame = await waitForText(run.terminal.lastFrame, 'Who am I');
		assert.ok(frame.includes(org.username), frame);
		assert.ok(frame.includes(org.orgId), frame);
		assert.ok(!frame.includes(token), 'the token is on screen unasked');
		assert.match(frame.replaceAll('\n', ' '), /Removed from the pasted token: line break/u);
		await waitFor(() => run.states.at(-1)?.screen.name === 'identity');
		run.terminal.unmount();
	});
});

test('for a shared login host the instance URL is asked for; Enter without it goes there', async (t) => {
	const {context} = await testContext(t);
	await withEmulator(async (emulator) => {
		const org = emulator.orgs[0];
		assert.ok(org);
		const token = await tokenFrom(emulator);
		const logins: LoggedInOrg[] = [];
		const terminal = renderRecording(
			<PasteTokenScreen
				target={productionLogin}
				services={testServices(context)}
				columns={100}
				rows={26}
				isActive
				onLoggedIn={(login) => logins.push(login)}
				onBack={() => undefined}
			/>,
		);
		await waitForText(terminal.lastFrame, 'Instance URL — the org’s own address');
		await waitForText(terminal.hints, 'Tab instance URL');
		terminal.write(token);
		await waitForText(terminal.lastFrame, 'Looks like a valid access token');
		terminal.write('\r');
		// No instance URL yet: the focus moves to it instead of checking.
		await waitForText(terminal.hints, 'Tab token');
		terminal.write('https://login.salesforce.com');
		await waitForText(terminal.lastFrame, 'is where people log in, not where the org’s data lives');
		terminal.write('\u0015');
		terminal.write(org.myDomainUrl);
		await waitForText(terminal.lastFrame, `✓ ${org.myDomainUrl}`);
		terminal.write('\r');
		await waitFor(() => logins.length === 1);
		assert.equal(logins[0]?.org.instanceUrl, org.myDomainUrl);
		terminal.unmount();
	});
});

test('a token Salesforce refuses is explained; r goes back to the form with the values kept', async (t) => {
	const {context} = await testContext(t);
	await withEmulator(async (emulator) => {
		const org = emulator.orgs[0];
		assert.ok(org);
		const token = await tokenFrom(emulator);
		emulator.expireSessions();
		const terminal = renderRecording(
			<PasteTokenScreen
				target={{
					loginUrl: org.myDomainUrl,
					label: org.name,
					kind: 'production',
					source: 'emulator',
				}}
				services={testServices(context)}
				columns={100}
				rows={26}
				isActive
				onLoggedIn={() => undefined}
				onBack={() => undefined}
			/>,
		);
		await waitForText(terminal.hints, 'Enter check');
		terminal.write(token);
		await waitForText(terminal.lastFrame, 'Looks like a valid access token');
		terminal.write('\r');
		const frame = await waitForText(terminal.lastFrame, 'Fix: ');
		assert.match(frame, /✗ Salesforce refused this token/u);
		await waitForText(terminal.hints, 'r edit and retry');
		terminal.write('r');
		await waitForText(terminal.lastFrame, `› ${org.myDomainUrl}`);
		assert.match(terminal.lastFrame(), /Looks like a valid access token/u);
		terminal.unmount();
	});
});
