/** The tokens of one user of one org. */
export type StoredTokens = {
	readonly accessToken: string;
	/** Absent for a pasted token and for apps without the `refresh_token` scope. */
	readonly refreshToken?: string;
};

/** Tokens read back from storage, or undefined when the value is not a pair of tokens. */
export function parseStoredTokens(raw: unknown): StoredTokens | undefined {
	if (typeof raw !== 'object' || raw === null) return undefined;
	const {accessToken, refreshToken} = raw as Record<string, unknown>;
	if (typeof accessToken !== 'string' || accessToken === '') return undefined;
	return typeof refreshToken === 'string' && refreshToken !== ''
		? {accessToken, refreshToken}
		: {accessToken};
}
