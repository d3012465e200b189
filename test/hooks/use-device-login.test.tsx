import {test} from 'node:test';
import assert from 'node:assert/strict';
import {Text} from 'ink';
import {startEmulator} from '../../source/emulator/index.js';
import {useDeviceLogin, type DeviceLoginController} from '../../source/hooks/use-device-login.js';
import type {SignInServices} from '../../source/screens/sign-in/services.js';
import {waitFor} from '../helpers/wait-for.js';
import {testContext} from '../screens/helpers/emulator.js';
import {manualSleep, renderRecording, testServices} from '../screens/helpers/sign-in.js';

function Probe({
	services,
	loginUrl,
	clientId,
	onController,
}: {
	readonly services: SignInServices;
	readonly loginUrl: string;
	readonly clientId: string;
	readonly onController: (controller: DeviceLoginController) => void;
}) {
	const controller = useDeviceLogin({services, loginUrl, clientId, onLoggedIn: () => undefined});
	onController(controller);
	const {state} = controller;
	return (
		<Text>
			{state.phase === 'waiting' ? `waiting ${state.code.userCode}` : state.phase}
			{state.phase === 'failed' ? ` ${state.problem.title}` : ''}
		</Text>
	);
}

test('retry aborts the login in flight, and its cancellation never overwrites the new one', async (t) => {
	const {context} = await testContext(t);
	const emulator = await startEmulator({records: 5});
	t.after(async () => emulator.close());
	const sleeper = manualSleep();
	let controller: DeviceLoginController | undefined;
	const terminal = renderRecording(
		<Probe
			services={testServices(context, {sleep: sleeper.sleep})}
			loginUrl={emulator.loginUrl}
			clientId={emulator.clientId}
			onController={(next) => {
				controller = next;
			}}
		/>,
	);
	const first = await waitFor(() => /waiting (\w+)/u.exec(terminal.lastFrame())?.[1]);
	await waitFor(() => sleeper.waiting() === 1);
	controller?.retry();
	const second = await waitFor(() => {
		const code = /waiting (\w+)/u.exec(terminal.lastFrame())?.[1];
		return code !== undefined && code !== first ? code : undefined;
	});
	assert.equal(sleeper.signals[0]?.aborted, true, 'the first login still polls');
	await waitFor(() => sleeper.waiting() === 1);
	assert.equal(terminal.lastFrame(), `waiting ${second}`);

	controller?.cancel();
	await waitFor(() => terminal.lastFrame() === 'failed Cancelled');
	terminal.unmount();
});
