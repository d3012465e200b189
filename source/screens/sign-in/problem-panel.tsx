import type {Explanation} from '../../core/oauth-errors.js';
import {problemLines} from './problem-lines.js';
import {ScrollPanel} from './scroll-panel.js';

export type ProblemPanelProps = {
	readonly problem: Explanation;
	readonly columns: number;
	readonly rows: number;
	readonly isActive: boolean;
	/** Whether the Setup path and links may be drawn as terminal hyperlinks. */
	readonly hyperlinks: boolean;
};

/**
 * A failed login, the same on every login screen: title, cause, fix and Setup path, scrolling with
 * ↑↓ when taller than the room (nothing of it is dropped).
 */
export function ProblemPanel({problem, columns, rows, isActive, hyperlinks}: ProblemPanelProps) {
	return (
		<ScrollPanel
			lines={problemLines(problem, columns)}
			maxRows={rows}
			isActive={isActive}
			hyperlinks={hyperlinks}
		/>
	);
}
