// Everything the login flows and the session need from the outside world, in one value: the
// stores, the HTTP client, the clock and randomness. Headless commands open the real ones; the
// demo and tests pass their own.
import {randomBytes} from 'node:crypto';
import path from 'node:path';
import type {HttpClient} from '../salesforce/http.js';
import {clientIdStore, type ClientIdStore} from '../store/client-ids.js';
import {inMemoryStore, openConfigStore, type KeyValueStore} from '../store/config-store.js';
import {orgStore, type OrgStore} from '../store/orgs.js';
import {
	memorySecretStore,
	openSecretStore,
	type Keyring,
	type SecretStore,
} from '../store/secrets.js';
import {storageProblem, type AuthResult} from './problems.js';

export type AuthContext = {
	readonly orgs: OrgStore;
	readonly clientIds: ClientIdStore;
	readonly secrets: SecretStore;
	/** The got client for every call; the shared default when absent. */
	readonly http?: HttpClient;
	readonly now: () => number;
	readonly randomBytes: (size: number) => Uint8Array;
};

export type OpenAuthContextOptions = {
	/** Config directory; else $SFTOKEN_CONFIG_DIR, else the system's ($XDG_CONFIG_HOME/sftoken). */
	readonly cwd?: string;
	/** Where SFTOKEN_CONFIG_DIR and SFTOKEN_SECRETS are read from; process.env by default. */
	readonly env?: Readonly<Record<string, string | undefined>>;
	readonly keyring?: () => Promise<Keyring>;
	readonly http?: HttpClient;
};

/**
 * Opens the user's config and token storage. A config file that is not JSON, an unusable
 * SFTOKEN_SECRETS, or a forced keychain that is missing come back as a `storage` problem.
 */
export async function openAuthContext(
	options: OpenAuthContextOptions = {},
): Promise<AuthResult<AuthContext>> {
	try {
		const config = openConfigStore({
			...(options.cwd === undefined ? {} : {cwd: options.cwd}),
			...(options.env === undefined ? {} : {env: options.env}),
		});
		const secrets = await openSecretStore({
			directory: path.dirname(config.path),
			...(options.env === undefined ? {} : {env: options.env}),
			...(options.keyring === undefined ? {} : {keyring: options.keyring}),
		});
		return {ok: true, value: buildContext(config, secrets, options.http)};
	} catch (error) {
		return storageProblem(error);
	}
}

/**
 * A context that lives and dies with the process: demo mode (which must never touch the user's
 * config or keychain) and tests.
 */
export function memoryAuthContext(options: {readonly http?: HttpClient} = {}): AuthContext {
	return buildContext(inMemoryStore(), memorySecretStore(), options.http);
}

function buildContext(
	config: KeyValueStore,
	secrets: SecretStore,
	http: HttpClient | undefined,
): AuthContext {
	return {
		orgs: orgStore(config),
		clientIds: clientIdStore(config),
		secrets,
		...(http === undefined ? {} : {http}),
		now: Date.now,
		randomBytes: (size) => new Uint8Array(randomBytes(size)),
	};
}
