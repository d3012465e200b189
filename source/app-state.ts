import type {LoggedInOrg} from './auth/complete-login.js';
import type {Session} from './auth/session.js';
import type {LoginTarget} from './core/login-target.js';
import type {RequestSeed} from './hooks/use-history.js';
import type {SignInChoice} from './screens/sign-in/sign-in-screen.js';

/** An org of the built-in emulator, offered as a login choice in demo mode. */
export type DemoOrg = {
	readonly name: string;
	readonly myDomainUrl: string;
	readonly sandbox: boolean;
	/** The emulator user to type on its login page; the device screen shows it. */
	readonly username?: string;
	readonly password?: string;
};

/** What `sftoken --demo` hands the app: the emulator's login service and its orgs. */
export type DemoSetup = {
	readonly loginUrl: string;
	readonly orgs: readonly DemoOrg[];
	/** The emulator app's consumer key: used without asking. When absent it is asked for. */
	readonly clientId?: string;
};

/** The step the app shows. Each screen that takes data from an earlier one carries it here. */
export type Screen =
	| {readonly name: 'domain'}
	| {readonly name: 'sign-in'; readonly target: LoginTarget}
	| {readonly name: 'device-login'; readonly target: LoginTarget; readonly clientId: string}
	| {readonly name: 'browser-login'; readonly target: LoginTarget; readonly clientId: string}
	| {readonly name: 'paste-token'; readonly target: LoginTarget}
	| {readonly name: 'identity'; readonly target: LoginTarget; readonly login: LoggedInOrg}
	| {readonly name: 'request'; readonly target: LoginTarget; readonly login: LoggedInOrg}
	/** Recent requests, over whichever screen Ctrl+R was pressed on; Esc goes back to it. */
	| {
			readonly name: 'history';
			readonly returnTo: Screen;
			/** The filter, kept while a request opened from the list is on screen. */
			readonly query?: string;
	  }
	/** A request from history, opened (with its saved answer) or re-run; Esc goes back to history. */
	| {
			readonly name: 'history-request';
			readonly returnTo: Screen & {readonly name: 'history'};
			readonly login: Session;
			readonly seed: RequestSeed;
	  };

export type AppState = {
	readonly screen: Screen;
};

export type Action =
	/** The user picked where to log in. */
	| {readonly type: 'choose-target'; readonly target: LoginTarget}
	/** The user picked how to sign in (with the consumer key the OAuth flows need). */
	| {readonly type: 'choose-method'; readonly choice: SignInChoice}
	/** A login flow ended with a token that works. */
	| {readonly type: 'logged-in'; readonly login: LoggedInOrg}
	/** On from "Who am I" to the request screen, with the same login. */
	| {readonly type: 'continue'}
	/** Ctrl+R: the recent requests, from any screen. */
	| {readonly type: 'open-history'}
	/** Enter or `r` on a history entry, with the session of the org it goes to. */
	| {
			readonly type: 'open-history-request';
			readonly login: Session;
			readonly seed: RequestSeed;
			/** The history filter to come back to. */
			readonly query: string;
	  }
	/** Esc on a screen that has somewhere to go back to. */
	| {readonly type: 'back'};

export const initialAppState: AppState = {screen: {name: 'domain'}};

/** The screens Ctrl+R opens the recent requests from. */
export const historyOpensFrom: ReadonlySet<Screen['name']> = new Set([
	'domain',
	'sign-in',
	'identity',
	'request',
]);

/** The app's screen flow, as a pure function of the actions the screens report. */
export function appReducer(state: AppState, action: Action): AppState {
	switch (action.type) {
		case 'choose-target': {
			return {screen: {name: 'sign-in', target: action.target}};
		}

		case 'choose-method': {
			return {screen: methodScreen(state.screen, action.choice)};
		}

		case 'logged-in': {
			const {screen} = state;
			if (
				screen.name !== 'device-login' &&
				screen.name !== 'browser-login' &&
				screen.name !== 'paste-token'
			) {
				return state;
			}

			return {screen: {name: 'identity', target: screen.target, login: action.login}};
		}

		case 'continue': {
			const {screen} = state;
			return screen.name === 'identity'
				? {screen: {name: 'request', target: screen.target, login: screen.login}}
				: state;
		}

		case 'open-history': {
			const {screen} = state;
			// From a request opened from history, back to that history.
			if (screen.name === 'history-request') return {screen: screen.returnTo};
			// Not over a login in progress: leaving it would cancel the flow.
			return historyOpensFrom.has(screen.name)
				? {screen: {name: 'history', returnTo: screen}}
				: state;
		}

		case 'open-history-request': {
			const {screen} = state;
			return screen.name === 'history'
				? {
						screen: {
							name: 'history-request',
							returnTo: {...screen, query: action.query},
							login: action.login,
							seed: action.seed,
						},
					}
				: state;
		}

		case 'back': {
			return state.screen.name === 'domain' ? state : {screen: previousScreen(state.screen)};
		}
	}
}

function methodScreen(screen: Screen, choice: SignInChoice): Screen {
	if (screen.name !== 'sign-in') return screen;
	const {target} = screen;
	switch (choice.method) {
		case 'device': {
			return {name: 'device-login', target, clientId: choice.clientId};
		}

		case 'browser': {
			return {name: 'browser-login', target, clientId: choice.clientId};
		}

		case 'paste': {
			return {name: 'paste-token', target};
		}
	}
}

/**
 * Where Esc leads: from a login flow (or its result) back to the choice of method, from there to
 * the first screen. The first screen has nowhere to go back to; Ctrl+C is the way out there.
 */
function previousScreen(screen: Screen): Screen {
	switch (screen.name) {
		case 'domain':
		case 'sign-in': {
			return {name: 'domain'};
		}

		case 'device-login':
		case 'browser-login':
		case 'paste-token':
		case 'identity': {
			return {name: 'sign-in', target: screen.target};
		}

		case 'request': {
			return {name: 'identity', target: screen.target, login: screen.login};
		}

		case 'history':
		case 'history-request': {
			return screen.returnTo;
		}
	}
}

/** The title the header shows for a screen. */
export function screenTitle(screen: Screen): string {
	switch (screen.name) {
		case 'domain': {
			return 'Where do you log in?';
		}

		case 'sign-in': {
			return 'How do you want to sign in?';
		}

		case 'device-login': {
			return 'Sign in with a device code';
		}

		case 'browser-login': {
			return 'Sign in with your browser';
		}

		case 'paste-token': {
			return 'Sign in with a token';
		}

		case 'identity': {
			return 'Who am I';
		}

		case 'request': {
			return 'Request';
		}

		case 'history': {
			return 'Recent requests';
		}

		case 'history-request': {
			return 'Request';
		}
	}
}
