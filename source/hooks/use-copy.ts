import {useStdout} from 'ink';
import {useCallback} from 'react';
import {osc52Copy} from '../terminal/osc52.js';
import type {Environment} from '../terminal/ssh.js';

export type CopyOptions = {
	readonly env: Environment;
	/** This machine's clipboard; absent over SSH. */
	readonly copyLocal?: (text: string) => Promise<void>;
};

/** Copies `text`; `what` names it in the confirmation it resolves to ("The code"). */
export type Copy = (text: string, what: string) => Promise<string>;

/**
 * Copies on purpose, two ways at once: OSC 52 through Ink's stdout (so the sequence does not
 * tear the frame, and over SSH it reaches the clipboard of the user's own computer), and this
 * machine's clipboard when there is one. The confirmation says which, since OSC 52 cannot report
 * whether the terminal honoured it.
 */
export function useCopy({env, copyLocal}: CopyOptions): Copy {
	const {write} = useStdout();
	return useCallback(
		async (text: string, what: string) => {
			write(osc52Copy(text, env));
			const viaTerminal = `✓ ${what} sent to the terminal’s clipboard (OSC 52). Nothing pasted? Select it with the mouse.`;
			if (copyLocal === undefined) return viaTerminal;
			try {
				await copyLocal(text);
				return `✓ ${what} copied.`;
			} catch {
				return viaTerminal;
			}
		},
		[write, env, copyLocal],
	);
}
