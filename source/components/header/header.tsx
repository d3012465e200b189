import {Box, Text} from 'ink';

export type HeaderProps = {
	readonly title: string;
	readonly demo: boolean;
	readonly width: number;
};

const demoLabel = ' DEMO ';

/**
 * Title bar: app name, the screen's title and, in demo mode, a DEMO label that no screen can
 * hide, so nobody mistakes the emulator for a real org. Below 40 columns the app name goes.
 * It spans its parent ("100%", not `width`): on a resize Ink draws the old tree at the new
 * width once before React re-renders, and a fixed width would overflow that frame.
 */
export function Header({title, demo, width}: HeaderProps) {
	const compact = width < 40;
	return (
		<Box width="100%" justifyContent="space-between">
			<Box flexShrink={1}>
				<Text wrap="truncate-end">
					{compact ? '' : <Text bold>{'sftoken · '}</Text>}
					<Text bold color="cyan">
						{title}
					</Text>
				</Text>
			</Box>
			{demo ? (
				<Box flexShrink={0} marginLeft={1}>
					<Text inverse bold color="yellow">
						{demoLabel}
					</Text>
				</Box>
			) : null}
		</Box>
	);
}
