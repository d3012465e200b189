// `sftoken login --device|--web`: the login flows for scripts and for terminals without the app.
// Exit codes: 0 logged in, 1 the login failed, 2 usage error, 130 cancelled with Ctrl+C.
import {createInterface} from 'node:readline';
import type {LoggedInOrg} from '../auth/complete-login.js';
import {openAuthContext, type AuthContext} from '../auth/context.js';
import {
	startDeviceLogin,
	type DeviceLoginEvents,
	type ShownDeviceCode,
} from '../auth/device-login.js';
import {orgLabel, orgSummary} from '../auth/org-summary.js';
import {browserUnavailableReason} from '../auth/browser.js';
import {
	problem,
	problemJson,
	problemLine,
	type AuthProblem,
	type AuthResult,
} from '../auth/problems.js';
import {startWebLogin, type WebLogin} from '../auth/web-login.js';
import {parseLoginTarget, type LoginTarget} from '../core/login-target.js';
import {maskToken} from '../core/token-mask.js';
import {isValidClientId} from '../store/client-ids.js';
import {isValidAlias} from '../store/orgs.js';
import type {Command, CommandIo, OutputStream} from './io.js';
import {parseArgs} from './parse-args.js';

const helpText = `
  Log in to a Salesforce org and remember it (tokens go to the OS keychain, or a file only you
  can read when there is none).

  Usage
    $ sftoken login --device [--domain URL] [--client-id ID] [--alias A] [--json]
    $ sftoken login --web [--domain URL] [--client-id ID] [--alias A] [--port N] [--no-browser] [--json]

  Options
    --device        Device code: open a URL on any device (a phone works) and type the code shown.
                    Works over SSH. The app needs Device Flow enabled and must be installed.
    --web           Browser login (PKCE). The browser comes back to http://localhost:<port>/OauthRedirect;
                    over SSH, paste the address it ended on.
    --domain URL    login (default), test, the org's My Domain, or any URL of the org
    --client-id ID  Consumer key of your External Client App (remembered for this login host)
    --alias A       Name for --org later (default: the username)
    --port N        Loopback port for --web (default 1717; the app's callback URL must name it)
    --no-browser    --web: do not open a browser; paste the address the browser ended on
    --json          Print one JSON object with the result; progress goes to stderr
    --help          Show this help

  Exit codes
    0  logged in       1  the login failed       2  usage error       130  cancelled (Ctrl+C)
`;

const clientIdHelp =
	'Pass --client-id <consumer key> of your own External Client App (sftoken remembers it for this login host). Create one in Setup → External Client App Manager → New External Client App: enable OAuth, scopes “api” and “refresh_token”, callback URL http://localhost:1717/OauthRedirect, Enable Device Flow (for --device); then install it in the org.';

export type LoginCommandOptions = {
	/** Waits between device polls; tests inject one so they never wait the interval. */
	readonly sleep?: DeviceLoginEvents['sleep'];
};

type Reporter = {
	/** Human progress: stdout, or stderr with --json so stdout holds only the JSON object. */
	readonly progress: OutputStream;
	succeed(done: LoggedInOrg): number;
	fail(issue: AuthProblem): number;
};

function reporter(io: CommandIo, json: boolean): Reporter {
	return {
		progress: json ? io.stderr : io.stdout,
		succeed(done) {
			if (done.notice !== undefined) io.stderr.write(`${done.notice}\n`);
			if (done.renamed !== undefined) {
				io.stderr.write(
					`The alias “${done.renamed.from}” belonged to ${done.renamed.username}; that org is now “${done.renamed.to}”.\n`,
				);
			}

			const {org} = done;
			if (json) {
				io.stdout.write(
					`${JSON.stringify({ok: true, ...orgSummary(org), accessTokenMasked: maskToken(done.accessToken), ...(done.notice === undefined ? {} : {notice: done.notice})})}\n`,
				);
			} else {
				io.stdout.write(
					`Logged in as ${org.username} to ${orgLabel(org)}, saved as “${org.alias}”.\nGet a token with: sftoken token --org ${org.alias}\n`,
				);
			}

			return 0;
		},
		fail(issue) {
			if (json) io.stdout.write(`${JSON.stringify({ok: false, error: problemJson(issue)})}\n`);
			else io.stderr.write(`sftoken login: ${problemLine(issue)}\n`);
			return issue.code === 'cancelled' ? 130 : 1;
		},
	};
}

