// The `?` panel of the sign-in screens: how to create the app that device and browser sign-in
// need (SALESFORCE.md §1.1, §2, §3.1), and why it must be installed.
import {DEFAULT_LOOPBACK_PORT, DEFAULT_REDIRECT_PATH} from '../../salesforce/loopback-listener.js';

/** The callback URL the browser sign-in uses on `port`. */
export function callbackUrl(port: number = DEFAULT_LOOPBACK_PORT): string {
	return `http://localhost:${port}${DEFAULT_REDIRECT_PATH}`;
}

/** The steps, one paragraph each. */
export function setupHelpParagraphs(port?: number): string[] {
	return [
		'Device code and browser sign-in need your own External Client App (or connected app) in the org. An admin sets it up once:',
		'1. Setup → External Client App Manager → New External Client App (or App Manager → New Connected App). Enable OAuth.',
		'2. OAuth scopes: “Manage user data via APIs (api)” and “Perform requests at any time (refresh_token, offline_access)”.',
		`3. Callback URL: ${callbackUrl(port)} — the browser sign-in comes back there.`,
		'4. Tick “Enable Device Flow” (connected app: “Enable for Device Flow”) and “Require PKCE”; untick “Require secret for Web Server Flow” and “…for Refresh Token Flow”: sftoken keeps no secret.',
		'5. Install the app in the org (Setup → Connected Apps OAuth Usage → Install) and choose its Permitted Users. Why: since September 2025 Salesforce blocks the device flow for every app that is not installed.',
		'6. Copy the Consumer Key (the app → Settings → OAuth Settings → Consumer Key and Secret) and paste it here. A new app can take up to 10 minutes to start working.',
	];
}

/** The same, short, for terminals where the long version does not fit. */
export function compactSetupHelpParagraphs(port?: number): string[] {
	return [
		'Needs your own External Client App (or connected app):',
		'1. Setup → External Client App Manager → New; enable OAuth, scopes api + refresh_token.',
		`2. Callback ${callbackUrl(port)}; Enable Device Flow; PKCE on, no secret required.`,
		'3. Install it (Connected Apps OAuth Usage): since Sept 2025 device flow is blocked for uninstalled apps.',
		'4. Paste its Consumer Key here (new apps take up to 10 min).',
	];
}
