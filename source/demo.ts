import type {DemoSetup} from './app-state.js';
import {startEmulator, type EmulatorOptions, type RunningEmulator} from './emulator/index.js';
import {runInteractive, type InteractiveOptions} from './interactive.js';

/** What the app needs to know of the running emulator to offer its orgs and log in to them. */
export function demoSetupOf(emulator: RunningEmulator): DemoSetup {
	return {
		loginUrl: emulator.loginUrl,
		clientId: emulator.clientId,
		orgs: emulator.orgs.map((org) => ({
			name: org.name,
			myDomainUrl: org.myDomainUrl,
			sandbox: org.sandbox,
			username: org.username,
			password: org.password,
		})),
	};
}

/**
 * `sftoken --demo`: the whole walk against the built-in emulator on free loopback ports, so a
 * new user can try everything with no org. The emulator lives exactly as long as the app.
 */
export async function runDemo(
	options: Omit<InteractiveOptions, 'demo'> = {},
	emulatorOptions: Pick<EmulatorOptions, 'records'> = {},
): Promise<number> {
	const emulator = await startEmulator(emulatorOptions);
	try {
		return await runInteractive({...options, demo: demoSetupOf(emulator)});
	} finally {
		await emulator.close();
	}
}