async function showDeviceCode(out: OutputStream, code: ShownDeviceCode): Promise<void> {
	const {default: qrcode} = await import('qrcode');
	const qr = await qrcode.toString(code.verificationUriComplete, {type: 'terminal', small: true});
	const minutes = Math.round(code.expiresInSeconds / 60);
	out.write(
		[
			'',
			`To log in, open ${code.verificationUri} on any device and enter the code:`,
			'',
			`    Code: ${code.userCode}`,
			'',
			`Or scan this QR code with a phone (it opens ${code.verificationUriComplete}):`,
			qr,
			'Only enter this code if you started this login yourself.',
			`The code expires in about ${minutes} minutes${code.expiresInAssumed ? ' (Salesforce does not say; assumed)' : ''}.`,
			'Waiting for approval… (Ctrl+C to cancel)',
			'',
		].join('\n'),
	);
}

/** One run of the command: what both flows need. */
type Run = {
	readonly context: AuthContext;
	readonly target: LoginTarget;
	readonly clientId: string;
	readonly alias: string | undefined;
	readonly signal: AbortSignal;
	readonly io: CommandIo;
	readonly report: Reporter;
};

async function deviceLogin(
	{context, target, clientId, alias, signal, io, report}: Run,
	options: LoginCommandOptions,
): Promise<AuthResult<LoggedInOrg>> {
	return startDeviceLogin(
		context,
		{loginUrl: target.loginUrl, clientId, ...(alias === undefined ? {} : {alias})},
		{
			signal,
			...(options.sleep === undefined ? {} : {sleep: options.sleep}),
			onCode: async (code) => showDeviceCode(report.progress, code),
			onStatus(status) {
				if (status.step !== 'waiting-for-approval') return;
				if (status.outcome === 'slow-down') {
					io.stderr.write(
						`Salesforce asked to poll more slowly; next check in ${status.nextPollSeconds} s.\n`,
					);
				} else if (status.outcome === 'transient-failure') {
					io.stderr.write(
						`Could not reach Salesforce (poll ${status.attempt}); trying again in ${status.nextPollSeconds} s.\n`,
					);
				}
			},
		},
	);
}

/** Feeds pasted lines to the login until one is accepted, stdin ends, or the login ends. */
function readPastes(io: CommandIo, login: WebLogin, listening: boolean): () => void {
	const interactive = io.stdin.isTTY === true;
	const prompt = () => {
		if (interactive) io.stderr.write('Paste the address here and press Enter: ');
	};

	const lines = createInterface({input: io.stdin, terminal: false});
	let accepted = false;
	lines.on('line', (line) => {
		if (accepted || line.trim() === '') return;
		const verdict = login.submitRedirect(line);
		if (verdict.accepted) {
			accepted = true;
			lines.close();
			return;
		}

		if (verdict.final) return;
		// A person at a terminal can paste again; a script that piped a wrong address cannot.
		if (interactive) {
			io.stderr.write(`${problemLine(verdict.problem)}\n`);
			prompt();
		} else {
			login.cancel(verdict.problem);
		}
	});
	lines.on('close', () => {
		if (accepted || listening) return;
		login.cancel(
			problem('redirect', {
				title: 'No address was pasted',
				cause: 'The input ended before the address the browser was sent to arrived.',
				fix: 'Run the login again and paste the whole address from the browser’s address bar.',
			}).problem,
		);
	});
	prompt();
	return () => {
		lines.close();
	};
}

