// Where the user's screen and keyboard are, from the environment alone: over SSH they are on
// another machine, so a browser opened here (or a clipboard written here) would be the wrong one.

export type Environment = Readonly<Record<string, string | undefined>>;

/** Whether this process runs in an SSH session (OpenSSH sets these for the login shell). */
export function isSshSession(env: Environment): boolean {
	return Boolean(env['SSH_CONNECTION'] || env['SSH_CLIENT'] || env['SSH_TTY']);
}

export type BrowserAvailability =
	{readonly ok: true} | {readonly ok: false; readonly reason: string};

/**
 * Whether a browser can be opened for the user from here. Never over SSH (it would open on the
 * remote machine, or nowhere). On Linux and the BSDs only with a display: a container or a
 * console has none. WSL opens the Windows browser.
 */
export function browserAvailability(env: Environment, platform: string): BrowserAvailability {
	if (isSshSession(env)) {
		return {
			ok: false,
			reason: 'This is an SSH session: a browser would open on the remote machine.',
		};
	}

	if (platform === 'darwin' || platform === 'win32') return {ok: true};
	if (env['DISPLAY'] || env['WAYLAND_DISPLAY'] || env['WSL_DISTRO_NAME']) return {ok: true};
	return {ok: false, reason: 'There is no display here (no DISPLAY or WAYLAND_DISPLAY).'};
}
