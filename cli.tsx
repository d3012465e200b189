#!/usr/bin/env node
// Entry point: decides between a headless command and the interactive app before anything
// renders. Headless paths never import React or Ink (see source/headless/commands.ts).
//
// Startup is what a person feels first, so this file's static imports stay tiny (node:module
// and a few small modules): the compile cache is switched on before any other chunk loads, and
// the common invocations (no arguments, --demo, --version, `<command> …`) are dispatched without
// meow, which is ~250 KB of bundle and only needed for --help and for unusual argument lists.
import module from 'node:module';
import {commandNames, commands, isCommandName} from './source/headless/commands.js';
import {processIo} from './source/headless/io.js';
import {packageInfo} from './source/package-info.js';
import {canRunInteractively, notInteractiveMessage} from './source/terminal/interactivity.js';

// Caches V8's compiled code of every chunk loaded from here on (in the OS temp directory, or
// NODE_COMPILE_CACHE): 20–30 ms less before the first frame. Optional: Node < 22.1 lacks it.
module.enableCompileCache?.();

// NO_COLOR (no-color.org) is not read by Ink's chalk; FORCE_COLOR=0 is, and must be set before
// the interactive chunk imports chalk. An explicit FORCE_COLOR wins.
if ((process.env['NO_COLOR'] ?? '') !== '' && process.env['FORCE_COLOR'] === undefined) {
	process.env['FORCE_COLOR'] = '0';
}

const usage = () => {
	const commandList = commandNames
		.map((name) => `    ${name.padEnd(12)} ${commands[name].summary}`)
		.join('\n');
	return `
  Usage
    $ sftoken              Start the interactive app
    $ sftoken --demo       Start it against a built-in local Salesforce org (no account needed)
    $ sftoken <command>    Run a headless command (add --help after it for its options)

  Commands
${commandList}

  Options
    --demo           Run against the built-in emulator, offline
    --records N      With --demo: Accounts per demo org (default 2500; up to 100000 for big answers)
    --port N         Loopback port of the browser login (default 1717)
    --no-browser     Never open a browser: paste back the address it was redirected to
    --proxy URL      Send every request through this proxy (default: HTTPS_PROXY, HTTP_PROXY)
    --help           Show this help
    --version        Show the version
`;
};

async function runCommand(name: string, argv: readonly string[]): Promise<void> {
	if (!isCommandName(name)) return;
	const run = await commands[name].load();
	process.exitCode = await run(argv, processIo());
}

type AppOptions = {
	readonly demo: boolean;
	readonly records?: number;
	readonly browserPort?: number;
	readonly noBrowser?: boolean;
	readonly proxy?: string;
};

const proxyVariables = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

/**
 * Sets the proxy (--proxy, else the environment) for every request of the app. The proxy module
 * loads got and hpagent, so it is imported only when a proxy is asked for. An unusable proxy is
 * a usage error before anything renders: the app would otherwise fail on every request.
 */
async function applyProxy(flag: string | undefined): Promise<boolean> {
	if (flag === undefined && proxyVariables.every((name) => !process.env[name])) return true;
	const {configureProxy, readProxySettings} = await import('./source/salesforce/proxy.js');
	const settings = readProxySettings(process.env, flag);
	if (!settings.ok) {
		process.stderr.write(`sftoken: ${settings.message}\n`);
		process.exitCode = 2;
		return false;
	}

	configureProxy(settings.value);
	return true;
}

async function runApp({demo, records, proxy, ...options}: AppOptions): Promise<void> {
	if (!canRunInteractively(process)) {
		process.stderr.write(notInteractiveMessage);
		process.exitCode = 2;
		return;
	}

	if (!(await applyProxy(proxy))) return;

	// Raw mode now, not when Ink mounts its first input handler after the first frame: keys typed
	// while the app loads then wait, unechoed and intact, for the first screen (in cooked mode the
	// terminal would echo them and turn Enter into a line feed the screen ignores). Ink turns raw
	// mode off when it exits, and Node restores the terminal if the app never gets that far.
	(process.stdin as NodeJS.ReadStream).setRawMode(true);
	if (demo) {
		const {runDemo} = await import('./source/demo.js');
		process.exitCode = await runDemo(options, records === undefined ? {} : {records});
	} else {
		const {runInteractive} = await import('./source/interactive.js');
		process.exitCode = await runInteractive(options);
	}
}

/** Everything the fast paths below do not recognise: meow parses, shows help or refuses. */
async function parseWithMeow(): Promise<void> {
	const {default: meow} = await import('meow');
	const cli = meow(usage(), {
		importMeta: import.meta,
		pkg: packageInfo,
		description: packageInfo.description,
		commands: commandNames,
		allowUnknownFlags: false,
		flags: {
			demo: {type: 'boolean', default: false},
			port: {type: 'number'},
			records: {type: 'number'},
			browser: {type: 'boolean', default: true},
			proxy: {type: 'string'},
		},
	});

	if (cli.command !== undefined && isCommandName(cli.command)) {
		await runCommand(cli.command, cli.input);
	} else if (cli.input.length > 0) {
		process.stderr.write(`sftoken: unexpected argument ${JSON.stringify(cli.input[0])}\n`);
		cli.showHelp(2);
	} else {
		const {port, browser, proxy, demo, records} = cli.flags;
		if (port !== undefined && !(Number.isInteger(port) && port >= 1 && port <= 65_535)) {
			process.stderr.write('sftoken: --port takes a port number from 1 to 65535\n');
			process.exitCode = 2;
			return;
		}

		if (
			records !== undefined &&
			!(demo && Number.isInteger(records) && records >= 0 && records <= 100_000)
		) {
			process.stderr.write('sftoken: --records goes with --demo and takes 0 to 100000\n');
			process.exitCode = 2;
			return;
		}

		await runApp({
			demo,
			...(records === undefined ? {} : {records}),
			...(port === undefined ? {} : {browserPort: port}),
			...(browser ? {} : {noBrowser: true}),
			...(proxy === undefined ? {} : {proxy}),
		});
	}
}

const [first, ...rest] = process.argv.slice(2);
if (first === undefined) {
	await runApp({demo: false});
} else if (first === '--demo' && rest.length === 0) {
	await runApp({demo: true});
} else if (first === '--version' && rest.length === 0) {
	process.stdout.write(`${packageInfo.version}\n`);
} else if (isCommandName(first)) {
	// As meow's `commands` option would: the command gets every argument after its name.
	await runCommand(first, rest);
} else {
	await parseWithMeow();
}
