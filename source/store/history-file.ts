// The history log on disk: `history.jsonl` (mode 0600), one JSON record per line, only ever
// appended to, except by a compaction, which rewrites it whole under a lock file.
//
// Why this is safe with several sftoken processes at once:
// - Every record is ONE write() on a descriptor opened with O_APPEND: on a local Linux file system
//   the kernel moves to the end and writes under the inode lock, so lines from two processes never
//   interleave and none overwrites another.
// - A compaction reads the log, writes the kept lines to a temporary file and renames it over the
//   log, holding `history.jsonl.lock` (created with O_EXCL) the whole time. A line appended to the
//   old file after the compactor read it would vanish with that file. So after every write the
//   appender waits until no compaction holds the lock, then checks that the log at the path is
//   still the file it wrote to (same inode; the appender keeps its descriptor open meanwhile, so
//   the number cannot have been reused). If it is, any compaction since started after the write
//   and read the line. If not (rare: a compaction renamed a new log in after our open), the
//   appender takes the lock itself, looks for its line in the new log (a rewrite keeps lines byte
//   for byte) and writes it again if it is missing: with the lock held no compaction can be
//   between its read and its rename, so that write stays. Records carry ids and the reader counts
//   an id once, so a line that ends up there twice is harmless.
// - A lock older than `staleLockMs` was left by a process that died mid-compaction: it is removed.
import {randomBytes} from 'node:crypto';
import {constants} from 'node:fs';
import {mkdir, open, readFile, rename, stat, unlink, type FileHandle} from 'node:fs/promises';
import path from 'node:path';

export const historyFileName = 'history.jsonl';

export type HistoryFileOptions = {
	/** How long a lock may be held before it counts as left behind by a crashed process. */
	readonly staleLockMs?: number;
	readonly now?: () => number;
	/** Waits between looks at the lock; tests may pass their own. */
	readonly sleep?: (ms: number) => Promise<void>;
};

const lockPollMs = 3;
/** Bytes read from each end of the log to estimate its length (see estimateLines). */
const sampleBytes = 65_536;

/** The number of line breaks in `bytes`. */
export function countNewlines(bytes: Uint8Array): number {
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let lines = 0;
	for (let index = buffer.indexOf(10); index !== -1; index = buffer.indexOf(10, index + 1)) lines++;
	return lines;
}

export type HistoryFile = {
	readonly path: string;
	readonly lockPath: string;
	/** Appends lines (each one record, no line breaks inside) in one write each. */
	appendLine(line: string): Promise<void>;
	/** The log's bytes; undefined when there is no log yet. */
	read(): Promise<Buffer | undefined>;
	/**
	 * How many lines the log holds, without reading it whole: exact for a small log, otherwise its
	 * size over the average line length of its first and last 64 KiB. 0 when there is no log.
	 */
	estimateLines(): Promise<number>;
	/**
	 * Runs `rewrite` holding the lock: it gets the current log (undefined when none) and returns
	 * the lines to keep, which replace the log atomically (temp file, then rename). Returns false
	 * without running it when another process holds the lock (its compaction will do).
	 */
	compact(
		rewrite: (current: Buffer | undefined) => {lines: readonly string[]; backup?: string},
	): Promise<boolean>;
};

function errorCode(error: unknown): string | undefined {
	return error instanceof Error && 'code' in error && typeof error.code === 'string'
		? error.code
		: undefined;
}

async function defaultSleep(ms: number): Promise<void> {
	return new Promise((resolve) => {
		setTimeout(resolve, ms);
	});
}

