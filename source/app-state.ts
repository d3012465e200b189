import type {LoginTarget} from './core/login-target.js';

/** An org of the built-in emulator, offered as a login choice in demo mode. */
export type DemoOrg = {
	readonly name: string;
	readonly myDomainUrl: string;
	readonly sandbox: boolean;
};

/** What `sftoken --demo` hands the app: the emulator's login service and its orgs. */
export type DemoSetup = {
	readonly loginUrl: string;
	readonly orgs: readonly DemoOrg[];
};

/** The step the app shows. Each screen that takes data from an earlier one carries it here. */
export type Screen =
	{readonly name: 'domain'} | {readonly name: 'sign-in'; readonly target: LoginTarget};

export type AppState = {
	readonly screen: Screen;
};

export type Action =
	/** The user picked where to log in. */
	| {readonly type: 'choose-target'; readonly target: LoginTarget}
	/** Esc on a screen that has somewhere to go back to. */
	| {readonly type: 'back'};

export const initialAppState: AppState = {screen: {name: 'domain'}};

/** The app's screen flow, as a pure function of the actions the screens report. */
export function appReducer(state: AppState, action: Action): AppState {
	switch (action.type) {
		case 'choose-target': {
			return {screen: {name: 'sign-in', target: action.target}};
		}

		case 'back': {
			// The first screen has nowhere to go back to; Ctrl+C is the way out there.
			return state.screen.name === 'domain' ? state : initialAppState;
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
	}
}