async function webLogin(
	{context, target, clientId, alias, signal, io, report}: Run,
	flags: {port: number | undefined; browser: boolean},
): Promise<AuthResult<LoggedInOrg>> {
	const sshReason = browserUnavailableReason(io.env);
	const paste = !flags.browser || sshReason !== undefined || io.stdin.isTTY !== true;
	const started = await startWebLogin(
		context,
		{
			loginUrl: target.loginUrl,
			clientId,
			...(alias === undefined ? {} : {alias}),
			...(flags.port === undefined ? {} : {port: flags.port}),
			allowPaste: paste,
			openBrowser: !paste,
		},
		{signal, env: io.env},
	);
	if (!started.ok) return started;
	const login = started.value;
	const out = report.progress;
	out.write(
		`\nOpen this URL in a browser and log in as the user you want:\n\n${login.authorizeUrl}\n\n`,
	);
	if (login.browser.opened) out.write('(Opened in your default browser.)\n');
	if (login.listenerProblem !== undefined) {
		io.stderr.write(`${problemLine(login.listenerProblem)}\n`);
	}

	const listening = login.listenerProblem === undefined;
	let stopReading: () => void = () => undefined;
	if (paste) {
		out.write(
			`After you allow access, the browser is sent to ${login.redirectUri}?code=…${listening ? '' : ' (that page may not load: that is fine)'}.\nCopy the whole address from the browser’s address bar and paste it here${listening ? ', or let the browser reach this machine' : ''}.\n`,
		);
		stopReading = readPastes(io, login, listening);
	} else if (!login.browser.opened && login.browser.reason !== undefined) {
		io.stderr.write(`${login.browser.reason} Open the URL yourself.\n`);
	}

	out.write(`Waiting for the browser on ${login.redirectUri} … (Ctrl+C to cancel)\n`);
	const result = await login.result;
	stopReading();
	return result;
}

/** Builds the command; tests pass a sleep so device polling never waits the interval. */
export function createLoginCommand(options: LoginCommandOptions = {}): Command {
	return async (argv, io) => {
		const args = parseArgs(argv, io, {
			name: 'login',
			help: helpText,
			usage: 'sftoken login --device|--web [options]   (sftoken login --help for more)',
			flags: {
				device: {type: 'boolean', default: false},
				web: {type: 'boolean', default: false},
				domain: {type: 'string'},
				clientId: {type: 'string'},
				alias: {type: 'string'},
				port: {type: 'number'},
				browser: {type: 'boolean', default: true},
				json: {type: 'boolean', default: false},
			},
		});
		if (!args.ok) return args.code;
		const {flags, usageError} = args;
		if (flags.device === flags.web) return usageError('choose one of --device or --web');
		const port = flags.port;
		if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65_535)) {
			return usageError('--port takes a port number from 1 to 65535');
		}

		if (flags.alias !== undefined && !isValidAlias(flags.alias)) {
			return usageError(
				'--alias takes a name of letters, digits and _ . @ + - (starting with a letter or digit)',
			);
		}

		const parsed = parseLoginTarget(flags.domain ?? 'login', {allowLoopback: true});
		if (!parsed.ok) return usageError(`--domain: ${parsed.message}`);
		if (parsed.note !== undefined) io.stderr.write(`Note: ${parsed.note}\n`);

		const opened = await openAuthContext({env: io.env});
		const report = reporter(io, flags.json);
		if (!opened.ok) return report.fail(opened.problem);
		const context = opened.value;
		const target = parsed.target;
		const clientId = flags.clientId ?? context.clientIds.get(target.loginUrl);
		if (clientId === undefined || clientId === '') {
			return usageError(`no client id for ${target.loginUrl}. ${clientIdHelp}`);
		}

		if (!isValidClientId(clientId)) {
			return usageError('--client-id takes the consumer key: letters, digits, “.” and “_”');
		}

		const controller = new AbortController();
		const onSigint = () => {
			controller.abort();
		};

		process.on('SIGINT', onSigint);
		try {
			const run: Run = {
				context,
				target,
				clientId,
				alias: flags.alias,
				signal: controller.signal,
				io,
				report,
			};
			const result = flags.device
				? await deviceLogin(run, options)
				: await webLogin(run, {port, browser: flags.browser});
			return result.ok ? report.succeed(result.value) : report.fail(result.problem);
		} finally {
			process.off('SIGINT', onSigint);
		}
	};
}

export const loginCommand: Command = createLoginCommand();
