import type {Explanation} from '../../core/oauth-errors.js';
import {fitBlocks, paragraph, spacer, wrapText, type Block, type Line} from './lines.js';

/**
 * A failure as lines: the title, the cause, the fix and the Setup path that fixes it, each
 * wrapped to `width`. All of it matters: the panel scrolls rather than dropping any.
 */
export function problemLines(problem: Explanation, width: number): Line[] {
	const blocks: Block[] = [
		paragraph('title', `✗ ${problem.title}`, width, {priority: 0, style: 'error'}),
		spacer('after-title'),
		paragraph('cause', problem.cause, width, {priority: 0}),
		spacer('after-cause'),
		paragraph('fix', `Fix: ${problem.fix}`, width, {priority: 0, style: 'bold'}),
	];
	if (problem.setupPath !== undefined) {
		blocks.push(
			spacer('after-fix'),
			paragraph('setup', `Setup: ${problem.setupPath}`, width, {priority: 0, style: 'accent'}),
		);
	}

	return fitBlocks(blocks, Number.POSITIVE_INFINITY);
}

/** Lines of wrapped paragraphs separated by empty lines. */
export function paragraphLines(paragraphs: readonly string[], width: number): Line[] {
	return paragraphs.flatMap((text, index) => [
		...(index === 0 ? [] : [{text: ' '}]),
		...wrapText(text, width).map((piece) => ({text: piece})),
	]);
}
