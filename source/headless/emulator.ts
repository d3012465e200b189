// `sftoken emulator`: the built-in Salesforce org emulator as a standalone server on loopback,
// for demos, scripts and trying a client against it. Runs until SIGINT/SIGTERM, then exits 0.
// Exit codes: 0 stopped by a signal, 1 could not start (e.g. port in use), 2 usage error.
import {startEmulator, type EmulatorOptions, type RunningEmulator} from '../emulator/index.js';
import type {Command} from './io.js';
import {parseArgs} from './parse-args.js';

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

export const emulatorCommand: Command = async (argv, io) => {
	const parsed = parseArgs(argv, io, {
		name: 'emulator',
		help: helpText,
		usage: 'sftoken emulator [options]   (sftoken emulator --help for more)',
		flags,
	});
	if (!parsed.ok) return parsed.code;
	const {flags: given} = parsed;
	for (const [name, flag, min, max] of numberRules) {
		const value = given[name];
		if (value === undefined) continue;
		if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
			return parsed.usageError(`${flag} must be a whole number from ${min} to ${max}`);
		}
	}
	const options: EmulatorOptions = {
		port: given.port,
		orgs: given.orgs,
		records: given.records,
		sessionTimeoutSeconds: given.sessionTimeout,
		deviceCodeLifetimeSeconds: given.deviceCodeLifetime,
		pollIntervalSeconds: given.pollInterval,
		enforceSlowDown: given.slowDown,
		deviceFlowEnabled: given.deviceFlow,
		appInstalled: !given.appNotInstalled,
		refreshTokenRotation: given.rotateRefreshTokens,
		dailyApiLimit: given.dailyApiLimit,
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
	io.stdout.write(given.json ? `${JSON.stringify(summary(emulator))}\n` : readable(emulator));
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
