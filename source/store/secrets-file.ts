// Tokens in a file readable only by its owner, for machines without an OS keychain (SSH boxes,
// containers, CI). Never a silent choice: secrets.ts says so to the user once.
import {randomBytes} from 'node:crypto';
import {chmod, mkdir, readFile, rename, rm, stat, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {parseStoredTokens, type StoredTokens} from './secrets-types.js';

const secretsFileName = 'secrets.json';

// A Map, not an object: an account named `__proto__` in a hand-edited file must stay data.
type Accounts = Map<string, StoredTokens>;

function isMissing(error: unknown): boolean {
	return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/** The secrets file is not JSON: named to the user, never silently replaced. */
export class DamagedSecretsFile extends Error {
	readonly fix: string;

	constructor(file: string) {
		super(`${file} is not valid JSON`);
		this.name = 'DamagedSecretsFile';
		this.fix = `Repair ${file}, or delete it and log in again to the orgs whose tokens it held.`;
	}
}

/**
 * The secrets file: `{"accounts": {"<orgId>:<userId>": {accessToken, refreshToken?}}}`. Reads fix
 * a mode that lets others read it back to 0600; a file that is not JSON is an error that names
 * it (see DamagedSecretsFile), so no write replaces the tokens it may still hold. Writes are atomic: a
 * temporary file created with mode 0600, then renamed over the old one, so the file is never
 * readable by others, not even for a moment, and never half written.
 */
export function secretsFile(directory: string) {
	const file = path.join(directory, secretsFileName);

	const load = async (): Promise<Accounts> => {
		let text: string;
		try {
			const info = await stat(file);
			if ((info.mode & 0o077) !== 0) await chmod(file, 0o600);
			text = await readFile(file, 'utf8');
		} catch (error) {
			if (isMissing(error)) return new Map();
			throw error;
		}

		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch {
			// Reading it as empty would let the next login overwrite every other org's tokens.
			throw new DamagedSecretsFile(file);
		}

		const raw =
			typeof json === 'object' && json !== null
				? (json as Record<string, unknown>)['accounts']
				: {};
		const accounts: Accounts = new Map();
		if (typeof raw !== 'object' || raw === null) return accounts;
		for (const [account, value] of Object.entries(raw)) {
			const tokens = parseStoredTokens(value);
			if (tokens) accounts.set(account, tokens);
		}

		return accounts;
	};

	const save = async (accounts: Accounts): Promise<void> => {
		await mkdir(directory, {recursive: true, mode: 0o700});
		const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
		try {
			await writeFile(
				temporary,
				`${JSON.stringify({accounts: Object.fromEntries(accounts)}, undefined, '\t')}\n`,
				{
					mode: 0o600,
					flag: 'wx',
				},
			);
			await rename(temporary, file);
		} catch (error) {
			await rm(temporary, {force: true});
			throw error;
		}
	};

	return {
		path: file,
		async exists(): Promise<boolean> {
			try {
				await stat(file);
				return true;
			} catch (error) {
				if (isMissing(error)) return false;
				throw error;
			}
		},
		async read(account: string): Promise<StoredTokens | undefined> {
			return (await load()).get(account);
		},
		async write(account: string, tokens: StoredTokens): Promise<void> {
			const accounts = await load();
			accounts.set(account, tokens);
			await save(accounts);
		},
		async remove(account: string): Promise<void> {
			const accounts = await load();
			if (accounts.delete(account)) await save(accounts);
		},
	};
}
