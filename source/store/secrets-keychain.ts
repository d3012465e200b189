// Tokens in the OS keychain (macOS Keychain, Windows Credential Manager, the Secret Service on
// Linux) through @napi-rs/keyring. One entry per account holds both tokens as JSON.
import {parseStoredTokens, type StoredTokens} from './secrets-types.js';

export const keychainService = 'sftoken';

/** The part of a keyring entry used here; @napi-rs/keyring's AsyncEntry, or a fake in tests. */
export type KeyringEntry = {
	getPassword(): Promise<string | null | undefined>;
	setPassword(password: string): Promise<void>;
	deletePassword(): Promise<boolean>;
};

export type Keyring = {entry(service: string, account: string): KeyringEntry};

/**
 * The system keyring. On Linux the entry is pinned to the Secret Service: the library would
 * otherwise fall back to the kernel keyring, which forgets everything at logout or reboot, and a
 * login that silently vanishes is worse than the plainly announced file. Loaded lazily, so a
 * missing native binary is an unavailable keychain rather than a crash at startup.
 */
export async function systemKeyring(): Promise<Keyring> {
	const {AsyncEntry} = await import('@napi-rs/keyring');
	return {
		entry: (service, account) =>
			new AsyncEntry(service, account, {linux: {store: 'secret-service'}}),
	};
}

const probeAccount = '__sftoken_probe__';

/**
 * Whether the keychain works here: a write, read-back and delete of a throwaway entry. Reading
 * alone is not enough: without a Secret Service the library reads "nothing stored" and only
 * fails on the write.
 */
export async function keychainWorks(keyring: Keyring): Promise<boolean> {
	try {
		const entry = keyring.entry(keychainService, probeAccount);
		const value = `probe-${Date.now()}`;
		await entry.setPassword(value);
		const back = await entry.getPassword();
		await entry.deletePassword();
		return back === value;
	} catch {
		return false;
	}
}

function parseTokens(text: string | null | undefined): StoredTokens | undefined {
	if (typeof text !== 'string') return undefined;
	try {
		return parseStoredTokens(JSON.parse(text));
	} catch {
		return undefined;
	}
}

export function keychainSecrets(keyring: Keyring) {
	const entry = (account: string) => keyring.entry(keychainService, account);
	return {
		async read(account: string): Promise<StoredTokens | undefined> {
			return parseTokens(await entry(account).getPassword());
		},
		async write(account: string, tokens: StoredTokens): Promise<void> {
			await entry(account).setPassword(JSON.stringify(tokens));
		},
		async remove(account: string): Promise<void> {
			await entry(account).deletePassword();
		},
	};
}
