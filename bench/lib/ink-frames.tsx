// Renders a component with Ink into a terminal-sized fake stream that timestamps every write, so
// a benchmark can time "key in → frame out" without a pseudo-terminal in between. Run with
// NODE_ENV=production (bench/run.ts does): React's development build is several times slower.
import {EventEmitter} from 'node:events';
import {stripVTControlCharacters} from 'node:util';
import {render} from 'ink';
import type {ReactElement} from 'react';

class TimedStdout extends EventEmitter {
	readonly isTTY = true;
	columns: number;
	rows: number;
	readonly writes: Array<{time: number; text: string}> = [];
	#waiters: Array<() => void> = [];

	constructor(columns: number, rows: number) {
		super();
		this.columns = columns;
		this.rows = rows;
	}

	write = (data: string, callback?: () => void) => {
		this.writes.push({time: performance.now(), text: data});
		for (const waiter of this.#waiters.splice(0)) waiter();
		if (callback !== undefined) setImmediate(callback);
		return true;
	};

	async nextWrite(): Promise<void> {
		return new Promise((resolve) => {
			this.#waiters.push(resolve);
		});
	}
}

/** Ink 8 reads stdin through 'readable' and read(), one chunk per write. */
class ScriptedStdin extends EventEmitter {
	readonly isTTY = true;
	#chunk: string | null = null;

	write(data: string) {
		this.#chunk = data;
		this.emit('readable');
	}

	read = () => {
		const chunk = this.#chunk;
		this.#chunk = null;
		return chunk;
	};

	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}

export type TimedRender = {
	/** Milliseconds from the render call to Ink's first write. */
	readonly firstFrame: Promise<number>;
	/**
	 * Sends `bytes` as one stdin read and resolves to the milliseconds until the next write (the
	 * frame the key caused). Waits for the app to be quiet first, so Ink's 30 fps throttle never
	 * delays the frame being timed.
	 */
	readonly press: (bytes: string) => Promise<number>;
	/**
	 * Resolves to the milliseconds from `since` (a performance.now() time) to the first write at or
	 * after it whose text (escape sequences removed) contains `text`.
	 */
	readonly timeUntil: (text: string, since: number) => Promise<number>;
	/** Resolves once nothing has been written for `quietMs`. */
	readonly settle: (quietMs?: number) => Promise<void>;
	readonly unmount: () => void;
};

const sleep = async (ms: number) =>
	new Promise((resolve) => {
		setTimeout(resolve, ms);
	});

export function timedRender(tree: ReactElement, {columns = 120, rows = 40} = {}): TimedRender {
	const stdout = new TimedStdout(columns, rows);
	const stdin = new ScriptedStdin();
	const start = performance.now();
	const first = stdout.nextWrite().then(() => stdout.writes[0]!.time - start);
	const instance = render(tree, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: new TimedStdout(columns, rows) as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		interactive: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});

	const settle = async (quietMs = 60) => {
		for (;;) {
			const count = stdout.writes.length;

			await sleep(quietMs);
			if (stdout.writes.length === count) return;
		}
	};

	const timeUntil = async (text: string, since: number): Promise<number> => {
		const deadline = since + 20_000;
		for (let checked = 0; ;) {
			for (; checked < stdout.writes.length; checked++) {
				const write = stdout.writes[checked]!;
				if (write.time >= since && stripVTControlCharacters(write.text).includes(text)) {
					return write.time - since;
				}
			}

			if (performance.now() > deadline) throw new Error(`no frame with ${JSON.stringify(text)}`);

			await Promise.race([stdout.nextWrite(), sleep(100)]);
		}
	};

	return {
		firstFrame: first,
		timeUntil,
		settle,
		async press(bytes) {
			await settle();
			const next = stdout.nextWrite();
			const before = stdout.writes.length;
			const sent = performance.now();
			stdin.write(bytes);
			let timer: NodeJS.Timeout | undefined;
			const timeout = new Promise<never>((_resolve, reject) => {
				timer = setTimeout(() => {
					reject(new Error(`no frame within 5 s of ${JSON.stringify(bytes)}`));
				}, 5000);
			});
			await Promise.race([next, timeout]).finally(() => {
				clearTimeout(timer);
			});
			return stdout.writes[before]!.time - sent;
		},
		unmount() {
			instance.unmount();
		},
	};
}