/** The history log in `directory` (created, mode 0700, on the first write). */
export function historyFile(directory: string, options: HistoryFileOptions = {}): HistoryFile {
	const file = path.join(directory, historyFileName);
	const lockPath = `${file}.lock`;
	const staleLockMs = options.staleLockMs ?? 10_000;
	const now = options.now ?? Date.now;
	const sleep = options.sleep ?? defaultSleep;

	const inodeAtPath = async (): Promise<number | undefined> => {
		try {
			return (await stat(file)).ino;
		} catch (error) {
			if (errorCode(error) === 'ENOENT') return undefined;
			throw error;
		}
	};

	/** Whether the lock exists and is fresh; removes a stale one. */
	const lockHeld = async (): Promise<boolean> => {
		let lock;
		try {
			lock = await stat(lockPath);
		} catch (error) {
			if (errorCode(error) === 'ENOENT') return false;
			throw error;
		}

		if (now() - lock.mtimeMs <= staleLockMs) return true;
		// Left by a process that died mid-compaction. Removed only if it is still the same file: a
		// compaction that started since has a new lock, and that one must stay.
		const again = await stat(lockPath).catch(() => undefined);
		if (again?.ino === lock.ino) await unlink(lockPath).catch(() => undefined);
		return false;
	};

	const waitForUnlock = async () => {
		const deadline = now() + staleLockMs;
		while ((await lockHeld()) && now() <= deadline) await sleep(lockPollMs);
	};

	/** Takes the lock if it is free (or stale); false when another process holds it. */
	const tryLock = async (): Promise<boolean> => {
		for (let attempt = 0; attempt < 2; attempt++) {
			try {
				const lock = await open(lockPath, 'wx', 0o600);
				try {
					await lock.write(`${process.pid} ${now()}\n`);
				} finally {
					await lock.close();
				}

				return true;
			} catch (error) {
				if (errorCode(error) !== 'EEXIST') throw error;
				// Held, or left by a crashed process: then it is gone now and one more try may win.
				if (await lockHeld()) return false;
			}
		}

		return false;
	};

	/** Takes the lock, waiting for compactions in progress; false if it never came free. */
	const lock = async (): Promise<boolean> => {
		const deadline = now() + 3 * staleLockMs;
		while (!(await tryLock())) {
			if (now() > deadline) return false;
			await sleep(lockPollMs);
		}

		return true;
	};

	const unlock = async () => {
		await unlink(lockPath).catch(() => undefined);
	};

	const readLog = async (): Promise<Buffer | undefined> => {
		try {
			return await readFile(file);
		} catch (error) {
			if (errorCode(error) === 'ENOENT') return undefined;
			throw error;
		}
	};

	/** Opens the log for appending and writes the line; the caller closes the handle. */
	const writeOnce = async (bytes: Buffer): Promise<FileHandle> => {
		const handle = await open(
			file,
			constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT,
			0o600,
		);
		try {
			let written = 0;
			// One write() for the whole line; the loop only matters if the kernel wrote less (disk
			// full), where finishing the line beats leaving half of one.
			while (written < bytes.length) {
				const {bytesWritten} = await handle.write(bytes, written, bytes.length - written);
				written += bytesWritten;
			}

			return handle;
		} catch (error) {
			await handle.close();
			throw error;
		}
	};

	const ensureDirectory = async () => {
		await mkdir(directory, {recursive: true, mode: 0o700});
	};

	return {
		path: file,
		lockPath,
		async appendLine(line) {
			const bytes = Buffer.from(`${line}\n`, 'utf8');
			await ensureDirectory();
			// Held open until the check, so that its inode number cannot be given to another file.
			const handle = await writeOnce(bytes);
			try {
				await waitForUnlock();
				if ((await inodeAtPath()) === (await handle.stat()).ino) return;
			} finally {
				await handle.close();
			}

			// A compaction replaced the log after our write and may not have read the line.
			const locked = await lock();
			try {
				if ((await readLog())?.includes(bytes) === true) return;
				await (await writeOnce(bytes)).close();
			} finally {
				if (locked) await unlock();
			}
		},
		read: readLog,
		async estimateLines() {
			let handle;
			try {
				handle = await open(file, 'r');
			} catch (error) {
				if (errorCode(error) === 'ENOENT') return 0;
				throw error;
			}

			try {
				const {size} = await handle.stat();
				const sample = Buffer.alloc(Math.min(size, 2 * sampleBytes));
				if (size <= 2 * sampleBytes) {
					await handle.read(sample, 0, size, 0);
					return countNewlines(sample);
				}

				await handle.read(sample, 0, sampleBytes, 0);
				await handle.read(sample, sampleBytes, sampleBytes, size - sampleBytes);
				const lines = countNewlines(sample);
				return lines === 0 ? 1 : Math.round((size * lines) / sample.length);
			} finally {
				await handle.close();
			}
		},
		async compact(rewrite) {
			await ensureDirectory();
			// Another process compacts (or died doing it: then the next compaction will).
			if (!(await tryLock())) return false;
			const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
			try {
				const current = await readLog();
				const {lines, backup} = rewrite(current);
				if (backup !== undefined && current !== undefined) {
					// The damaged file itself, byte for byte, before anything replaces it.
					await rename(file, backup);
				}

				const handle = await open(temporary, 'wx', 0o600);
				try {
					const text = lines.length === 0 ? '' : `${lines.join('\n')}\n`;
					await handle.writeFile(text, 'utf8');
					await handle.sync();
				} finally {
					await handle.close();
				}

				await rename(temporary, file);
				return true;
			} catch (error) {
				await unlink(temporary).catch(() => undefined);
				throw error;
			} finally {
				await unlock();
			}
		},
	};
}

/** Whether an error means the log cannot be written here at all (so memory is the fallback). */
export function isUnwritable(error: unknown): boolean {
	const code = errorCode(error);
	return (
		code === 'EACCES' ||
		code === 'EPERM' ||
		code === 'EROFS' ||
		code === 'ENOTDIR' ||
		code === 'EISDIR' ||
		code === 'ENOSPC' ||
		code === 'EDQUOT' ||
		code === 'ENOENT' ||
		code === 'EEXIST' ||
		code === 'ELOOP' ||
		code === 'ENAMETOOLONG'
	);
}

/** A short reason for a message: the error code's meaning, not a stack. */
export function describeFileError(error: unknown): string {
	const code = errorCode(error);
	switch (code) {
		case 'EACCES':
		case 'EPERM': {
			return 'permission denied';
		}

		case 'EROFS': {
			return 'read-only file system';
		}

		case 'ENOTDIR': {
			return 'a part of the path is a file, not a directory';
		}

		case 'ENOSPC':
		case 'EDQUOT': {
			return 'no space left';
		}

		default: {
			return code ?? (error instanceof Error ? error.message : String(error));
		}
	}
}
