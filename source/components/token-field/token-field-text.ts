import {summarizeInspection, type TokenInspection} from '../../core/token.js';

export type TokenVerdict = {
	readonly text: string;
	/** green: clean; yellow: `f` fixes it; red: no fix can; gray: nothing yet. */
	readonly color: 'green' | 'yellow' | 'red' | 'gray';
};

/** The line under the token. While editing, `f` types an f, so the hint says how to get out. */
export function verdictFor(inspection: TokenInspection, editing: boolean): TokenVerdict {
	if (inspection.input === '') {
		return {text: 'No token yet — paste one, or type it', color: 'gray'};
	}
	const fixHint = editing ? 'press Enter, then f to fix' : 'press f to fix';
	const text = summarizeInspection(inspection, {fixHint});
	if (inspection.clean) return {text, color: 'green'};
	return {text, color: inspection.fixable ? 'yellow' : 'red'};
}

/** The keys that work right now, for the hint line (or a screen's footer). */
export function keyHints(
	inspection: TokenInspection,
	{editing, revealed}: {readonly editing: boolean; readonly revealed: boolean},
): string {
	if (editing) return 'editing: type or paste · backspace · ctrl+u clear · enter/esc done';
	const keys = ['paste to replace', 'e edit', revealed ? 'v hide' : 'v reveal'];
	if (inspection.fixable && !inspection.clean) keys.push('f fix');
	if (inspection.input !== '') keys.push('ctrl+u clear');
	return keys.join(' · ');
}
