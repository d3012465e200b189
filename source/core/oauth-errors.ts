// Every login and network failure explained in Salesforce's own terms: what happened, why, and
// the Setup step or action that fixes it (SALESFORCE.md §0, §1.4, §2, §3.3, §4).
import type {Failure, Step} from './failure.js';

export type Explanation = {
	readonly title: string;
	readonly cause: string;
	readonly fix: string;
	/** The Setup menu path that fixes it, when an admin has to change something. */
	readonly setupPath?: string;
};

const appPath = 'Setup → External Client App Manager (or App Manager) → your app';

/** Setup paths, one per admin fix. */
export const setupPaths = {
	deviceFlow: `${appPath} → Edit Settings → OAuth Settings → Enable Device Flow (connected app: “Enable for Device Flow”)`,
	install:
		'Setup → Connected Apps OAuth Usage → your app → Install (an External Client App must be installed in this org)',
	consumerKey: `${appPath} → View → Consumer Key and Secret`,
	callbackUrl: `${appPath} → Edit Settings → OAuth Settings → Callback URL`,
	scopes: `${appPath} → Edit Settings → OAuth Settings → Selected OAuth Scopes`,
	permittedUsers:
		'Setup → Manage Connected Apps (or External Client App Manager → your app → Policies) → Permitted Users',
	refreshPolicy:
		'Setup → Manage Connected Apps (or External Client App Manager → your app → Policies) → Refresh Token Policy',
	users: 'Setup → Users → Users → the user → Edit → Active (and Freeze)',
	passwordFlow: 'Setup → OAuth and OpenID Connect Settings → Allow OAuth Username-Password Flows',
	loginIpRanges: 'Setup → Profiles → the user’s profile → Login IP Ranges and Login Hours',
	apiEnabled: 'Setup → Profiles (or Permission Sets) → System Permissions → API Enabled',
} as const;

const stepPhrases: Record<Step, string> = {
	'device-code': 'while requesting a device code',
	'device-poll': 'while polling for the device login',
	authorize: 'in the browser login',
	'redirect-listener': 'while waiting for the browser to come back',
	'token-exchange': 'while exchanging the login code for a token',
	refresh: 'while refreshing the access token',
	revoke: 'while logging out (revoking the token)',
	userinfo: 'while checking who you are',
	versions: 'while reading the API versions',
	request: 'while sending your request',
	'load-more': 'while loading more records',
};

/** "while polling for the device login" — how an explanation names the step. */
export function stepPhrase(step: Step): string {
	return stepPhrases[step];
}

const tokenSteps = new Set<Step>([
	'device-code',
	'device-poll',
	'token-exchange',
	'refresh',
	'revoke',
]);

/**
 * Explains a Failure: a short title, the cause (naming the step), and the fix. Server text is
 * quoted with control characters removed.
 *
 * @example explainOAuthFailure({kind: 'oauth', step: 'device-code', status: 400,
 *   error: 'invalid_grant', description: 'device flow is not enabled for the app'}).title
 *   // → 'Device flow is not enabled for this app'
 */
