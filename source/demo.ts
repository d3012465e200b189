import {createInterface} from 'node:readline';
import {Worker} from 'node:worker_threads';
import type {DemoOrg, DemoSetup} from './app-state.js';
import {runInteractive, type InteractiveOptions} from './interactive.js';

export type DemoEmulator = {
	readonly setup: DemoSetup;
	readonly close: () => Promise<void>;
};

export type DemoEmulatorOptions = {
	/** Accounts per demo org (`--records`). */
	readonly records?: number;
	/** The CLI to run `emulator --json` from: this process's own script unless a test says. */
	readonly entry?: string;
	readonly execArgv?: readonly string[];
};

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}

function demoOrgOf(value: unknown): DemoOrg | undefined {
	if (!isRecord(value)) return undefined;
	const {name, myDomainUrl, sandbox, username, password} = value;
	if (typeof name !== 'string' || typeof myDomainUrl !== 'string') return undefined;
	return {
		name,
		myDomainUrl,
		sandbox: sandbox === true,
		...(typeof username === 'string' ? {username} : {}),
		...(typeof password === 'string' ? {password} : {}),
	};
}

/**
 * Reads the one line `sftoken emulator --json` prints once it listens into what the app needs
 * to offer the demo orgs and log in to them; undefined when the line is not that.
 */
export function demoSetupFrom(line: string): DemoSetup | undefined {
	let json: unknown;
	try {
		json = JSON.parse(line);
	} catch {
		return undefined;
	}

	if (!isRecord(json) || typeof json['loginUrl'] !== 'string' || !Array.isArray(json['orgs'])) {
		return undefined;
	}

	const orgs = json['orgs'].map((org) => demoOrgOf(org));
	if (orgs.some((org) => org === undefined)) return undefined;
	return {
		loginUrl: json['loginUrl'],
		orgs: orgs.filter((org) => org !== undefined),
		...(typeof json['clientId'] === 'string' ? {clientId: json['clientId']} : {}),
	};
}

/**
 * Starts the demo's emulator in a worker thread: this same CLI running `emulator --json`. In
 * the app's own thread a heavy answer (sorting 200 000 contacts) would freeze the screen and
 * hold back the very Ctrl+C meant to cancel it; in a worker the app stays as responsive as it
 * is with a real org. Its output is captured, so nothing it writes reaches the screen.
 */
export async function startDemoEmulator(options: DemoEmulatorOptions = {}): Promise<DemoEmulator> {
	const entry = options.entry ?? process.argv[1];
	if (entry === undefined) throw new Error('sftoken --demo: cannot tell which script is running');
	const worker = new Worker(entry, {
		argv: [
			'emulator',
			'--json',
			...(options.records === undefined ? [] : ['--records', String(options.records)]),
		],
		execArgv: [...(options.execArgv ?? process.execArgv)],
		stdout: true,
		stderr: true,
	});
	let said = '';
	worker.stderr.on('data', (chunk: Buffer) => {
		said += chunk.toString('utf8');
	});
	const line = await new Promise<string>((resolve, reject) => {
		createInterface({input: worker.stdout}).once('line', resolve);
		worker.once('error', reject);
		worker.once('exit', (code) => {
			reject(new Error(`sftoken --demo: the emulator stopped (exit ${code}). ${said}`.trim()));
		});
	});
	const setup = demoSetupFrom(line);
	if (setup === undefined) {
		await worker.terminate();
		throw new Error(`sftoken --demo: the emulator said something unexpected: ${line}`);
	}

	return {
		setup,
		async close() {
			await worker.terminate();
		},
	};
}

/**
 * `sftoken --demo`: the whole walk against the built-in emulator on free loopback ports, so a
 * new user can try everything with no org. The emulator lives exactly as long as the app.
 */
export async function runDemo(
	options: Omit<InteractiveOptions, 'demo'> = {},
	emulatorOptions: Pick<DemoEmulatorOptions, 'records'> = {},
): Promise<number> {
	const emulator = await startDemoEmulator(emulatorOptions);
	try {
		return await runInteractive({...options, demo: emulator.setup});
	} finally {
		await emulator.close();
	}
}
