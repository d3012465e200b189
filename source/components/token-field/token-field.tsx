import {Box, Text, type TextProps} from 'ink';
import {useMemo} from 'react';
import {keyHints, verdictFor} from './token-field-text.js';
import {layoutToken, type TokenLine, type TokenRunStyle} from './token-layout.js';
import {useTokenField, type TokenFieldOptions} from './use-token-field.js';

export type TokenFieldProps = TokenFieldOptions & {
	/** Columns for the token lines; a 112-character token takes 2 lines at 60. */
	readonly width: number;
	/** Lines the token may take before its middle is elided (default 6). */
	readonly maxLines?: number;
	/** Show the line of keys under the verdict (default true); off when a footer lists them. */
	readonly hints?: boolean;
};

const runProps: Record<TokenRunStyle, TextProps> = {
	token: {},
	masked: {dimColor: true},
	stray: {backgroundColor: 'red', color: 'white', bold: true},
	wrapper: {color: 'yellow'},
	cursor: {inverse: true},
};

function Line({line}: {readonly line: TokenLine}) {
	return (
		<Text wrap="truncate-end">
			{line.map((run, index) => (
				// Runs of a line never reorder: the index is a stable key.
				<Text key={index} {...runProps[run.style]}>
					{run.text}
				</Text>
			))}
		</Text>
	);
}

/**
 * The access token, X-rayed: masked by default with every stray character drawn in place as a
 * highlighted glyph, a one-line verdict under it, and `f` to apply the fix. The value is owned by
 * the parent; the field only reports changes.
 */
export function TokenField({width, maxLines = 6, hints = true, ...options}: TokenFieldProps) {
	const {inspection, editing, revealed} = useTokenField(options);
	const layout = useMemo(
		() => layoutToken(inspection, {revealed, width, maxLines, cursor: editing}),
		[inspection, revealed, width, maxLines, editing],
	);
	const verdict = verdictFor(inspection, editing);
	return (
		<Box flexDirection="column" width={width}>
			{options.value === '' && !editing && <Text dimColor>(empty)</Text>}
			{layout.head.map((line, index) => (
				<Line key={index} line={line} />
			))}
			{layout.hiddenLines > 0 && <Text dimColor>{`⋯ ${layout.hiddenLines} more lines ⋯`}</Text>}
			{layout.tail.map((line, index) => (
				<Line key={`tail-${index}`} line={line} />
			))}
			<Text color={verdict.color}>{verdict.text}</Text>
			{hints && <Text dimColor>{keyHints(inspection, {editing, revealed})}</Text>}
		</Box>
	);
}
