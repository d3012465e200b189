import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

export type TerminalSize = {
	readonly columns: number;
	readonly rows: number;
};

// A TTY stream has both; Ink types stdout as a plain writable stream.
type SizedStream = NodeJS.WritableStream & {readonly columns?: number; readonly rows?: number};

// What a terminal that reports no size (a test stream, a dumb terminal) is drawn for.
const fallback: TerminalSize = {columns: 80, rows: 24};

function sizeOf(stream: SizedStream): TerminalSize {
	const {columns, rows} = stream;
	return {
		columns: columns !== undefined && columns > 0 ? columns : fallback.columns,
		rows: rows !== undefined && rows > 0 ? rows : fallback.rows,
	};
}

/**
 * The terminal's size, updated on resize: the one place the UI reads it. It reads Ink's stdout
 * (the stream the app draws on), not process.stdout, so tests can give it any size. Unlike
 * Ink's useWindowSize it never asks the real terminal when the stream reports nothing, which
 * keeps layouts in tests independent of the terminal the tests run in.
 */
export function useTerminalSize(): TerminalSize {
	const {stdout} = useStdout();
	const [size, setSize] = useState(() => sizeOf(stdout));
	useEffect(() => {
		const update = () => {
			setSize((previous) => {
				const next = sizeOf(stdout);
				return next.columns === previous.columns && next.rows === previous.rows ? previous : next;
			});
		};

		stdout.on('resize', update);
		// The size may have changed between the first render and this effect.
		update();
		return () => {
			stdout.off('resize', update);
		};
	}, [stdout]);
	return size;
}
