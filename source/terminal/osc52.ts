// OSC 52 asks the terminal emulator itself to put text on the clipboard. The sequence travels
// with the program's output, so over SSH it reaches the clipboard of the user's own computer —
// the one clipboard that matters there. Terminals that do not support it ignore it.
import type {Environment} from './ssh.js';

const esc = '\u001B';
const bel = '\u0007';
const st = `${esc}\\`;

// GNU screen passes a DCS string through only in chunks shorter than its 256-byte buffer.
const screenChunk = 76;

/** The plain OSC 52 sequence that sets the clipboard (`c`) to `text`, UTF-8 and base64. */
export function osc52(text: string): string {
	return `${esc}]52;c;${Buffer.from(text, 'utf8').toString('base64')}${bel}`;
}

/**
 * What to write to stdout to copy `text`. Inside tmux the plain sequence works when tmux's
 * `set-clipboard` is on and the wrapped one when `allow-passthrough` is on: both are sent, as
 * setting the same text twice is harmless. Inside GNU screen the sequence is passed through in
 * DCS chunks.
 *
 * @example osc52Copy('X1D9SEET', {}) // → '\u001B]52;c;WDFEOVNFRVQ=\u0007'
 */
export function osc52Copy(text: string, env: Environment): string {
	const plain = osc52(text);
	if (env['TMUX']) {
		// Inside a tmux passthrough every ESC of the wrapped sequence is doubled.
		return `${plain}${esc}Ptmux;${plain.replaceAll(esc, esc + esc)}${st}`;
	}

	if (env['STY'] !== undefined && (env['TERM'] ?? '').startsWith('screen')) {
		const chunks: string[] = [];
		for (let index = 0; index < plain.length; index += screenChunk) {
			chunks.push(`${esc}P${plain.slice(index, index + screenChunk)}${st}`);
		}

		return chunks.join('');
	}

	return plain;
}
