import type {Opener} from '../../auth/browser.js';
import type {AuthContext} from '../../auth/context.js';
import type {Sleep} from '../../salesforce/http.js';
import type {Environment} from '../../terminal/ssh.js';

/**
 * What the sign-in screens need from outside React: the auth context (stores, HTTP, clock), the
 * environment (SSH, hyperlinks, tmux), the local clipboard and browser. `sftoken` builds the real
 * ones (source/interactive.tsx); tests pass fakes.
 */
export type SignInServices = {
	readonly auth: AuthContext;
	readonly env: Environment;
	/** `process.platform`, for whether a browser can be opened. */
	readonly platform: string;
	/** Copies to this machine's clipboard. Absent over SSH, where that clipboard is not the user's. */
	readonly copyLocal?: (text: string) => Promise<void>;
	/** Opens a URL in the default browser; the `open` package when absent. */
	readonly opener?: Opener;
	/** Loopback port of the browser login's redirect (`--port`); 1717 when absent. */
	readonly browserPort?: number;
	/**
	 * The callback URL registered on the app, when it names another port than the one listened
	 * on (behind `ssh -L`, or in tests that listen on a free port); derived from the port when absent.
	 */
	readonly browserRedirectUri?: string;
	/** How long the browser login waits; 5 minutes when absent. */
	readonly browserTimeoutMs?: number;
	/** `--no-browser`: never open a browser, paste the redirect back instead. */
	readonly noBrowser?: boolean;
	/** Waits between device polls; tests pass one that does not wait. */
	readonly sleep?: Sleep;
};
