// The one connected app the emulator knows: a public client (PKCE, no secret needed) that also has
// a secret for confidential use, introspection and the token signature.
import {newClientSecret} from './random.js';

export type ConnectedApp = {
	readonly name: string;
	readonly clientId: string;
	readonly clientSecret: string;
	readonly callbacks: readonly string[];
	/** The app's selected scopes; a request without `scope` is granted all of them, as on Salesforce. */
	readonly scopes: readonly string[];
};

export const scopeLabels: Readonly<Record<string, string>> = {
	api: 'Manage user data via APIs',
	web: 'Manage user data via Web browsers',
	full: 'Full access',
	refresh_token: 'Perform requests at any time',
	offline_access: 'Perform requests at any time',
	id: 'Access the identity URL service',
	profile: 'Access the identity URL service',
	email: 'Access the identity URL service',
	address: 'Access the identity URL service',
	phone: 'Access the identity URL service',
	chatter_api: 'Access Chatter REST API resources',
	visualforce: 'Manage user data via Visualforce',
	custom_permissions: 'Access custom permissions',
};

export function createDefaultApp(): ConnectedApp {
	return {
		name: 'sftoken Demo App',
		// Deterministic so a demo run prints the same consumer key every time; real keys start 3MVG9.
		clientId: '3MVG9sftoken.Emulator.Demo_App.Consumer.Key.For.Loopback.Testing.Only',
		clientSecret: newClientSecret(),
		callbacks: ['http://localhost:1717/OauthRedirect', 'http://127.0.0.1:1717/OauthRedirect'],
		scopes: Object.keys(scopeLabels),
	};
}

/** Requested scopes the app allows, in request order; undefined when one is not allowed. */
export function grantableScopes(app: ConnectedApp, requested: string | null): string[] | undefined {
	const names = [...new Set((requested ?? '').split(/\s+/).filter(Boolean))];
	if (names.length === 0) return [...app.scopes];
	return names.every((name) => app.scopes.includes(name)) ? names : undefined;
}

/** `full` does not imply a refresh token: Salesforce wants `refresh_token` asked for explicitly. */
export function allowsRefresh(scopes: readonly string[]): boolean {
	return scopes.includes('refresh_token') || scopes.includes('offline_access');
}
