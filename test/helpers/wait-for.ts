/**
 * Waits until `check` returns a truthy value, re-checking on every macrotask. Screens update
 * asynchronously (input parsing, effects, network); tests wait for the state they expect rather
 * than sleeping a fixed time. The deadline only keeps a broken test from hanging the suite.
 */
export async function waitFor<T>(
	check: () => T | undefined | false | null,
	describe: () => string = () => 'condition',
	deadlineMs = 10_000,
): Promise<T> {
	const start = Date.now();
	for (;;) {
		const value = check();
		if (value) return value;
		if (Date.now() - start > deadlineMs) {
			throw new Error(`Timed out waiting for ${describe()}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

/** Waits until the rendered frame contains `text`, and returns that frame. */
export async function waitForText(
	lastFrame: () => string | undefined,
	text: string,
): Promise<string> {
	return waitFor(
		() => {
			const frame = lastFrame();
			return frame?.includes(text) ? frame : undefined;
		},
		() => `frame to contain ${JSON.stringify(text)}; last frame:\n${lastFrame() ?? '(none)'}`,
	);
}
