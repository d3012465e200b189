import type {Command} from './io.js';

/**
 * Every headless command, loaded lazily so that `sftoken domain` never pays for React, Ink or got.
 * The summary is what `sftoken --help` lists.
 */
export const commands = {
	domain: {
		summary: 'Derive the My Domain login URL from any URL of the org',
		load: async () => (await import('./domain.js')).domainCommand,
	},
	emulator: {
		summary: 'Run the built-in Salesforce org emulator on loopback',
		load: async () => (await import('./emulator.js')).emulatorCommand,
	},
} as const satisfies Record<string, {summary: string; load: () => Promise<Command>}>;

export type CommandName = keyof typeof commands;

export const commandNames = Object.keys(commands) as CommandName[];

export function isCommandName(name: string): name is CommandName {
	return Object.hasOwn(commands, name);
}
