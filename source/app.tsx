import {Box, Text, useApp, useInput} from 'ink';

export type AppProps = {
	readonly demo: boolean;
};

/** Root component: owns the screen state and the only exit(). */
export function App({demo}: AppProps) {
	const {exit} = useApp();
	useInput((input, key) => {
		if (key.ctrl && input === 'c') exit(130);
	});
	return (
		<Box flexDirection="column">
			<Text bold>sftoken{demo ? ' — DEMO' : ''}</Text>
			<Text>Where do you log in?</Text>
		</Box>
	);
}
