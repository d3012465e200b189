// OSC 8 hyperlinks: the text stays the plain URL (so it reads and copies the same everywhere),
// and terminals that support them make it clickable.
import type {Environment} from './ssh.js';

const esc = '\u001B';
const st = `${esc}\\`;
const controlCharacters = /[\u0000-\u001F\u007F-\u009F]/u;

/**
 * Wraps `text` in an OSC 8 hyperlink to `url`. `id` lets a terminal treat the pieces of a URL
 * drawn on several lines as one link. A URL or text holding a control character is never put in
 * an escape sequence (it could end it early and inject its own): the text comes back plain.
 *
 * @example hyperlink('https://example.com') // → '\u001B]8;;https://example.com\u001B\\https://example.com\u001B]8;;\u001B\\'
 */
export function hyperlink(url: string, text: string = url, id?: string): string {
	if (controlCharacters.test(url) || controlCharacters.test(text)) return text;
	const parameters = id === undefined || !/^[\w-]+$/u.test(id) ? '' : `id=${id}`;
	return `${esc}]8;${parameters};${url}${st}${text}${esc}]8;;${st}`;
}

function versionAtLeast(version: string | undefined, major: number, minor = 0): boolean {
	const [a = Number.NaN, b = 0] = (version ?? '').split('.').map(Number);
	return a > major || (a === major && b >= minor);
}

/**
 * Whether the terminal is known to draw OSC 8 links. Conservative: an unknown terminal gets
 * plain text, since a few old ones print the sequence as garbage. FORCE_HYPERLINK=1 or 0
 * overrides the guess.
 */
export function supportsHyperlinks(env: Environment): boolean {
	const forced = env['FORCE_HYPERLINK'];
	if (forced !== undefined && forced !== '') return forced !== '0';
	const term = env['TERM'] ?? '';
	if (term === 'dumb') return false;
	// Inside tmux or screen the outer terminal is unknown, and tmux before 3.4 drops the links.
	if (env['TMUX'] || term.startsWith('screen')) return false;
	if (env['WT_SESSION'] || env['KITTY_WINDOW_ID'] || env['KONSOLE_VERSION']) return true;
	if (term === 'xterm-kitty' || term === 'alacritty' || term === 'xterm-ghostty') return true;
	switch (env['TERM_PROGRAM']) {
		case 'iTerm.app': {
			return versionAtLeast(env['TERM_PROGRAM_VERSION'], 3, 1);
		}

		case 'vscode': {
			return versionAtLeast(env['TERM_PROGRAM_VERSION'], 1, 72);
		}

		case 'WezTerm':
		case 'ghostty':
		case 'Hyper': {
			return true;
		}

		default: {
			break;
		}
	}

	// GNOME Terminal, Tilix, Terminator and other VTE terminals: VTE 0.50 and later.
	return Number(env['VTE_VERSION'] ?? 0) >= 5000;
}
