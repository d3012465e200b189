import {Box, Text, type TextProps} from 'ink';
import {hyperlink} from '../../terminal/hyperlink.js';
import type {Line, LineStyle} from './lines.js';

const styles: Record<LineStyle, TextProps> = {
	plain: {},
	bold: {bold: true},
	dim: {dimColor: true},
	accent: {color: 'cyan'},
	code: {bold: true, color: 'cyan'},
	warning: {color: 'yellow'},
	error: {color: 'red'},
	success: {color: 'green'},
	secret: {color: 'magenta'},
};

export type LinesViewProps = {
	readonly lines: readonly Line[];
	/** Draw link lines as OSC 8 hyperlinks (the terminal supports them). */
	readonly hyperlinks: boolean;
	readonly width?: number;
};

/**
 * Lines a screen wrapped and fitted itself (see lines.ts), one Text each, never wrapped again.
 * The pieces of a URL are each a link to the whole URL, with one id so the terminal underlines
 * them together.
 */
export function LinesView({lines, hyperlinks, width}: LinesViewProps) {
	return (
		<Box flexDirection="column" width={width} flexShrink={0}>
			{lines.map((line, index) => (
				// Lines are rebuilt on every render in the same order: the index is a stable key.
				<Text key={index} wrap="truncate-end" {...styles[line.style ?? 'plain']}>
					{hyperlinks && line.link !== undefined
						? hyperlink(line.link, line.text, linkId(line.link))
						: line.text}
				</Text>
			))}
		</Box>
	);
}

/** A short id derived from the URL, shared by its pieces. */
function linkId(url: string): string {
	let hash = 0;
	for (const char of url) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
	return `sftoken-${hash.toString(36)}`;
}
