/**
 * Text people paste around a token (header names, prefixes, quotes, cookie and URL syntax, labels
 * from `sf org display`) and text that only looks like a token (placeholders, masked copies).
 * Every matcher looks at a span of the input and runs in time linear in that span: the inspection
 * runs on every keystroke, so there is no backtracking regex over the whole input.
 */

export type TokenWrapper =
	| 'authorization-header'
	| 'bearer-prefix'
	| 'oauth-prefix'
	| 'surrounding-quotes'
	| 'unmatched-quote'
	| 'angle-brackets'
	| 'sid-cookie'
	| 'url-parameter'
	| 'label'
	| 'trailing-punctuation';

/** A wrapper found around the span [start, end): the token is now in [innerStart, innerEnd). */
export type WrapperMatch = {
	readonly wrapper: TokenWrapper;
	readonly innerStart: number;
	readonly innerEnd: number;
	readonly description: string;
};

/** Longest prefix a header, prefix or label matcher looks at: keeps the regexes O(1). */
const headLength = 64;

const authorizationHeader = /^authorization[ \t]*:[ \t]*(?:(?:bearer|oauth)[ \t]+)?/i;
// The value's opening quote is part of the label: once outer quotes are peeled off
// `"accessToken": "00D…"`, what is left is `accessToken": "00D…`.
const assignmentLabel = /^(?:export[ \t]+)?["']?([A-Za-z_][\w.-]*)["']?[ \t]*[:=][ \t]*["']?/;
const tableLabel = /^(?:access|session)[ \t]?(?:token|id)[ \t]+/i;
const labelKey = /token|session/i;

function startsWithWord(input: string, start: number, end: number, word: string): boolean {
	return (
		end - start >= word.length && input.slice(start, start + word.length).toLowerCase() === word
	);
}

function collapseBlanks(text: string): string {
	return text.replaceAll(/[ \t]+/g, ' ');
}

/**
 * `Bearer ` / `OAuth ` at the start. The word counts as a prefix when what follows cannot continue
 * a word: a blank, the end, anything that is not ASCII (a no-break space, reported separately as
 * stray), or the start of a token glued on (`Bearer00D…`).
 */
function matchScheme(input: string, start: number, end: number): WrapperMatch | undefined {
	for (const [word, wrapper, label] of [
		['bearer', 'bearer-prefix', 'Bearer'],
		['oauth', 'oauth-prefix', 'OAuth'],
	] as const) {
		if (!startsWithWord(input, start, end, word)) continue;
		let index = start + word.length;
		const next = input.charCodeAt(index);
		const glued = /^(?:00D|eyJ|5Aep)/.test(input.slice(index, index + 4));
		const separated = index === end || next === 0x20 || next === 0x09 || next > 0x7e;
		if (!glued && !separated) return undefined;
		while (index < end && (input[index] === ' ' || input[index] === '\t')) index++;
		return {
			wrapper,
			innerStart: index,
			innerEnd: end,
			description: `'${label} ' prefix`,
		};
	}
	return undefined;
}

/** Finds `name=` in [start, end) where the character before it satisfies `before`. */
function findParameter(
	input: string,
	start: number,
	end: number,
	name: string,
	before: (char: string | undefined) => boolean,
): number {
	let from = start;
	for (;;) {
		const found = input.indexOf(name, from);
		if (found === -1 || found + name.length > end) return -1;
		if (before(found === start ? undefined : input[found - 1])) return found;
		from = found + 1;
	}
}

function valueEnd(input: string, from: number, end: number, terminators: string): number {
	for (let index = from; index < end; index++) {
		if (terminators.includes(input[index] ?? '')) return index;
	}
	return end;
}

/** `…?sid=…&…`, `#access_token=…&…`: a token pasted inside a URL (frontdoor.jsp, a redirect). */
function matchUrlParameter(input: string, start: number, end: number): WrapperMatch | undefined {
	for (const name of ['access_token=', 'sid=']) {
		const found = findParameter(
			input,
			start,
			end,
			name,
			(char) => char === '?' || char === '#' || char === '&',
		);
		if (found === -1) continue;
		const innerStart = found + name.length;
		return {
			wrapper: 'url-parameter',
			innerStart,
			innerEnd: valueEnd(input, innerStart, end, '&#'),
			description: `URL around '${name}'`,
		};
	}
	return undefined;
}

/** `sid=…; …` or `Cookie: a=b; sid=…`: the session cookie copied from the browser's dev tools. */
function matchSidCookie(input: string, start: number, end: number): WrapperMatch | undefined {
	const found = findParameter(
		input,
		start,
		end,
		'sid=',
		(char) => char === undefined || char === ';' || char === ' ' || char === '\t' || char === ':',
	);
	if (found === -1) return undefined;
	const innerStart = found + 4;
	return {
		wrapper: 'sid-cookie',
		innerStart,
		innerEnd: valueEnd(input, innerStart, end, ';'),
		description: "cookie text around 'sid='",
	};
}

/** `"accessToken": `, `SF_ACCESS_TOKEN=`, `Access Token   ` (a row of `sf org display`). */
function matchLabel(input: string, start: number, end: number): WrapperMatch | undefined {
	const head = input.slice(start, Math.min(end, start + headLength));
	const assignment = assignmentLabel.exec(head);
	const match =
		assignment && labelKey.test(assignment[1] ?? '') ? assignment : tableLabel.exec(head);
	if (!match) return undefined;
	const key = match[1] ?? collapseBlanks(match[0]).trim();
	return {
		wrapper: 'label',
		innerStart: start + match[0].length,
		innerEnd: end,
		description: `label '${key}'`,
	};
}

