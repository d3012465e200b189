import type {AuthContext} from '../../auth/context.js';
import {isSshSession, type Environment} from '../../terminal/ssh.js';
import type {SignInServices} from './services.js';

export type SystemServicesOptions = {
	readonly env?: Environment;
	readonly platform?: string;
	/** `--port` of the browser login. */
	readonly browserPort?: number;
	/** `--no-browser`. */
	readonly noBrowser?: boolean;
};

/**
 * The sign-in services of a real run: this process's environment, and this machine's clipboard
 * unless the session is over SSH (that clipboard is not the user's; OSC 52 reaches theirs).
 */
export function systemServices(
	auth: AuthContext,
	options: SystemServicesOptions = {},
): SignInServices {
	const env = options.env ?? process.env;
	return {
		auth,
		env,
		platform: options.platform ?? process.platform,
		// clipboardy (and the execa it runs) is loaded on the first copy, not before the first frame.
		...(isSshSession(env)
			? {}
			: {
					copyLocal: async (text: string) => {
						const {default: clipboard} = await import('clipboardy');
						await clipboard.write(text);
					},
				}),
		...(options.browserPort === undefined ? {} : {browserPort: options.browserPort}),
		...(options.noBrowser === undefined ? {} : {noBrowser: options.noBrowser}),
	};
}
