// `sftoken emulator`: the built-in Salesforce org emulator as a standalone server on loopback,
// for demos, scripts and trying a client against it. Runs until SIGINT/SIGTERM, then exits 0.
// Exit codes: 0 stopped by a signal, 1 could not start (e.g. port in use), 2 usage error.
import meow from 'meow';
import {startEmulator, type EmulatorOptions, type RunningEmulator} from '../emulator/index.js';
import {packageInfo} from '../package-info.js';
import type {Command, CommandIo} from './io.js';

const helpText = `
  Run the built-in Salesforce org emulator on loopback (127.0.0.1): a login service with the
  OAuth endpoints and login pages, and one My Domain per org with the REST API and demo data.

  Usage
    $ sftoken emulator [options]

  Options
    --port N                    Login service port (default: a free port); orgs get free ports
    --orgs N                    Number of orgs (default 2: production, then its UAT sandbox)
    --records N                 Accounts per org, Contacts about twice that (default 2500)
    --json                      Print one line of JSON once listening
    --session-timeout S         Session inactivity timeout in seconds (default 7200)
    --device-code-lifetime S    Device code lifetime in seconds (default 600)
    --poll-interval S           Device flow polling interval in seconds (default 5)
    --slow-down                 Answer slow_down to device polls faster than the interval
    --no-device-flow            The app has device flow disabled (invalid_grant)
    --app-not-installed         The app is not installed in the org (invalid_client)
    --rotate-refresh-tokens     Refresh Token Rotation on
    --daily-api-limit N         Daily API requests per org (default 15000)
    --help                      Show this help

  Stop it with Ctrl+C (SIGINT) or SIGTERM.
`;

const flags = {
	port: {type: 'number'},
	orgs: {type: 'number'},
	records: {type: 'number'},
	json: {type: 'boolean', default: false},
	sessionTimeout: {type: 'number'},
	deviceCodeLifetime: {type: 'number'},
	pollInterval: {type: 'number'},
	slowDown: {type: 'boolean', default: false},
	deviceFlow: {type: 'boolean', default: true},
	appNotInstalled: {type: 'boolean', default: false},
	rotateRefreshTokens: {type: 'boolean', default: false},
	dailyApiLimit: {type: 'number'},
	help: {type: 'boolean', default: false},
} as const;

const numberRules: ReadonlyArray<readonly [keyof typeof flags, string, number, number]> = [
	['port', '--port', 0, 65_535],
	['orgs', '--orgs', 1, 100],
	['records', '--records', 0, 1_000_000],
	['sessionTimeout', '--session-timeout', 1, Number.MAX_SAFE_INTEGER],
	['deviceCodeLifetime', '--device-code-lifetime', 1, Number.MAX_SAFE_INTEGER],
	['pollInterval', '--poll-interval', 0, Number.MAX_SAFE_INTEGER],
	['dailyApiLimit', '--daily-api-limit', 0, Number.MAX_SAFE_INTEGER],
];

function usageError(io: CommandIo, problem: string): number {
	io.stderr.write(
		`sftoken emulator: ${problem}\nUsage: sftoken emulator [options]   (sftoken emulator --help for more)\n`,
	);
	return 2;
}

export const emulatorCommand: Command = async (argv, io) => {
	// meow's own help and unknown-flag handling call process.exit: handled here instead.
	const cli = meow(helpText, {
		importMeta: import.meta,
		argv,
		pkg: packageInfo,
		description: false,
		autoHelp: false,
		autoVersion: false,
		allowUnknownFlags: true,
		flags,
	});
	if (cli.flags.help) {
		io.stdout.write(cli.help.replace(/^\n/, ''));
		return 0;
	}
	const known = new Set(
		Object.keys(flags).map((name) => name.replaceAll(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)),
	);
	const unknown = Object.keys(cli.unnormalizedFlags).find(
		(flag) => !known.has(flag) && !Object.hasOwn(flags, flag),
	);
	if (unknown !== undefined) return usageError(io, `unknown option ${JSON.stringify(unknown)}`);
	if (cli.input.length > 0)
		return usageError(io, `unexpected argument ${JSON.stringify(cli.input[0])}`);
	for (const [name, flag, min, max] of numberRules) {
		const value = cli.flags[name];
		if (value === undefined) continue;
		if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
			return usageError(io, `${flag} must be a whole number from ${min} to ${max}`);
		}
	}
	const options: EmulatorOptions = {
		port: cli.flags.port,
		orgs: cli.flags.orgs,
		records: cli.flags.records,
		sessionTimeoutSeconds: cli.flags.sessionTimeout,
		deviceCodeLifetimeSeconds: cli.flags.deviceCodeLifetime,
		pollIntervalSeconds: cli.flags.pollInterval,
		enforceSlowDown: cli.flags.slowDown,
		deviceFlowEnabled: cli.flags.deviceFlow,
		appInstalled: !cli.flags.appNotInstalled,
		refreshTokenRotation: cli.flags.rotateRefreshTokens,
		dailyApiLimit: cli.flags.dailyApiLimit,
	};
	let emulator: RunningEmulator;
	try {
		emulator = await startEmulator(options);
	} catch (error) {
		io.stderr.write(
			`sftoken emulator: could not start: ${error instanceof Error ? error.message : String(error)}\n`,
		);
		return 1;
	}
	// Listen for the signals before announcing the addresses: a script that reads the line and
	// sends SIGTERM at once must find the handler in place (else the default action kills us).
	const stopped = untilSignal();
	io.stdout.write(cli.flags.json ? `${JSON.stringify(summary(emulator))}\n` : readable(emulator));
	await stopped;
	await emulator.close();
	return 0;
};

function summary(emulator: RunningEmulator) {
	return {
		loginUrl: emulator.loginUrl,
		clientId: emulator.clientId,
		orgs: emulator.orgs.map((org) => ({
			name: org.name,
			orgId: org.orgId,
			myDomainUrl: org.myDomainUrl,
			username: org.username,
			password: org.password,
			sandbox: org.sandbox,
		})),
	};
}

function readable(emulator: RunningEmulator): string {
	const lines = [
		'Salesforce org emulator (local demo data, not Salesforce)',
		`Login URL:  ${emulator.loginUrl}`,
		`Client id:  ${emulator.clientId}`,
		'',
	];
	for (const org of emulator.orgs) {
		lines.push(
			`${org.name}  (${org.sandbox ? 'sandbox' : 'production'})`,
			`  My Domain:  ${org.myDomainUrl}`,
			`  Org id:     ${org.orgId}`,
			`  Username:   ${org.username}`,
			`  Password:   ${org.password}`,
			'',
		);
	}
	lines.push('Press Ctrl+C to stop.');
	return `${lines.join('\n')}\n`;
}

async function untilSignal(): Promise<void> {
	return new Promise((resolve) => {
		const stop = (): void => {
			process.off('SIGINT', stop);
			process.off('SIGTERM', stop);
			resolve();
		};
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	});
}