export function explainOAuthFailure(failure: Failure): Explanation {
	switch (failure.kind) {
		case 'oauth': {
			return explainOAuthError(failure.error, failure.description, failure.step);
		}

		case 'rest': {
			return explainRestErrors(failure);
		}

		case 'http': {
			return explainHttpStatus(failure);
		}

		case 'html-page': {
			const title = failure.title ? ` (“${clean(failure.title)}”)` : '';
			return failure.status >= 500
				? {
						title: 'Salesforce is having trouble',
						cause: `A web page${title} with status ${failure.status} came back ${stepPhrase(failure.step)}: an outage or maintenance.`,
						fix: 'Try again in a few minutes; status.salesforce.com shows maintenance and incidents.',
					}
				: {
						title: 'A web page came back instead of data',
						cause: `An HTML page${title} with status ${failure.status} came back ${stepPhrase(failure.step)}. The login URL may not be a Salesforce login host, or a proxy or Wi-Fi portal answered instead.`,
						fix: 'Check the login URL (login.salesforce.com, test.salesforce.com or the org’s My Domain); open it in a browser to see what answers, and sign in to the Wi-Fi portal or proxy if one appears.',
					};
		}

		case 'bad-json': {
			return failure.problem === undefined ||
				failure.problem.includes('cut off') ||
				failure.problem.includes('not valid JSON')
				? {
						title: 'The answer was cut off or garbled',
						cause: `The answer ${stepPhrase(failure.step)} is not complete JSON${failure.problem ? `: ${failure.problem}` : ''}. The connection probably dropped mid-answer.`,
						fix: 'Try again. If it keeps happening, a proxy or an unstable connection is cutting answers short.',
					}
				: {
						title: 'Salesforce answered something unexpected',
						cause: `The answer ${stepPhrase(failure.step)} is JSON, but ${clean(failure.problem)}.`,
						fix: 'Check that the login URL points at Salesforce (or the sftoken emulator), then try again.',
					};
		}

		case 'network': {
			return explainNetwork(failure.code, failure.message, failure.step);
		}

		case 'unsafe-url': {
			return explainUnsafeUrl(failure);
		}

		case 'device-expired': {
			return {
				title: 'The device code expired',
				cause: `Nobody approved the login before the code ran out (checked ${failure.polls} time${failure.polls === 1 ? '' : 's'}).`,
				fix: 'Start a new device login, open the URL and enter the new code before it expires.',
			};
		}

		case 'listener': {
			return {
				title:
					failure.code === 'port-busy'
						? `Port ${failure.port} is already in use`
						: `Cannot listen on port ${failure.port}`,
				cause: failure.message,
				fix:
					failure.code === 'port-busy'
						? `Close the program using port ${failure.port}, or pick another with --port <number> and add http://localhost:<number>/OauthRedirect to the app’s callback URLs. Or use the device login, or paste the redirect address instead.`
						: 'Pick another port with --port <number> (above 1023), or use the device login.',
				...(failure.code === 'port-busy' ? {setupPath: setupPaths.callbackUrl} : {}),
			};
		}
	}
}

type OAuthRule = {
	readonly matches: (error: string, description: string, step: Step) => boolean;
	readonly explain: (said: string, step: Step) => Explanation;
};

