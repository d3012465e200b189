import type {Key} from 'ink';

/*
 * What Ink 8 delivers (read from ink/build/input-parser.js, parse-keypress.js, hooks/use-input.js,
 * hooks/use-paste.js and components/App.js):
 *
 * - Without bracketed paste, a paste is ONE stdin chunk and reaches useInput as ONE `input`
 *   string. The parser splits out only Backspace (0x7F, 0x08), Ctrl+C (0x03) and escape
 *   sequences; `\r`, `\n`, `\t` and other control characters stay inside the string, and
 *   `key.return` is true only when the whole chunk is exactly "\r". So "<token>\n" arrives as
 *   one input of 113 characters, line break included — which is what this field must keep.
 * - With bracketed paste ("\u001b[200~…\u001b[201~", in one or several chunks) the parser strips
 *   the markers and emits the content as one paste event: to usePaste listeners if there are
 *   any, otherwise to useInput as plain input. usePaste also switches the terminal's bracketed
 *   paste mode on while active, so real pastes take that channel, whatever bytes they hold.
 * - A lone "\n" parses as key name 'enter' with `key.return` false: treated as Enter here.
 * - Backspace is `key.backspace` (Ink 7+); `key.delete` is the forward-delete key.
 * - Ctrl+letter arrives as the bare letter with `key.ctrl`.
 * - Every useInput handler sees every key: "passing Tab, Esc and Ctrl+C to the parent" means
 *   doing nothing with them.
 * - Ink itself strips C0 controls from text but lets SGR and OSC escape sequences through, so
 *   the field never hands it raw token text: every such character is drawn as a glyph.
 *
 * The rule for users: pasting always works (it replaces the token, or appends while editing);
 * single keys are commands (e edit, v reveal, f fix) unless the field is being edited — or is
 * empty, where typing starts editing.
 */

export type TokenFieldCommand =
	| {readonly type: 'none'}
	| {readonly type: 'replace'; readonly value: string}
	| {readonly type: 'append'; readonly text: string; readonly startEditing: boolean}
	| {readonly type: 'delete-backward'}
	| {readonly type: 'fix'}
	| {readonly type: 'toggle-reveal'}
	| {readonly type: 'start-editing'}
	| {readonly type: 'stop-editing'};

export type KeyContext = {readonly editing: boolean; readonly empty: boolean};

const none: TokenFieldCommand = {type: 'none'};

/** What a pasted text does: replaces the token, or is appended to it while editing. */
export function commandForPaste(text: string, context: KeyContext): TokenFieldCommand {
	if (text === '') return none;
	return context.editing
		? {type: 'append', text, startEditing: false}
		: {type: 'replace', value: text};
}

/** What one useInput event does in the token field. */
export function commandForKey(input: string, key: Key, context: KeyContext): TokenFieldCommand {
	// With the kitty keyboard protocol a key also reports its release: act on the press only.
	if (key.eventType === 'release') return none;
	if (key.ctrl) return input === 'u' ? {type: 'replace', value: ''} : none;
	if (key.backspace) return {type: 'delete-backward'};
	if (key.escape) return context.editing ? {type: 'stop-editing'} : none;
	if (key.return || input === '\n') return context.editing ? {type: 'stop-editing'} : none;
	if (
		key.tab ||
		key.meta ||
		key.upArrow ||
		key.downArrow ||
		key.leftArrow ||
		key.rightArrow ||
		key.pageUp ||
		key.pageDown ||
		key.home ||
		key.end ||
		key.delete ||
		input === ''
	) {
		return none;
	}
	// More than one character in one event is a paste (or typing faster than a read).
	if ([...input].length > 1) return commandForPaste(input, context);
	if (context.editing) return {type: 'append', text: input, startEditing: false};
	if (context.empty) return {type: 'append', text: input, startEditing: true};
	switch (input) {
		case 'e': {
			return {type: 'start-editing'};
		}
		case 'v': {
			return {type: 'toggle-reveal'};
		}
		case 'f': {
			return {type: 'fix'};
		}
		default: {
			return none;
		}
	}
}
