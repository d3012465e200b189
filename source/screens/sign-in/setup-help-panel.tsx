import {paragraphLines} from './problem-lines.js';
import {ScrollPanel} from './scroll-panel.js';
import {compactSetupHelpParagraphs, setupHelpParagraphs} from './setup-help.js';

export type SetupHelpPanelProps = {
	readonly columns: number;
	readonly rows: number;
	readonly isActive: boolean;
	/** The browser login's port, named in the callback URL. */
	readonly port?: number | undefined;
};

/** Below this the long steps wrap into a column too thin to read: the short ones show. */
const compactColumns = 60;
const compactRows = 12;

/**
 * The setup steps (`?`): the full text, scrolling with ↑↓ when it is taller than the room; the
 * short version only where the full one would be a thin ribbon.
 */
export function SetupHelpPanel({columns, rows, isActive, port}: SetupHelpPanelProps) {
	const compact = columns < compactColumns || rows < compactRows;
	const paragraphs = compact ? compactSetupHelpParagraphs(port) : setupHelpParagraphs(port);
	return (
		<ScrollPanel
			lines={paragraphLines(paragraphs, columns)}
			maxRows={rows}
			isActive={isActive}
			hyperlinks={false}
		/>
	);
}
