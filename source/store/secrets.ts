// The ONE module that decides where tokens are kept. Tokens never go into the config file:
// the OS keychain where one works, otherwise a file of mode 0600 next to the config — and then the
// user is told so, once, in plain words. Never a silent plaintext fallback.
import {DamagedSecretsFile, secretsFile} from './secrets-file.js';
import {
	keychainSecrets,
	keychainService,
	keychainWorks,
	systemKeyring,
	type Keyring,
} from './secrets-keychain.js';
import type {StoredTokens} from './secrets-types.js';

export type {StoredTokens} from './secrets-types.js';
export type {Keyring, KeyringEntry} from './secrets-keychain.js';

export type SecretStoreKind = 'keychain' | 'file' | 'memory';

export type SecretStore = {
	readonly kind: SecretStoreKind;
	/** Where the tokens are, for messages: "the OS keychain (service sftoken)" or the file path. */
	readonly location: string;
	/**
	 * The plain-words notice that tokens are kept in a file, when this is the first time they are
	 * (the file did not exist yet); undefined afterwards and for the keychain. The caller takes it
	 * right after storing tokens and shows it, so the user hears it once, not on every command.
	 */
	takeNotice(): string | undefined;
	read(account: string): Promise<StoredTokens | undefined>;
	write(account: string, tokens: StoredTokens): Promise<void>;
	remove(account: string): Promise<void>;
};

/** The token storage cannot be used; `fix` says what the user can do. */
export class SecretStoreError extends Error {
	readonly fix: string;

	constructor(message: string, fix: string, options?: ErrorOptions) {
		super(message, options);
		this.name = 'SecretStoreError';
		this.fix = fix;
	}
}

export type SecretStoreOptions = {
	/** The config directory; the secrets file lives there. */
	readonly directory: string;
	/** Where SFTOKEN_SECRETS is read from (process.env unless a test passes its own). */
	readonly env?: Readonly<Record<string, string | undefined>>;
	/** The keyring to use; the system's by default. Tests pass a fake. */
	readonly keyring?: () => Promise<Keyring>;
};

let systemProbe: Promise<Keyring | undefined> | undefined;

/** Probes the system keychain once per process: the answer does not change while we run. */
async function usableKeyring(factory?: () => Promise<Keyring>): Promise<Keyring | undefined> {
	const probe = async (make: () => Promise<Keyring>) => {
		try {
			const keyring = await make();
			return (await keychainWorks(keyring)) ? keyring : undefined;
		} catch {
			return undefined;
		}
	};

	if (factory) return probe(factory);
	systemProbe ??= probe(systemKeyring);
	return systemProbe;
}

function failed(action: string, where: string, fix: string) {
	return (error: unknown): never => {
		const reason = error instanceof Error ? error.message : String(error);
		const specificFix = error instanceof DamagedSecretsFile ? error.fix : fix;
		throw new SecretStoreError(`Could not ${action} ${where}: ${reason}`, specificFix, {
			cause: error,
		});
	};
}

/**
 * Opens the token storage. SFTOKEN_SECRETS=file forces the file (tests, CI), =keychain forces
 * the keychain (and fails when there is none); otherwise the keychain is probed once and the file
 * used only when it does not work. With the keychain, tokens a previous run left in the file are
 * still read, and moved out of the file when next written.
 *
 * @throws SecretStoreError for an unknown SFTOKEN_SECRETS value, or a forced keychain that does
 *   not work here.
 */
export async function openSecretStore(options: SecretStoreOptions): Promise<SecretStore> {
	const env = options.env ?? process.env;
	const forced = env['SFTOKEN_SECRETS'] ?? '';
	if (forced !== '' && forced !== 'file' && forced !== 'keychain') {
		throw new SecretStoreError(
			`SFTOKEN_SECRETS=${JSON.stringify(forced).slice(1, -1)} is not a storage sftoken knows.`,
			'Set SFTOKEN_SECRETS to "file" or "keychain", or unset it to let sftoken choose.',
		);
	}

	const file = secretsFile(options.directory);
	const keyring = forced === 'file' ? undefined : await usableKeyring(options.keyring);
	if (forced === 'keychain' && keyring === undefined) {
		throw new SecretStoreError(
			'SFTOKEN_SECRETS=keychain, but no working OS keychain was found.',
			'Start or unlock the keychain (on Linux a Secret Service such as gnome-keyring or KeePassXC), or set SFTOKEN_SECRETS=file to keep tokens in a file readable only by you.',
		);
	}

	const fileFix = `Check that ${options.directory} is yours and writable (or point SFTOKEN_CONFIG_DIR elsewhere).`;
	if (keyring === undefined) {
		const why = forced === 'file' ? 'SFTOKEN_SECRETS=file' : 'No OS keychain found';
		let notice = (await file.exists().catch(() => false))
			? undefined
			: `${why}; tokens are stored in ${file.path} (readable only by you).`;
		return {
			kind: 'file',
			location: file.path,
			takeNotice() {
				const once = notice;
				notice = undefined;
				return once;
			},
			read: async (account) =>
				file.read(account).catch(failed('read the tokens from', file.path, fileFix)),
			write: async (account, tokens) =>
				file.write(account, tokens).catch(failed('store the tokens in', file.path, fileFix)),
			remove: async (account) =>
				file.remove(account).catch(failed('remove the tokens from', file.path, fileFix)),
		};
	}

	const keychain = keychainSecrets(keyring);
	const location = `the OS keychain (service ${keychainService})`;
	const keychainFix =
		'Unlock the keychain and try again, or set SFTOKEN_SECRETS=file to keep tokens in a file readable only by you.';
	const inFile = async () => file.exists().catch(() => false);
	return {
		kind: 'keychain',
		location,
		takeNotice: () => undefined,
		async read(account) {
			const tokens = await keychain
				.read(account)
				.catch(failed('read the tokens from', location, keychainFix));
			if (tokens !== undefined || !(await inFile())) return tokens;
			return file.read(account).catch(() => undefined);
		},
		async write(account, tokens) {
			await keychain
				.write(account, tokens)
				.catch(failed('store the tokens in', location, keychainFix));
			if (await inFile()) await file.remove(account).catch(() => undefined);
		},
		async remove(account) {
			await keychain.remove(account).catch(failed('remove the tokens from', location, keychainFix));
			if (await inFile()) {
				await file.remove(account).catch(failed('remove the tokens from', file.path, fileFix));
			}
		},
	};
}

/** Tokens that live and die with the process: demo mode, which must not touch the real storage. */
export function memorySecretStore(): SecretStore {
	const accounts = new Map<string, StoredTokens>();
	return {
		kind: 'memory',
		location: 'memory (forgotten when sftoken exits)',
		takeNotice: () => undefined,
		read: async (account) => Promise.resolve(accounts.get(account)),
		async write(account, tokens) {
			accounts.set(account, tokens);
			return Promise.resolve();
		},
		async remove(account) {
			accounts.delete(account);
			return Promise.resolve();
		},
	};
}
