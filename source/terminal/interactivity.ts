/**
 * Whether the interactive app may start: both ends must be terminals. Decided here, before
 * anything renders, and passed to Ink explicitly — Ink's own detection also looks at CI
 * variables, which must not change what a real terminal shows.
 */
export function canRunInteractively(streams: {
	readonly stdin: {readonly isTTY?: boolean};
	readonly stdout: {readonly isTTY?: boolean};
}): boolean {
	return streams.stdin.isTTY === true && streams.stdout.isTTY === true;
}

export const notInteractiveMessage = [
	'sftoken: the interactive app needs a terminal on both stdin and stdout.',
	'For scripts, use a headless command, for example:',
	'  sftoken domain <org URL> --json',
	'Run `sftoken --help` to see them all.',
	'',
].join('\n');
