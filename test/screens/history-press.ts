import assert from 'node:assert/strict';
import type {TestTerminal} from '../helpers/render-terminal.js';
import {waitFor} from '../helpers/wait-for.js';

/**
 * Sends a key until `done` holds. A screen or question that has just appeared listens to keys only
 * once React has run its effects; on a busy machine a key written right after its first frame can
 * come before that and be lost. The key is sent again only after two seconds without effect, so a
 * slow answer to the first one is not taken for a lost key.
 */
export async function press(
	terminal: TestTerminal,
	key: string,
	done: () => boolean,
): Promise<void> {
	for (let attempt = 0; attempt < 5 && !done(); attempt++) {
		terminal.write(key);
		try {
			await waitFor(done, () => 'key to take effect', 2000);
		} catch {
			// Lost before the screen listened: send it again.
		}
	}

	assert.ok(done(), `${JSON.stringify(key)} had no effect; last frame:\n${terminal.lastFrame()}`);
}

/** Sends a key until the frame shows `text`. */
export async function pressFor(terminal: TestTerminal, key: string, text: string): Promise<string> {
	await press(terminal, key, () => terminal.lastFrame().includes(text));
	return terminal.lastFrame();
}
