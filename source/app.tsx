import {Box, Text, useApp, useInput} from 'ink';
import {useEffect, useMemo, useReducer, useState} from 'react';
import {appReducer, initialAppState, screenTitle} from './app-state.js';
import type {AppState, DemoSetup, Screen} from './app-state.js';
import type {LoggedInOrg} from './auth/complete-login.js';
import type {Session} from './auth/session.js';
import {memoryAuthContext} from './auth/context.js';
import {parseLoginTarget, type LoginTarget} from './core/login-target.js';
import {Header} from './components/header/header.js';
import {KeyHints} from './components/key-hints/key-hints.js';
import type {KeyHint} from './components/key-hints/fit-key-hints.js';
import {BareFrameContext} from './hooks/use-bare-frame.js';
import {CtrlCContext, useCtrlCRegistry} from './hooks/use-cancel-on-ctrl-c.js';
import {
	HistoryContext,
	useHistoryNotice,
	useOpenHistoryEntry,
	type RequestSeed,
} from './hooks/use-history.js';
import {KeyHintsContext} from './hooks/use-key-hints.js';
import {useRecentLogins} from './hooks/use-recent-logins.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {BrowserLoginScreen} from './screens/browser-login/browser-login-screen.js';
import {DeviceLoginScreen} from './screens/device-login/device-login-screen.js';
import {demoUserFor} from './screens/device-login/demo-user.js';
import {DomainScreen} from './screens/domain-screen.js';
import {HistoryScreen, type HistoryServices} from './screens/history/history-screen.js';
import {IdentityScreen} from './screens/identity/identity-screen.js';
import {PasteTokenScreen} from './screens/paste-token/paste-token-screen.js';
import {RequestScreen} from './screens/request/request-screen.js';
import type {SignInServices} from './screens/sign-in/services.js';
import {SignInScreen} from './screens/sign-in/sign-in-screen.js';
import {exportService} from './store/history-export.js';
import {memoryHistoryStore, type HistoryStore} from './store/history.js';
import type {RecentLogins} from './store/recent-logins.js';

export type AppProps = {
	readonly recentLogins: RecentLogins;
	/** Set by `sftoken --demo`: the emulator's choices come first and a DEMO label shows. */
	readonly demo?: DemoSetup;
	/** A problem the user should know about but that does not stop the app (a broken config). */
	readonly notice?: string;
	/**
	 * Stores, clock, environment, clipboard and browser for the sign-in screens. Without it
	 * logins live in memory only (as in tests that never sign in).
	 */
	readonly services?: SignInServices;
	/** Where every request sent is kept; in memory when absent (the demo, tests). */
	readonly history?: HistoryStore;
	/** Called after every state change; lets tests see where the app is. */
	readonly onStateChange?: (state: AppState) => void;
};

/** The exit code after Ctrl+C, as shells report a SIGINT. */
export const ctrlCExitCode = 130;

function memoryServices(): SignInServices {
	return {auth: memoryAuthContext(), env: {}, platform: process.platform};
}

/** Rows the root takes around a screen: header, the blank lines around the screen, footer. */
function chromeRows(columns: number, notice: string | undefined, bare: boolean): number {
	if (bare) return 1;
	const noticeRows =
		notice === undefined ? 0 : Math.ceil([...notice].length / Math.max(columns, 1));
	return 4 + noticeRows;
}

/**
 * Root component: owns the screen state, the header and footer, and the only exit(). Ctrl+C
 * runs what a screen registered with useCancelOnCtrlC (an in-flight request) or, when nothing
 * is in flight, quits with code 130.
 */
