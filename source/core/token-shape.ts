/**
 * The shape of a Salesforce access token once nothing stray is left around or inside it
 * (SALESFORCE.md §5): a session id `<15-char org id starting 00D>!<[A-Za-z0-9._]+>` (112 characters
 * in every sample, but the length is not documented, so it is not required), or a JWT access token
 * `eyJ….….…` that carries no org id prefix.
 */
import {isAlphanumeric} from './token-characters.js';

export type TokenFormat = 'session-id' | 'jwt' | 'unknown';

/** Shorter than this after the '!' and a session id is worth a warning, not a refusal. */
export const shortSecretLength = 20;

export type ShapeVerdict =
	| {readonly format: 'session-id'; readonly orgId15: string; readonly secretLength: number}
	| {readonly format: 'jwt'}
	| {readonly format: 'refresh-token'}
	| {readonly format: 'bad-shape'; readonly detail: string};

/** Maps a 0-based index in the token to the 1-based position the user sees. */
export type Position = (index: number) => number;

function isSecretCharacter(code: number): boolean {
	return isAlphanumeric(code) || code === 0x2e || code === 0x5f;
}

function isBase64UrlCharacter(code: number): boolean {
	return isAlphanumeric(code) || code === 0x2d || code === 0x5f;
}

function checkJwt(token: string, position: Position): ShapeVerdict {
	let dots = 0;
	let partLength = 0;
	for (let index = 0; index < token.length; index++) {
		const code = token.charCodeAt(index);
		if (code === 0x2e) {
			if (partLength === 0) {
				return {format: 'bad-shape', detail: `empty JWT part before the '.' at ${position(index)}`};
			}
			dots++;
			partLength = 0;
		} else if (isBase64UrlCharacter(code)) {
			partLength++;
		} else {
			return {
				format: 'bad-shape',
				detail: `character '${token[index] ?? ''}' at ${position(index)} is not allowed in a JWT`,
			};
		}
	}
	if (dots !== 2) {
		return {
			format: 'bad-shape',
			detail: `a JWT has 3 parts separated by '.', this has ${dots + 1}`,
		};
	}
	return {format: 'jwt'};
}

function checkOrgId(prefix: string, position: Position): ShapeVerdict | undefined {
	for (let index = 0; index < prefix.length; index++) {
		if (!isAlphanumeric(prefix.charCodeAt(index))) {
			return {
				format: 'bad-shape',
				detail: `character '${prefix[index] ?? ''}' at ${position(index)} is not allowed in the org id before '!'`,
			};
		}
	}
	if (!prefix.startsWith('00D')) {
		return {
			format: 'bad-shape',
			detail: `the org id before '!' should start with 00D, not '${prefix.slice(0, 3)}'`,
		};
	}
	if (prefix.length === 18) {
		return {
			format: 'bad-shape',
			detail:
				"the org id before '!' is the 18-character form; a session id starts with the 15-character org id",
		};
	}
	if (prefix.length !== 15) {
		return {
			format: 'bad-shape',
			detail: `the org id before '!' has ${prefix.length} characters instead of 15`,
		};
	}
	return undefined;
}

/**
 * Checks the shape of a token that has no stray characters or wrappers left. `position` turns an
 * index into the token into the position named in the detail (the caller knows where the token
 * sits in what the user typed).
 */
export function checkShape(token: string, position: Position = (index) => index + 1): ShapeVerdict {
	if (token.startsWith('eyJ')) return checkJwt(token, position);
	const bang = token.indexOf('!');
	if (bang === -1) {
		if (token.startsWith('5Aep')) return {format: 'refresh-token'};
		return {
			format: 'bad-shape',
			detail: token.startsWith('00D')
				? "no '!' after the org id (a session id looks like 00D…!…)"
				: 'neither a session id (00D…!…) nor a JWT (eyJ…)',
		};
	}
	const prefix = token.slice(0, bang);
	const orgIdProblem = checkOrgId(prefix, position);
	if (orgIdProblem) return orgIdProblem;
	if (bang === token.length - 1) {
		return {format: 'bad-shape', detail: "nothing after the '!'"};
	}
	for (let index = bang + 1; index < token.length; index++) {
		const code = token.charCodeAt(index);
		if (code === 0x21) {
			return {format: 'bad-shape', detail: `a second '!' at ${position(index)}`};
		}
		if (!isSecretCharacter(code)) {
			return {
				format: 'bad-shape',
				detail: `character '${token[index] ?? ''}' at ${position(index)} is not allowed after the '!'`,
			};
		}
	}
	return {format: 'session-id', orgId15: prefix, secretLength: token.length - bang - 1};
}