/** Each opening quote and the closing quotes that go with it, across typographic traditions. */
const closingQuotes = new Map([
	['"', '"'],
	["'", "'"],
	['`', '`'],
	['\u201C', '\u201D\u201C'],
	['\u201D', '\u201D'],
	['\u201E', '\u201C\u201D'],
	['\u2018', '\u2019\u2018'],
	['\u2019', '\u2019'],
	['\u201A', '\u2018\u2019'],
	['\u00AB', '\u00BB'],
	['\u00BB', '\u00AB\u00BB'],
	['\u2039', '\u203A'],
	['\u203A', '\u2039'],
]);

/** Quotes at both ends: the outermost layer of whatever was copied, so it is checked first. */
function matchQuotePair(input: string, start: number, end: number): WrapperMatch | undefined {
	const open = input[start] ?? '';
	const close = input[end - 1] ?? '';
	if (end - start < 2 || !(closingQuotes.get(open) ?? '').includes(close)) return undefined;
	return {
		wrapper: 'surrounding-quotes',
		innerStart: start + 1,
		innerEnd: end - 1,
		description: `surrounding quotes ${input[start]}…${input[end - 1]}`,
	};
}

/**
 * An ASCII quote at one end only: the other half of a JSON or shell string that was not copied.
 * (A lone smart quote is reported as a stray character instead.)
 */
function matchUnmatchedQuote(input: string, start: number, end: number): WrapperMatch | undefined {
	const isAsciiQuote = (char: string | undefined) => char === '"' || char === "'" || char === '`';
	const first = input[start];
	const last = input[end - 1];
	if (isAsciiQuote(first)) {
		return {
			wrapper: 'unmatched-quote',
			innerStart: start + 1,
			innerEnd: end,
			description: `unmatched quote ${first ?? ''}`,
		};
	}
	if (isAsciiQuote(last)) {
		return {
			wrapper: 'unmatched-quote',
			innerStart: start,
			innerEnd: end - 1,
			description: `unmatched quote ${last ?? ''}`,
		};
	}
	return undefined;
}

/** Whether the text could be a token (as opposed to template text such as `<token>`). */
function looksLikeToken(input: string, start: number, end: number): boolean {
	const bang = input.indexOf('!', start);
	return (bang !== -1 && bang < end) || input.startsWith('eyJ', start);
}

/**
 * The outermost wrapper of the span [start, end), if any. The caller peels it and asks again, so
 * `Authorization: Bearer "00D…"` unwraps layer by layer.
 */
export function matchWrapper(input: string, start: number, end: number): WrapperMatch | undefined {
	const pair = matchQuotePair(input, start, end);
	if (pair) return pair;
	const header = authorizationHeader.exec(input.slice(start, Math.min(end, start + headLength)));
	if (header) {
		return {
			wrapper: 'authorization-header',
			innerStart: start + header[0].length,
			innerEnd: end,
			description: `'${collapseBlanks(header[0])}' header`,
		};
	}
	const found =
		matchScheme(input, start, end) ??
		matchUrlParameter(input, start, end) ??
		matchSidCookie(input, start, end) ??
		matchLabel(input, start, end);
	if (found) return found;
	// Before a lone quote, so `"00D…",` copied from JSON unwraps to a quoted pair.
	const last = input[end - 1];
	if (last === ',' || last === ';') {
		return {
			wrapper: 'trailing-punctuation',
			innerStart: start,
			innerEnd: end - 1,
			description: `trailing '${last}'`,
		};
	}
	const unmatched = matchUnmatchedQuote(input, start, end);
	if (unmatched) return unmatched;
	if (
		end - start >= 2 &&
		input[start] === '<' &&
		input[end - 1] === '>' &&
		looksLikeToken(input, start + 1, end - 1)
	) {
		return {
			wrapper: 'angle-brackets',
			innerStart: start + 1,
			innerEnd: end - 1,
			description: 'angle brackets <…>',
		};
	}
	return undefined;
}

/** Characters a masked or shortened copy of a token contains: `***`, `•••`, `…`, `●●●`. */
const maskCharacters = new Set(['*', '\u2022', '\u2026', '\u25CF']);
const placeholderWords =
	/token|redacted|session|secret|your|here|placeholder|hidden|masked|removed|example|changeme|insert|paste/i;
const emptyWords = /^(?:null|undefined|none|nil)$/i;

/**
 * Whether the span is a placeholder rather than a token: `[REDACTED]`, `<token>`,
 * `{{access_token}}`, `$SF_ACCESS_TOKEN`, `%TOKEN%`, `YOUR_TOKEN_HERE`, `xxxx`, or a masked copy
 * such as `00D5g000004XyZa!••••4f2Q`. No fix can recover a token from these.
 */
export function isPlaceholder(input: string, start: number, end: number): boolean {
	const length = end - start;
	if (length <= 0) return false;
	const first = input[start];
	const last = input[end - 1];
	const bracketed =
		(first === '[' && last === ']') ||
		(first === '{' && last === '}') ||
		(first === '<' && last === '>');
	if (bracketed && length >= 2 && !looksLikeToken(input, start + 1, end - 1)) return true;
	if (first === '$' && /^\$\{?[A-Za-z_]/.test(input.slice(start, start + 3))) return true;
	if (first === '%' && last === '%' && length > 2) return true;
	let onlyX = length >= 3;
	for (let index = start; index < end; index++) {
		const char = input[index] ?? '';
		if (maskCharacters.has(char)) return true;
		if (char !== 'x' && char !== 'X') onlyX = false;
	}
	if (onlyX) return true;
	if (length > headLength) return false;
	const text = input.slice(start, end);
	return /^[A-Za-z_ -]+$/.test(text) && (placeholderWords.test(text) || emptyWords.test(text));
}