export function App({
	recentLogins,
	demo,
	notice: configNotice,
	services,
	history,
	onStateChange,
}: AppProps) {
	const {exit} = useApp();
	const {columns, rows} = useTerminalSize();
	const [state, dispatch] = useReducer(appReducer, initialAppState);
	const [hints, setHints] = useState<readonly KeyHint[]>([]);
	const [bare, setBare] = useState(false);
	const [fallbackServices] = useState(memoryServices);
	const ctrlC = useCtrlCRegistry();
	const recent = useRecentLogins(recentLogins);
	const [memoryHistory] = useState(memoryHistoryStore);
	const historyStore = history ?? memoryHistory;
	const historyServices = useMemo<HistoryServices>(
		() => ({store: historyStore, now: Date.now, ...exportService(process.cwd(), Date.now)}),
		[historyStore],
	);
	// History that cannot be saved, or was damaged, is said once, like a config problem.
	const historyNotice = useHistoryNotice(historyStore);
	const notice = [configNotice, historyNotice].filter(Boolean).join(' ') || undefined;

	useEffect(() => {
		onStateChange?.(state);
	}, [state, onStateChange]);

	useInput((input, key) => {
		if (key.ctrl && input === 'c' && ctrlC.handleCtrlC() === 'quit') exit(ctrlCExitCode);
		// Ctrl+R, as in a shell's history search: the recent requests, from any screen but a login.
		else if (key.ctrl && input === 'r') dispatch({type: 'open-history'});
	});

	const chooseTarget = (target: LoginTarget) => {
		// Only My Domain logins are worth remembering: the generic ones are always on the list,
		// and emulator addresses change with every demo run.
		if (target.source === 'my-domain') recent.remember(target);
		dispatch({type: 'choose-target', target});
	};

	const footer: readonly KeyHint[] = [
		...hints,
		// Offered where there may be requests to look back at; the first to go when space is short.
		...(['identity', 'request', 'history-request'].includes(state.screen.name)
			? [{keys: 'Ctrl+R', label: 'history'}]
			: []),
		{keys: 'Ctrl+C', label: ctrlC.cancelArmed ? 'cancel' : 'quit'},
	];
	const screenRows = Math.max(rows - chromeRows(columns, notice, bare), 1);
	const screen = (
		<ScreenView
			screen={state.screen}
			services={services ?? fallbackServices}
			demo={demo}
			columns={columns}
			rows={screenRows}
			recent={recent}
			history={historyServices}
			onChooseTarget={chooseTarget}
			dispatch={dispatch}
		/>
	);

	return (
		<HistoryContext value={historyStore}>
			<CtrlCContext value={ctrlC.register}>
				<KeyHintsContext value={setHints}>
					<BareFrameContext value={setBare}>
						{/* "100%", not the size hook's columns: on a shrink Ink draws the old tree at the
						new width once, before React re-renders, and a fixed width overflows that frame. */}
						<Box flexDirection="column" width="100%">
							{bare ? null : (
								<Header
									title={screenTitle(state.screen)}
									demo={demo !== undefined}
									width={columns}
								/>
							)}
							{notice === undefined || bare ? null : <Text color="yellow">{notice}</Text>}
							<Box marginY={bare ? 0 : 1} flexDirection="column">
								{screen}
							</Box>
							<KeyHints hints={footer} width={columns} />
						</Box>
					</BareFrameContext>
				</KeyHintsContext>
			</CtrlCContext>
		</HistoryContext>
	);
}

type ScreenViewProps = {
	readonly screen: Screen;
	readonly services: SignInServices;
	readonly demo: DemoSetup | undefined;
	readonly columns: number;
	readonly rows: number;
	readonly recent: ReturnType<typeof useRecentLogins>;
	readonly history: HistoryServices;
	readonly onChooseTarget: (target: LoginTarget) => void;
	readonly dispatch: (action: Parameters<typeof appReducer>[1]) => void;
};

