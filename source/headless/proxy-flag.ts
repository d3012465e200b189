// `--proxy URL` for the headless commands that reach Salesforce. The flag is taken out of argv
// before the command parses its own flags, then the proxy settings (the flag, else HTTPS_PROXY,
// HTTP_PROXY and NO_PROXY from the command's environment) are set once for the whole process, so
// every request the command makes goes through them (see source/salesforce/proxy.ts). The proxy
// module (got, hpagent) is loaded only when a wrapped command runs: `sftoken domain` never pays for it.
import type {Command} from './io.js';

type Taken = {ok: true; argv: string[]; proxy?: string} | {ok: false; message: string};

/** Removes `--proxy URL` / `--proxy=URL` (the last one wins) from argv; stops at `--`. */
export function takeProxyFlag(argv: readonly string[]): Taken {
	const rest: string[] = [];
	let proxy: string | undefined;
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index] ?? '';
		if (argument === '--') {
			rest.push(...argv.slice(index));
			break;
		}

		if (argument.startsWith('--proxy=')) {
			proxy = argument.slice('--proxy='.length);
			continue;
		}

		if (argument === '--proxy') {
			const value = argv[index + 1];
			if (value === undefined || value.startsWith('-')) {
				return {
					ok: false,
					message: '--proxy needs a URL, such as --proxy http://proxy.example.com:3128',
				};
			}

			proxy = value;
			index++;
			continue;
		}

		rest.push(argument);
	}

	return proxy === undefined ? {ok: true, argv: rest} : {ok: true, argv: rest, proxy};
}

/**
 * Wraps a command that sends requests: `--proxy URL` and the proxy variables of its environment
 * apply to all of them. An unusable proxy is a usage error (exit 2) naming the flag or variable,
 * its password masked, before anything is sent.
 */
export function withProxyFlag(name: string, command: Command): Command {
	return async (argv, io) => {
		const taken = takeProxyFlag(argv);
		if (!taken.ok) {
			io.stderr.write(`sftoken ${name}: ${taken.message}\n`);
			return 2;
		}

		const {configureProxy, readProxySettings} = await import('../salesforce/proxy.js');
		const settings = readProxySettings(io.env, taken.proxy);
		if (!settings.ok) {
			io.stderr.write(`sftoken ${name}: ${settings.message}\n`);
			return 2;
		}

		configureProxy(settings.value);
		return command(taken.argv, io);
	};
}
