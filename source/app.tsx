import {Box, Text, useApp, useInput} from 'ink';
import {useEffect, useReducer, useState} from 'react';
import {appReducer, initialAppState, screenTitle} from './app-state.js';
import type {AppState, DemoSetup} from './app-state.js';
import type {LoginTarget} from './core/login-target.js';
import {Header} from './components/header/header.js';
import {KeyHints} from './components/key-hints/key-hints.js';
import type {KeyHint} from './components/key-hints/fit-key-hints.js';
import {CtrlCContext, useCtrlCRegistry} from './hooks/use-cancel-on-ctrl-c.js';
import {KeyHintsContext, useKeyHints} from './hooks/use-key-hints.js';
import {useRecentLogins} from './hooks/use-recent-logins.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {DomainScreen} from './screens/domain-screen.js';
import type {RecentLogins} from './store/recent-logins.js';

export type AppProps = {
	readonly recentLogins: RecentLogins;
	/** Set by `sftoken --demo`: the emulator's choices come first and a DEMO label shows. */
	readonly demo?: DemoSetup;
	/** A problem the user should know about but that does not stop the app (a broken config). */
	readonly notice?: string;
	/** Called after every state change; lets tests see where the app is. */
	readonly onStateChange?: (state: AppState) => void;
};

/** The exit code after Ctrl+C, as shells report a SIGINT. */
export const ctrlCExitCode = 130;

/**
 * Root component: owns the screen state, the header and footer, and the only exit(). Ctrl+C
 * runs what a screen registered with useCancelOnCtrlC (an in-flight request) or, when nothing
 * is in flight, quits with code 130.
 */
export function App({recentLogins, demo, notice, onStateChange}: AppProps) {
	const {exit} = useApp();
	const {columns} = useTerminalSize();
	const [state, dispatch] = useReducer(appReducer, initialAppState);
	const [hints, setHints] = useState<readonly KeyHint[]>([]);
	const ctrlC = useCtrlCRegistry();
	const recent = useRecentLogins(recentLogins);

	useEffect(() => {
		onStateChange?.(state);
	}, [state, onStateChange]);

	useInput((input, key) => {
		if (key.ctrl && input === 'c' && ctrlC.handleCtrlC() === 'quit') exit(ctrlCExitCode);
	});

	const chooseTarget = (target: LoginTarget) => {
		// Only My Domain logins are worth remembering: the generic ones are always on the list,
		// and emulator addresses change with every demo run.
		if (target.source === 'my-domain') recent.remember(target);
		dispatch({type: 'choose-target', target});
	};

	const footer: readonly KeyHint[] = [
		...hints,
		{keys: 'Ctrl+C', label: ctrlC.cancelArmed ? 'cancel' : 'quit'},
	];

	return (
		<CtrlCContext value={ctrlC.register}>
			<KeyHintsContext value={setHints}>
				<Box flexDirection="column" width={columns}>
					<Header title={screenTitle(state.screen)} demo={demo !== undefined} width={columns} />
					{notice === undefined ? null : <Text color="yellow">{notice}</Text>}
					<Box marginY={1} flexDirection="column">
						{state.screen.name === 'domain' ? (
							<DomainScreen
								recent={recent.recent}
								demo={demo}
								isActive
								onChoose={chooseTarget}
								onForget={recent.forget}
							/>
						) : (
							<SignInPlaceholder
								target={state.screen.target}
								onBack={() => {
									dispatch({type: 'back'});
								}}
							/>
						)}
					</Box>
					<KeyHints hints={footer} width={columns} />
				</Box>
			</KeyHintsContext>
		</CtrlCContext>
	);
}

/** Stands in for the sign-in step until it exists: says where it would sign in, Esc goes back. */
function SignInPlaceholder({
	target,
	onBack,
}: {
	readonly target: LoginTarget;
	readonly onBack: () => void;
}) {
	useKeyHints([{keys: 'Esc', label: 'back'}]);
	useInput((_input, key) => {
		if (key.escape) onBack();
	});
	return <Text wrap="truncate-middle">{`Signing in to ${target.loginUrl} — next step`}</Text>;
}
