// Normalisation of pasted text into scheme, host, port and the rest (DOMAINS.md §4, steps 1–8).
// Hand-written scanning instead of `new URL()`: WHATWG parsing silently repairs inputs (drops
// inner tabs, turns `\` into `/`, decodes `%2e`) that we must refuse, and every regex here runs
// on at most `maxInputLength` characters with no nested quantifiers, so a keystroke stays cheap.
import type {DomainRefusalReason} from './domain.js';

/** Longer pastes are refused before any other work (policy). */
export const maxInputLength = 4096;

export type ParsedAddress = {
	readonly ok: true;
	/** `implied` when the user typed no scheme (or `//host`). */
	readonly scheme: 'http' | 'https' | 'implied';
	/** Lowercase, one trailing dot removed, every label checked. */
	readonly host: string;
	/** The text after `:` in the authority, if any (validated only once the host is known). */
	readonly port?: string;
	/** Path, query and fragment: never used to find the org. */
	readonly rest: string;
};

export type AddressRefusal = {
	readonly ok: false;
	readonly reason: DomainRefusalReason;
	/** Which kind of bad character, so the message can be specific. */
	readonly detail?: 'whitespace' | 'control' | 'backslash' | 'percent';
};

const wrapperCharacters = new Set(['"', "'", '<', '>', '`']);
const whitespacePattern = /\s/;
const schemePattern = /^([a-z][a-z\d+-]*):/i;

function isTrimmable(character: string): boolean {
	return wrapperCharacters.has(character) || whitespacePattern.test(character);
}

/**
 * Removes whitespace and the quotes, angle brackets and backticks a URL is often wrapped in, from
 * both ends, repeatedly (`" <https://…> "`).
 */
export function trimPasted(text: string): string {
	let start = 0;
	let end = text.length;
	while (start < end && isTrimmable(text.charAt(start))) start++;
	while (end > start && isTrimmable(text.charAt(end - 1))) end--;
	return text.slice(start, end);
}

/** Whether the text holds whitespace or a control character anywhere (§4 step 3). */
export function forbiddenCharacter(text: string): 'whitespace' | 'control' | undefined {
	if (whitespacePattern.test(text)) return 'whitespace';
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		// C0 controls, DEL and C1 controls: never part of a URL someone copied on purpose.
		if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return 'control';
	}

	return undefined;
}

function refuse(reason: DomainRefusalReason, detail?: AddressRefusal['detail']): AddressRefusal {
	return detail === undefined ? {ok: false, reason} : {ok: false, reason, detail};
}

type SchemeSplit =
	| {readonly ok: true; readonly scheme: ParsedAddress['scheme']; readonly remainder: string}
	| AddressRefusal;

function splitScheme(text: string): SchemeSplit {
	const match = schemePattern.exec(text);
	if (match?.[1] !== undefined) {
		const name = match[1].toLowerCase();
		const afterColon = text.slice(match[0].length);
		const isHttp = name === 'http' || name === 'https';
		// `localhost:1717/x` is a host and a port, not the scheme `localhost:`.
		if (!isHttp && /^\d+(?:[/?#]|$)/.test(afterColon)) {
			return {ok: true, scheme: 'implied', remainder: text};
		}

		if (!isHttp) return refuse('unsupported-scheme');
		// WHATWG accepts `https:host` and `https:/host`; we insist on `//` (policy).
		if (!afterColon.startsWith('//')) return refuse('not-a-url');
		return {ok: true, scheme: name, remainder: afterColon.slice(2)};
	}

	if (text.startsWith('//')) return {ok: true, scheme: 'implied', remainder: text.slice(2)};
	return {ok: true, scheme: 'implied', remainder: text};
}

function authorityEnd(text: string): number {
	for (let index = 0; index < text.length; index++) {
		const character = text.charAt(index);
		if (character === '/' || character === '?' || character === '#' || character === '\\') {
			return index;
		}
	}

	return text.length;
}

function checkAuthority(authority: string): AddressRefusal | undefined {
	for (let index = 0; index < authority.length; index++) {
		if (authority.charCodeAt(index) > 0x7e) return refuse('non-ascii-host');
	}

	// `https://acme.my.salesforce.com@evil.com` goes to evil.com; address bars never show userinfo.
	if (authority.includes('@')) return refuse('userinfo-not-allowed');
	// `%2e` would decode to a dot in some parsers and not in others.
	if (authority.includes('%')) return refuse('invalid-characters', 'percent');
	if (authority.includes('[') || authority.includes(']')) return refuse('ip-address');
	return undefined;
}

const labelPattern = /^[a-z\d](?:[a-z\d-]*[a-z\d])?$/;
const numericLabelPattern = /^(?:\d+|0x[\da-f]*)$/;

function checkHost(host: string): AddressRefusal | undefined {
	const labels = host.split('.');
	// WHATWG reads a host whose last label is a number as an IPv4 address (`1.2.3.4`, `0x7f.1`).
	if (numericLabelPattern.test(labels.at(-1) ?? '')) return refuse('ip-address');
	if (host.length > 253) return refuse('invalid-hostname');
	for (const label of labels) {
		if (label.length > 63 || !labelPattern.test(label)) return refuse('invalid-hostname');
	}

	// IDN in ASCII form hides look-alike characters; no Salesforce host uses it.
	if (labels.some((label) => label.startsWith('xn--'))) return refuse('punycode-not-allowed');
	return undefined;
}

/**
 * Splits pasted text into scheme, host, port and rest, or refuses it with a reason code.
 * It checks the shape of the text only; whether the host belongs to Salesforce is decided by
 * `deriveLoginUrl`.
 *
 * @example parseAddress(' "HTTPS://Acme.Lightning.Force.Com./x" ')
 * // → {ok: true, scheme: 'https', host: 'acme.lightning.force.com', rest: '/x'}
 */
export function parseAddress(input: string): ParsedAddress | AddressRefusal {
	if (typeof input !== 'string') return refuse('empty-input');
	if (input.length > maxInputLength) return refuse('input-too-long');
	const text = trimPasted(input);
	if (text === '') return refuse('empty-input');
	const bad = forbiddenCharacter(text);
	if (bad !== undefined) return refuse('invalid-characters', bad);

	const split = splitScheme(text);
	if (!split.ok) return split;
	const end = authorityEnd(split.remainder);
	// WHATWG treats `\` as `/`, other parsers don't: refuse the differential outright.
	if (split.remainder.charAt(end) === '\\') return refuse('invalid-characters', 'backslash');
	const authority = split.remainder.slice(0, end);
	const rest = split.remainder.slice(end);
	if (authority === '') return refuse('empty-host');
	const authorityProblem = checkAuthority(authority);
	if (authorityProblem !== undefined) return authorityProblem;

	const colon = authority.indexOf(':');
	let host = (colon === -1 ? authority : authority.slice(0, colon)).toLowerCase();
	if (host.endsWith('.')) host = host.slice(0, -1);
	if (host === '') return refuse('empty-host');
	const hostProblem = checkHost(host);
	if (hostProblem !== undefined) return hostProblem;

	const base = {ok: true, scheme: split.scheme, host, rest} as const;
	return colon === -1 ? base : {...base, port: authority.slice(colon + 1)};
}