/** The screen of the current step, wired to the actions it reports. */
function ScreenView({
	screen,
	services,
	demo,
	columns,
	rows,
	recent,
	history,
	onChooseTarget,
	dispatch,
}: ScreenViewProps) {
	const back = () => {
		dispatch({type: 'back'});
	};

	const loggedIn = (login: LoggedInOrg) => {
		dispatch({type: 'logged-in', login});
	};

	switch (screen.name) {
		case 'domain': {
			return (
				<DomainScreen
					recent={recent.recent}
					demo={demo}
					isActive
					onChoose={onChooseTarget}
					onForget={recent.forget}
				/>
			);
		}

		case 'sign-in': {
			return (
				<SignInScreen
					target={screen.target}
					services={services}
					demo={demo}
					columns={columns}
					rows={rows}
					isActive
					onChoose={(choice) => {
						dispatch({type: 'choose-method', choice});
					}}
					onBack={back}
				/>
			);
		}

		case 'device-login': {
			const demoUser = demoUserFor(screen.target, demo);
			return (
				<DeviceLoginScreen
					loginUrl={screen.target.loginUrl}
					clientId={screen.clientId}
					services={services}
					{...(demoUser === undefined ? {} : {demoUser})}
					columns={columns}
					rows={rows}
					isActive
					onLoggedIn={loggedIn}
					onBack={back}
				/>
			);
		}

		case 'browser-login': {
			return (
				<BrowserLoginScreen
					loginUrl={screen.target.loginUrl}
					clientId={screen.clientId}
					services={services}
					columns={columns}
					rows={rows}
					isActive
					onLoggedIn={loggedIn}
					onBack={back}
				/>
			);
		}

		case 'paste-token': {
			return (
				<PasteTokenScreen
					target={screen.target}
					services={services}
					columns={columns}
					rows={rows}
					isActive
					onLoggedIn={loggedIn}
					onBack={back}
				/>
			);
		}

		case 'identity': {
			return (
				<IdentityScreen
					login={screen.login}
					services={services}
					columns={columns}
					rows={rows}
					isActive
					onBack={back}
					onContinue={() => {
						dispatch({type: 'continue'});
					}}
				/>
			);
		}

		case 'request': {
			return (
				<RequestScreen
					login={screen.login}
					services={services}
					columns={columns}
					rows={rows}
					isActive
					onBack={back}
					onLoginAgain={() => {
						// The login flows force a login prompt, so this org is asked for, not whichever
						// the browser is signed in to.
						onChooseTarget(screen.target);
					}}
				/>
			);
		}

		case 'history': {
			return (
				<HistoryRoute
					auth={services.auth}
					query={screen.query ?? ''}
					history={history}
					columns={columns}
					rows={rows}
					onOpenRequest={(login, seed, query) => {
						dispatch({type: 'open-history-request', login, seed, query});
					}}
					onBack={back}
				/>
			);
		}

		case 'history-request': {
			return (
				<RequestScreen
					// A new entry opened from history starts a new form.
					key={`${screen.seed.draft.method} ${screen.seed.draft.path} ${screen.seed.exchange?.savedAt ?? 'run'}`}
					login={screen.login}
					services={services}
					columns={columns}
					rows={rows}
					isActive
					seed={screen.seed}
					onBack={back}
					onLoginAgain={() => {
						const target = parseLoginTarget(screen.login.org.loginUrl, {allowLoopback: true});
						if (target.ok) onChooseTarget(target.target);
					}}
				/>
			);
		}
	}
}

type HistoryRouteProps = {
	readonly auth: SignInServices['auth'];
	readonly history: HistoryServices;
	readonly columns: number;
	readonly rows: number;
	/** The filter to start with (the one left when a request was opened from the list). */
	readonly query: string;
	readonly onOpenRequest: (login: Session, seed: RequestSeed, query: string) => void;
	readonly onBack: () => void;
};

/** The history screen with the saved orgs (read once) and the sessions it opens requests with. */
function HistoryRoute({
	auth,
	history,
	query,
	columns,
	rows,
	onOpenRequest,
	onBack,
}: HistoryRouteProps) {
	const [orgs] = useState(() => auth.orgs.list());
	const open = useOpenHistoryEntry(auth, onOpenRequest);
	return (
		<HistoryScreen
			services={history}
			orgs={orgs}
			initialQuery={query}
			columns={columns}
			rows={rows}
			isActive
			onOpen={async (entry, filter) => open(entry, undefined, false, filter)}
			onRerun={async (entry, org, filter) => open(entry, org, true, filter)}
			onBack={onBack}
		/>
	);
}
