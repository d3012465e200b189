import type {Command} from './io.js';
import {withProxyFlag} from './proxy-flag.js';

/**
 * Every headless command, loaded lazily so that `sftoken domain` never pays for React, Ink or got.
 * The summary is what `sftoken --help` lists. Commands that reach Salesforce take `--proxy URL`
 * (withProxyFlag), which overrides HTTPS_PROXY and HTTP_PROXY.
 */
export const commands = {
	domain: {
		summary: 'Derive the My Domain login URL from any URL of the org',
		load: async () => (await import('./domain.js')).domainCommand,
	},
	login: {
		summary: 'Log in to an org (--device or --web) and remember it',
		load: async () => withProxyFlag('login', (await import('./login.js')).loginCommand),
	},
	token: {
		summary: 'Print a valid access token of a saved org (refreshed when needed)',
		load: async () => withProxyFlag('token', (await import('./token.js')).tokenCommand),
	},
	request: {
		summary: 'Send a REST request with a saved org’s token; the body on stdout',
		load: async () => withProxyFlag('request', (await import('./request.js')).requestCommand),
	},
	'check-token': {
		summary: 'Check a token for stray characters and shape; with --org, whether it works',
		load: async () =>
			withProxyFlag('check-token', (await import('./check-token.js')).checkTokenCommand),
	},
	orgs: {
		summary: 'List the saved orgs',
		load: async () => (await import('./orgs.js')).orgsCommand,
	},
	logout: {
		summary: 'Revoke the tokens of a saved org and forget it',
		load: async () => withProxyFlag('logout', (await import('./logout.js')).logoutCommand),
	},
	history: {
		summary: 'List the requests sent (no tokens are kept)',
		load: async () => (await import('./history.js')).historyCommand,
	},
	export: {
		summary: 'Export requests from history as curl commands or a Postman collection',
		load: async () => (await import('./export.js')).exportCommand,
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