// Checked in order: description-specific rules first, then the plain error codes.
const oauthRules: readonly OAuthRule[] = [
	{
		matches: (_error, description) =>
			/device flow.*(not enabled|disabled|not allowed)|(not enabled|disabled) for device flow/u.test(
				description,
			),
		explain: (said) => ({
			title: 'Device flow is not enabled for this app',
			cause: `${said}. The app does not allow the device flow, or it is not installed in the org: since September 2025 Salesforce blocks the device flow for every uninstalled app (Salesforce CLI’s own app lost it on 28 Aug 2025).`,
			fix: 'Use your own External Client App with Device Flow enabled and installed in this org, or log in with the browser instead.',
			setupPath: setupPaths.deviceFlow,
		}),
	},
	{
		matches: (error, description) =>
			error.toUpperCase() === 'OAUTH_APP_BLOCKED' ||
			/must be installed|not installed|uninstalled/u.test(description),
		explain: (said) => ({
			title: 'The app is not installed in this org',
			cause: `${said}. Since September 2025 Salesforce blocks connected apps that are not installed in the org.`,
			fix: 'An admin installs the app (or its External Client App) in this org; or gives the user the “Approve Uninstalled Connected Apps” permission.',
			setupPath: setupPaths.install,
		}),
	},
	{
		matches: (_error, description) =>
			/hasn.t approved|not approved|pre-?authori/u.test(description),
		explain: (said) => ({
			title: 'The user may not use this app',
			cause: `${said}. The app admits only pre-authorized users and this user is not one.`,
			fix: 'An admin adds the user’s profile or a permission set to the app, or sets Permitted Users to “All users may self-authorize”.',
			setupPath: setupPaths.permittedUsers,
		}),
	},
	{
		matches: (error) => error === 'invalid_client_id',
		explain: (said) => ({
			title: 'Salesforce does not know this consumer key',
			cause: `${said}. The client id (consumer key) is wrong, belongs to another org’s app that is not available here, or the app is brand new: a new app takes up to 10 minutes to be known everywhere.`,
			fix: 'Copy the Consumer Key again from the app; if the app was just created, wait 10 minutes and retry.',
			setupPath: setupPaths.consumerKey,
		}),
	},
	{
		matches: (error) => error === 'invalid_client' || error === 'invalid_client_credentials',
		explain: (said, step) => ({
			title: 'The app’s credentials were refused',
			cause: `${said}. The client secret is missing or wrong${step === 'token-exchange' ? ', or the app requires a secret (a public app needs PKCE instead)' : ''}.`,
			fix: 'Copy the Consumer Secret again (or leave it empty for an app that does not require one), then retry.',
			setupPath: setupPaths.consumerKey,
		}),
	},
	{
		matches: (error) => error === 'redirect_uri_mismatch',
		explain: (said) => ({
			title: 'The callback URL is not registered for this app',
			cause: `${said}. The app’s callback URLs do not include the exact redirect address sftoken used.`,
			fix: 'Add the exact callback URL (e.g. http://localhost:1717/OauthRedirect, same port and path) to the app, wait a few minutes, and retry.',
			setupPath: setupPaths.callbackUrl,
		}),
	},
	{
		matches: (error) => error === 'access_denied' || error === 'access-denied',
		explain: (said) => ({
			title: 'The login was denied',
			cause: `${said}. Someone clicked Deny on the Salesforce approval page.`,
			fix: 'Start the login again and click Allow, if you meant to.',
		}),
	},
	{
		matches: (error) => error === 'authorization_pending',
		explain: (said) => ({
			title: 'The login was never approved',
			cause: `${said}. Nobody entered the code and approved the login.`,
			fix: 'Open the verification URL, enter the code, log in and click Allow before the code expires.',
		}),
	},
	{
		matches: (error) => error === 'expired_token',
		explain: (said) => ({
			title: 'The device code expired',
			cause: `${said}. The code was not approved within its lifetime.`,
			fix: 'Start a new device login and approve it before the code expires.',
		}),
	},
	{
		matches: (error, description) =>
			error === 'invalid_grant' && /authentication failure/u.test(description),
		explain: (said) => ({
			title: 'Salesforce refused the credentials',
			cause: `${said}. The username, password or security token is wrong, the user is locked out, or the org blocks this flow (username-password flows are off by default since Summer ’23 and give exactly this error).`,
			fix: 'Log in with the device code or the browser instead. An admin can check the user’s Login History for the real reason.',
			setupPath: setupPaths.passwordFlow,
		}),
	},
	{
		matches: (error, description) =>
			error === 'invalid_grant' && /refresh token|access\/refresh/u.test(description),
		explain: (said) => ({
			title: 'The refresh token is no longer valid',
			cause: `${said}. It expired under the app’s refresh token policy, was revoked (logout, password change, admin), or was replaced by refresh token rotation.`,
			fix: 'Log in again.',
			setupPath: setupPaths.refreshPolicy,
		}),
	},
	{
		matches: (error, description) =>
			error === 'invalid_grant' && /authorization code/u.test(description),
		explain: (said) => ({
			title: 'The login code was refused',
			cause: `${said}. The code was already used, is older than 15 minutes, or came from another login attempt.`,
			fix: 'Start the browser login again and finish it promptly.',
		}),
	},
	{
		matches: (error, description) =>
			error === 'invalid_grant' && /not supported on this domain/u.test(description),
		explain: (said) => ({
			title: 'This login host does not accept this request',
			cause: `${said}. This flow must be sent to the org’s own My Domain, not login.salesforce.com or test.salesforce.com.`,
			fix: 'Choose “My Domain” and paste the org’s URL (…my.salesforce.com).',
		}),
	},
	{
		matches: (error, description) =>
			error === 'invalid_grant' && /ip restricted|login hours/u.test(description),
		explain: (said) => ({
			title: 'Login not allowed from here or now',
			cause: `${said}. The user’s profile restricts login IP ranges or hours.`,
			fix: 'Log in from an allowed network, or ask an admin to adjust the profile.',
			setupPath: setupPaths.loginIpRanges,
		}),
	},
	{
		matches: (error, _description, step) => error === 'invalid_grant' && step === 'device-poll',
		explain: (said) => ({
			title: 'The device code is no longer valid',
			cause: `${said}. It expired, was already used, or another device login replaced it.`,
			fix: 'Start a new device login.',
		}),
	},
	{
		matches: (error) => error === 'invalid_grant',
		explain: (said) => ({
			title: 'Salesforce refused the grant',
			cause: `${said}.`,
			fix: 'Start the login again; if it repeats, an admin can check the user’s Login History.',
		}),
	},
	{
		matches: (error, _description, step) =>
			error === 'invalid_request' && step === 'token-exchange',
		explain: (said) => ({
			title: 'The PKCE check failed',
			cause: `${said}. The code verifier does not match the challenge of this login (a code from another attempt).`,
			fix: 'Start the browser login again and use only the address from that attempt.',
		}),
	},
	{
		matches: (error) => error === 'inactive_user',
		explain: (said) => ({
			title: 'The user is inactive',
			cause: `${said}. The user is deactivated or frozen.`,
			fix: 'An admin reactivates or unfreezes the user, or you log in as another user.',
			setupPath: setupPaths.users,
		}),
	},
	{
		matches: (error) => error === 'inactive_org',
		explain: (said) => ({
			title: 'The org is inactive',
			cause: `${said}. The org is locked, expired (an ended trial or an unused Developer Edition) or being migrated.`,
			fix: 'Check the org in a browser; contact Salesforce or the org’s admin.',
		}),
	},
	{
		matches: (error) => error === 'rate_limit_exceeded',
		explain: (said) => ({
			title: 'Too many logins',
			cause: `${said}. Salesforce limits how often a user may log in or poll.`,
			fix: 'Wait a few minutes, then try again.',
		}),
	},
	{
		matches: (error) => error === 'unsupported_grant_type' || error === 'unsupported_response_type',
		explain: (said) => ({
			title: 'This login flow is not allowed',
			cause: `${said}. The org or the app does not allow this flow (for the device flow: Device Flow is not enabled on the app).`,
			fix: 'Enable the flow on the app, or log in another way (browser or device code).',
			setupPath: setupPaths.deviceFlow,
		}),
	},
	{
		matches: (error) => error === 'invalid_scope',
		explain: (said) => ({
			title: 'The app does not allow the requested scopes',
			cause: `${said}. sftoken asks for “api refresh_token”.`,
			fix: 'Add “Manage user data via APIs (api)” and “Perform requests at any time (refresh_token, offline_access)” to the app’s OAuth scopes.',
			setupPath: setupPaths.scopes,
		}),
	},
	{
		matches: (error) => error === 'invalid_token' || error === 'unsupported_token_type',
		explain: (said) => ({
			title: 'The token was not revoked',
			cause: `${said}. The token is already invalid (expired or revoked) or not a token Salesforce knows.`,
			fix: 'Nothing to do: a token Salesforce does not know cannot be used anyway.',
		}),
	},
];

