// Writing exports of history to a file: the screen and `sftoken export` both come here. The text
// itself is built elsewhere (core/export-curl.ts, export/postman.ts) and holds no token.
import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {curlExport} from '../core/export-curl.js';
import type {HistoryEntry} from '../core/history-entry.js';
import {describeFileError} from './history-file.js';

export type ExportFormat = 'curl' | 'postman';

/**
 * The export's text; entries are written oldest first, the order they were sent in. Postman's
 * library is big, so it is loaded only for a Postman export.
 */
export async function exportText(
	format: ExportFormat,
	newestFirst: readonly HistoryEntry[],
): Promise<string> {
	const entries = [...newestFirst].reverse();
	if (format === 'curl') return curlExport(entries);
	const {postmanCollection} = await import('../export/postman.js');
	return postmanCollection(entries);
}

/** `sftoken-requests-20250102-030405.sh` or `….postman_collection.json` (Postman's own suffix). */
export function defaultExportFileName(format: ExportFormat, time: number): string {
	const stamp = new Date(time)
		.toISOString()
		.replace(/\.\d+Z$/u, '')
		.replaceAll(/[-:]/gu, '')
		.replace('T', '-');
	return `sftoken-requests-${stamp}${format === 'curl' ? '.sh' : '.postman_collection.json'}`;
}

export type ExportWritten =
	| {readonly ok: true; readonly path: string; readonly count: number}
	| {
			readonly ok: false;
			/** The file exists and `overwrite` was not set: ask, then call again with it. */
			readonly reason: 'exists' | 'failed';
			readonly path: string;
			readonly message: string;
	  };

export type WriteExportOptions = {
	/** Where a relative target goes: the current directory. */
	readonly cwd: string;
	readonly overwrite?: boolean;
};

/**
 * Writes the export of `entries` (newest first, as history lists them) to `target`, relative to
 * `cwd`. Never replaces a file unless told to; a curl script is made executable.
 */
export async function writeExport(
	format: ExportFormat,
	entries: readonly HistoryEntry[],
	target: string,
	options: WriteExportOptions,
): Promise<ExportWritten> {
	const file = path.resolve(options.cwd, target);
	const text = await exportText(format, entries);
	try {
		await writeFile(file, text, {
			flag: options.overwrite === true ? 'w' : 'wx',
			mode: format === 'curl' ? 0o755 : 0o644,
		});
	} catch (error) {
		const code = error instanceof Error && 'code' in error ? error.code : undefined;
		if (code === 'EEXIST') {
			return {ok: false, reason: 'exists', path: file, message: `${file} already exists.`};
		}

		return {
			ok: false,
			reason: 'failed',
			path: file,
			message: `Could not write ${file}: ${describeFileError(error)}.`,
		};
	}

	return {ok: true, path: file, count: entries.length};
}

/**
 * Exports as the history screen uses them: files go to `cwd` unless a path says otherwise, and a
 * new file's name carries the time, so two exports never collide.
 */
export function exportService(cwd: string, now: () => number) {
	return {
		exportDirectory: cwd,
		exportFileName: (format: ExportFormat) => defaultExportFileName(format, now()),
		exportTo: async (
			format: ExportFormat,
			entries: readonly HistoryEntry[],
			target: string,
			overwrite: boolean,
		) => writeExport(format, entries, target, {cwd, overwrite}),
	};
}
