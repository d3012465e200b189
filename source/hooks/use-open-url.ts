import {useCallback, useMemo} from 'react';
import {openInBrowser, type Opener} from '../auth/browser.js';
import {browserAvailability, type Environment} from '../terminal/ssh.js';

export type OpenUrlOptions = {
	readonly env: Environment;
	/** `process.platform`, for whether a browser can be opened. */
	readonly platform: string;
	/** Opens a URL in the default browser; the `open` package when absent. */
	readonly opener?: Opener;
};

export type OpenUrl = {
	/** Whether a browser can be opened here: the `o` key is offered and acted on only then. */
	readonly canOpen: boolean;
	/** Opens `url`, resolving to the line to show: that it opened, or why it did not. */
	readonly open: (url: string) => Promise<string>;
};

/** The `o` key of the login screens: one answer to "can a browser open here" and one message. */
export function useOpenUrl({env, platform, opener}: OpenUrlOptions): OpenUrl {
	const canOpen = useMemo(() => browserAvailability(env, platform).ok, [env, platform]);
	const open = useCallback(
		async (url: string) => {
			const opened = await openInBrowser(url, env, opener);
			return opened.ok ? '✓ Opened in your browser.' : opened.reason;
		},
		[env, opener],
	);
	return {canOpen, open};
}