function explainOAuthError(error: string, description: string, step: Step): Explanation {
	const lowered = description.toLowerCase();
	const said = `Salesforce answered ${clean(error)}${description ? ` (“${clean(description)}”)` : ''} ${stepPhrase(step)}`;
	for (const rule of oauthRules) {
		if (rule.matches(error, lowered, step)) return rule.explain(said, step);
	}

	return {
		title: 'Salesforce refused the login',
		cause: `${said}.`,
		fix: 'Check the app’s OAuth settings and the login URL, then try again.',
	};
}

function explainRestErrors(failure: Extract<Failure, {kind: 'rest'}>): Explanation {
	const first = failure.errors[0];
	const code = first?.errorCode ?? 'UNKNOWN_ERROR';
	const said = `Salesforce answered ${failure.status} ${clean(code)}${first ? ` (“${clean(first.message)}”)` : ''} ${stepPhrase(failure.step)}`;
	if (failure.status >= 500) {
		return {
			title: 'Salesforce is having trouble',
			cause: `${said}: the server failed or is unavailable (sftoken already retried where it was safe).`,
			fix: 'Try again in a few minutes; status.salesforce.com shows maintenance and incidents.',
		};
	}

	switch (code) {
		case 'INVALID_SESSION_ID': {
			return {
				title: 'The access token is not valid',
				cause: `${said}. The session expired, was revoked, or the token is mangled or from another org.`,
				fix: 'Refresh the token, or log in again.',
			};
		}

		case 'API_DISABLED_FOR_ORG':
		case 'API_DISABLED_FOR_USER': {
			return {
				title: 'The API is not enabled',
				cause: `${said}. The org’s edition or the user’s profile does not allow API access.`,
				fix: 'An admin grants “API Enabled” to the user (editions such as Professional may need the API add-on).',
				setupPath: setupPaths.apiEnabled,
			};
		}

		case 'REQUEST_LIMIT_EXCEEDED': {
			return {
				title: 'The org’s daily API limit is used up',
				cause: `${said}. The org has used all API requests of the last 24 hours.`,
				fix: 'Wait until usage drops (a rolling 24 hours), or ask an admin about the limit (Setup → Company Information).',
			};
		}

		default: {
			return {
				title: `Salesforce returned ${clean(code)}`,
				cause: `${said}.`,
				fix: 'Check the message above; try again once it is resolved.',
			};
		}
	}
}

