import {test} from 'node:test';
import assert from 'node:assert/strict';
import {Readable} from 'node:stream';
import {parseArgs} from '../../source/headless/parse-args.js';
import type {CommandIo} from '../../source/headless/io.js';

function capture(): {io: CommandIo; out: () => string; err: () => string} {
	let out = '';
	let err = '';
	return {
		io: {
			stdout: {write: (text: string) => (out += text)},
			stderr: {write: (text: string) => (err += text)},
			stdin: Readable.from([]),
			env: {},
		},
		out: () => out,
		err: () => err,
	};
}

const spec = {
	name: 'demo',
	help: '\n  Demo help.\n\n  Usage\n    $ sftoken demo\n',
	usage: 'sftoken demo [--org A] [--json]',
	flags: {
		org: {type: 'string'},
		port: {type: 'number'},
		clientId: {type: 'string'},
		header: {type: 'string', isMultiple: true},
		json: {type: 'boolean', default: false},
	},
	maxInput: 1,
} as const;

function run(argv: string[]) {
	const streams = capture();
	const parsed = parseArgs(argv, streams.io, spec);
	return {parsed, out: streams.out(), err: streams.err()};
}

test('flags and input come back typed; kebab-case flags map to camelCase', () => {
	const {parsed, err} = run(['--org', 'a', '--client-id=x', '--port', '8', '--json', 'file']);
	assert.equal(err, '');
	assert.ok(parsed.ok);
	assert.equal(parsed.flags.org, 'a');
	assert.equal(parsed.flags.clientId, 'x');
	assert.equal(parsed.flags.port, 8);
	assert.equal(parsed.flags.json, true);
	assert.deepEqual(parsed.input, ['file']);
});

test('--help prints the help on stdout and asks for exit 0', () => {
	const {parsed, out, err} = run(['--org', 'a', '--help']);
	assert.deepEqual(parsed, {ok: false, code: 0});
	assert.equal(out, '  Demo help.\n\n  Usage\n    $ sftoken demo\n');
	assert.equal(err, '');
});

const usageErrors: Array<[string[], string]> = [
	[['--verbose'], 'unknown option "verbose"'],
	[['--x\u009B2J'], String.raw`unknown option "x\u009b2J"`],
	[['a', 'b\u007F'], String.raw`unexpected argument "b\u007f"`],
	[['--org', 'a', '--org', 'b'], '--org can be given only once'],
	[['--client-id=a', '--client-id=b'], '--client-id can be given only once'],
	[['--port', '1', '--port', '2'], '--port can be given only once'],
	[['--no-org'], '--no-org is not an option: --org takes a value'],
	[['--no-client-id'], '--no-client-id is not an option: --client-id takes a value'],
	[['--no-header'], '--no-header is not an option: --header takes a value'],
	[['--header', 'A: b', '--no-header'], '--no-header is not an option: --header takes a value'],
];

for (const [argv, problem] of usageErrors) {
	test(`usage error, exit 2: ${JSON.stringify(argv)}`, () => {
		const {parsed, out, err} = run(argv);
		assert.deepEqual(parsed, {ok: false, code: 2});
		assert.equal(out, '');
		assert.equal(err, `sftoken demo: ${problem}\nUsage: sftoken demo [--org A] [--json]\n`);
	});
}

test('usageError writes the same shape for the checks a command makes itself', () => {
	const streams = capture();
	const parsed = parseArgs(['--org='], streams.io, spec);
	assert.ok(parsed.ok);
	assert.equal(parsed.usageError('--org needs an alias'), 2);
	assert.equal(
		streams.err(),
		'sftoken demo: --org needs an alias\nUsage: sftoken demo [--org A] [--json]\n',
	);
});
