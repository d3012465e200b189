#!/usr/bin/env node
// Entry point: decides between a headless command and the interactive app before anything
// renders. Headless paths never import React or Ink (see source/headless/commands.ts).
import meow from 'meow';
import {commandNames, commands, isCommandName} from './source/headless/commands.js';
import {processIo} from './source/headless/io.js';
import {packageInfo} from './source/package-info.js';
import {canRunInteractively, notInteractiveMessage} from './source/terminal/interactivity.js';

const commandList = commandNames
	.map((name) => `    ${name.padEnd(12)} ${commands[name].summary}`)
	.join('\n');

const cli = meow(
	`
  Usage
    $ sftoken              Start the interactive app
    $ sftoken --demo       Start it against a built-in local Salesforce org (no account needed)
    $ sftoken <command>    Run a headless command (add --help after it for its options)

  Commands
${commandList}

  Options
    --demo       Run against the built-in emulator, offline
    --help       Show this help
    --version    Show the version
`,
	{
		importMeta: import.meta,
		pkg: packageInfo,
		description: packageInfo.description,
		commands: commandNames,
		allowUnknownFlags: false,
		flags: {
			demo: {type: 'boolean', default: false},
		},
	},
);

if (cli.command !== undefined && isCommandName(cli.command)) {
	const run = await commands[cli.command].load();
	process.exitCode = await run(cli.input, processIo());
} else if (cli.input.length > 0) {
	process.stderr.write(`sftoken: unexpected argument ${JSON.stringify(cli.input[0])}\n`);
	cli.showHelp(2);
} else if (canRunInteractively(process)) {
	if (cli.flags.demo) {
		const {runDemo} = await import('./source/demo.js');
		process.exitCode = await runDemo();
	} else {
		const {runInteractive} = await import('./source/interactive.js');
		process.exitCode = await runInteractive();
	}
} else {
	process.stderr.write(notInteractiveMessage);
	process.exitCode = 2;
}