function explainHttpStatus(failure: Extract<Failure, {kind: 'http'}>): Explanation {
	const {status, step} = failure;
	const at = `HTTP ${status} ${stepPhrase(step)}`;
	if (/Bad_OAuth_Token/u.test(failure.bodyPreview) || status === 401) {
		return {
			title: 'The access token is not valid',
			cause: `${at}: Salesforce does not accept the token (expired, revoked, or from another org).`,
			fix: 'Refresh the token, or log in again.',
		};
	}

	if (status === 404 && tokenSteps.has(step)) {
		return {
			title: 'No OAuth endpoint at this address',
			cause: `${at}: the login URL does not point at a Salesforce login host.`,
			fix: 'Check the login URL: login.salesforce.com, test.salesforce.com, or the org’s My Domain (…my.salesforce.com).',
		};
	}

	if (status === 429) {
		return {
			title: 'Too many requests',
			cause: `${at}: Salesforce asks to slow down.`,
			fix: 'Wait a minute, then try again.',
		};
	}

	if (status >= 500) {
		const wait =
			failure.retryAfterSeconds === undefined
				? ''
				: ` It asked to wait ${failure.retryAfterSeconds} s.`;
		return {
			title: 'Salesforce is having trouble',
			cause: `${at}: the server failed or is unavailable (sftoken already retried where it was safe).${wait}`,
			fix: 'Try again in a few minutes; status.salesforce.com shows maintenance and incidents.',
		};
	}

	if (status >= 300 && status < 400) {
		return {
			title: 'Salesforce redirected the request',
			cause: `${at}: the address moved (an old instance URL, or a My Domain change).`,
			fix: 'Use the org’s current My Domain URL and log in again.',
		};
	}

	return {
		title: `Unexpected HTTP ${status}`,
		cause: `${at}${failure.bodyPreview ? `: “${clean(failure.bodyPreview)}”` : ''}.`,
		fix: 'Check the login URL and the app’s settings, then try again.',
	};
}

