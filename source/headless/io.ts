/** The streams and environment a headless command may use, injected so tests can capture them. */
export type CommandIo = {
	readonly stdout: OutputStream;
	readonly stderr: OutputStream;
	readonly stdin: NodeJS.ReadableStream & {readonly isTTY?: boolean};
	readonly env: Readonly<Record<string, string | undefined>>;
};

export type OutputStream = {
	write(text: string): unknown;
	readonly isTTY?: boolean;
};

/** A headless command: receives the arguments after its name and resolves to the exit code. */
export type Command = (argv: readonly string[], io: CommandIo) => Promise<number>;

export function processIo(): CommandIo {
	return {stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env};
}

/** Reads all of stdin as UTF-8 text (for `-` arguments and piped tokens). */
export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) {
		chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
	}
	return Buffer.concat(chunks).toString('utf8');
}