function explainNetwork(
	code: Extract<Failure, {kind: 'network'}>['code'],
	message: string,
	step: Step,
): Explanation {
	const cause = `${clean(message)} (${stepPhrase(step)})`;
	switch (code) {
		case 'timeout': {
			return {
				title: 'No answer in time',
				cause,
				fix: 'Check the network connection and try again; on a slow or distant network, raise the timeout.',
			};
		}

		case 'refused': {
			return {
				title: 'Connection refused',
				cause,
				fix: 'Check the URL and port; for the local emulator, make sure it is running.',
			};
		}

		case 'reset': {
			return {
				title: 'The connection dropped',
				cause,
				fix: 'Try again. A VPN, proxy or unstable Wi-Fi often causes this.',
			};
		}

		case 'dns': {
			return {
				title: 'Host name not found',
				cause,
				fix: 'Check the spelling of the login URL or My Domain (a sandbox’s My Domain is name--sandbox.sandbox.my.salesforce.com) and that you are online.',
			};
		}

		case 'tls': {
			return {
				title: 'The secure connection failed',
				cause,
				fix: 'Behind a company proxy that inspects TLS, point NODE_EXTRA_CA_CERTS at its CA certificate (a PEM file) and start sftoken again. Otherwise check the URL: the host is not presenting a valid certificate for its name.',
			};
		}

		case 'proxy': {
			return {
				title: 'The proxy refused the connection',
				cause,
				fix: 'Check HTTPS_PROXY / HTTP_PROXY (or --proxy): the address, and user:password if the proxy needs a login (HTTP 407). Add Salesforce hosts to NO_PROXY if they need no proxy.',
			};
		}

		case 'aborted': {
			return {
				title: 'Cancelled',
				cause: `Cancelled ${stepPhrase(step)}.`,
				fix: 'Start again when you are ready.',
			};
		}

		case 'other': {
			return {
				title: 'The network request failed',
				cause,
				fix: 'Check the network connection and try again.',
			};
		}
	}
}

function explainUnsafeUrl(failure: Extract<Failure, {kind: 'unsafe-url'}>): Explanation {
	switch (failure.reason) {
		case 'insecure-http': {
			return {
				title: 'Refused to send over plain http',
				cause: `${clean(failure.message)} (${stepPhrase(failure.step)})`,
				fix: 'Use the https:// address of the org. Plain http is only allowed to this machine (the emulator).',
			};
		}

		case 'other-host': {
			return {
				title: 'Refused to send the token to another host',
				cause: `${clean(failure.message)} (${stepPhrase(failure.step)})`,
				fix: 'Use a path relative to the org’s instance URL, such as /services/data/ or /services/apexrest/….',
			};
		}

		case 'invalid-url': {
			return {
				title: 'Not a valid address',
				cause: `${clean(failure.message)} (${stepPhrase(failure.step)})`,
				fix: 'Check the URL: it should look like https://<name>.my.salesforce.com.',
			};
		}
	}
}

/** What the loopback listener or a pasted redirect address reported. */
export type RedirectProblem = {
	readonly reason:
		'state-mismatch' | 'error-returned' | 'no-code' | 'not-a-url' | 'timeout' | 'aborted';
	readonly error?: string;
	readonly description?: string;
	readonly message: string;
};

/**
 * Explains a failed browser redirect. An `error` Salesforce put on the redirect (access_denied,
 * redirect_uri_mismatch …) is explained like the same error from the token endpoint.
 */
export function explainRedirectFailure(problem: RedirectProblem): Explanation {
	switch (problem.reason) {
		case 'error-returned': {
			return explainOAuthError(problem.error ?? 'error', problem.description ?? '', 'authorize');
		}

		case 'state-mismatch': {
			return {
				title: 'The redirect belongs to another login',
				cause: `${clean(problem.message)} A mismatched state can also mean someone tried to slip their own login in.`,
				fix: 'Start the browser login again and use only the address of this attempt.',
			};
		}

		case 'no-code':
		case 'not-a-url': {
			return {
				title: 'No login code in that address',
				cause: clean(problem.message),
				fix: 'After clicking Allow, copy the whole address from the browser’s address bar (it starts with http://localhost and contains code= and state=) and paste it.',
			};
		}

		case 'timeout': {
			return {
				title: 'The browser login timed out',
				cause: clean(problem.message),
				fix: 'Start again. Over SSH, open the URL on your own computer and paste back the address it ends on.',
			};
		}

		case 'aborted': {
			return {
				title: 'Cancelled',
				cause: 'The browser login was cancelled.',
				fix: 'Start again when you are ready.',
			};
		}
	}
}

/** Server text without control characters (no escape sequence may reach the terminal), capped. */
function clean(text: string): string {
	const visible = text.replaceAll(/[\u0000-\u001F\u007F-\u009F]+/gu, ' ').trim();
	return visible.length > 300 ? `${visible.slice(0, 300)}…` : visible;
}
