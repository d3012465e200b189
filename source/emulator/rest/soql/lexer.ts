// SOQL lexer. Tokens keep their offset in the query so errors can point at them the way
// Salesforce does ("ERROR at Row:1:Column:12").

import {parseDateTimeLiteral} from '../dates.js';

export type Token =
	| {readonly kind: 'word'; readonly text: string; readonly offset: number}
	| {
			readonly kind: 'string';
			readonly text: string;
			readonly value: string;
			/** The literal as a LIKE pattern. */
			readonly pattern: readonly LikePart[];
			readonly offset: number;
	  }
	| {
			readonly kind: 'number';
			readonly text: string;
			readonly value: number;
			readonly offset: number;
	  }
	| {
			readonly kind: 'datetime';
			readonly text: string;
			readonly value: number;
			readonly offset: number;
	  }
	| {readonly kind: 'date'; readonly text: string; readonly offset: number}
	| {readonly kind: 'symbol'; readonly text: string; readonly offset: number}
	| {readonly kind: 'eof'; readonly text: '<EOF>'; readonly offset: number};

/** A LIKE pattern part: `any` for %, `one` for _, otherwise one literal character. */
export type LikePart = 'any' | 'one' | {readonly character: string};

export type LexError = {readonly offset: number; readonly message: string};

/** Escapes allowed in SOQL string literals (`\%` and `\_` only matter in LIKE patterns). */
const escapes: Readonly<Record<string, string>> = {
	n: '\n',
	r: '\r',
	t: '\t',
	b: '\b',
	f: '\f',
	'"': '"',
	"'": "'",
	'\\': '\\',
	'%': '%',
	_: '_',
};

const wordPattern = /[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*/y;
const dateTimePattern = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:?\d{2})/y;
const datePattern = /\d{4}-\d{2}-\d{2}(?![\w:])/y;
const numberPattern = /[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?![\w.])/y;
const symbols = ['!=', '<>', '<=', '>=', '=', '<', '>', ',', '(', ')'];

function matchAt(pattern: RegExp, input: string, offset: number): string | undefined {
	pattern.lastIndex = offset;
	return pattern.exec(input)?.[0];
}

function readString(input: string, start: number): {token: Token; end: number} | {error: LexError} {
	let value = '';
	// The same text as a LIKE pattern: % is any run, _ any one character, \% and \_ literal.
	const pattern: LikePart[] = [];
	let index = start + 1;
	while (index < input.length) {
		const character = input.charAt(index);
		if (character === "'") {
			const text = input.slice(start, index + 1);
			return {token: {kind: 'string', text, value, pattern, offset: start}, end: index + 1};
		}
		if (character === '\\') {
			const next = input.charAt(index + 1);
			const replacement = escapes[next];
			if (replacement === undefined) {
				const close = input.indexOf("'", index + 2);
				const literal = input.slice(start, close === -1 ? input.length : close + 1);
				return {
					error: {
						offset: start,
						message: `Invalid string literal '${literal}'. Illegal character sequence '\\${next}' in string literal.`,
					},
				};
			}
			value += replacement;
			pattern.push({character: replacement});
			index += 2;
			continue;
		}
		value += character;
		pattern.push(character === '%' ? 'any' : character === '_' ? 'one' : {character});
		index++;
	}
	return {error: {offset: input.length, message: `mismatched character '<EOF>' expecting '''`}};
}

/** Splits a query into tokens; the last token is always `eof`. */
export function tokenize(input: string): {tokens: Token[]} | {error: LexError} {
	const tokens: Token[] = [];
	let index = 0;
	while (index < input.length) {
		const character = input.charAt(index);
		if (/\s/.test(character)) {
			index++;
			continue;
		}
		if (character === "'") {
			const read = readString(input, index);
			if ('error' in read) return read;
			tokens.push(read.token);
			index = read.end;
			continue;
		}
		const dateTime = matchAt(dateTimePattern, input, index);
		if (dateTime !== undefined) {
			const value = parseDateTimeLiteral(dateTime);
			if (value === undefined) {
				return {error: {offset: index, message: `unexpected token: '${dateTime}'`}};
			}
			tokens.push({kind: 'datetime', text: dateTime, value, offset: index});
			index += dateTime.length;
			continue;
		}
		const date = matchAt(datePattern, input, index);
		if (date !== undefined) {
			tokens.push({kind: 'date', text: date, offset: index});
			index += date.length;
			continue;
		}
		const number = matchAt(numberPattern, input, index);
		if (number !== undefined) {
			tokens.push({kind: 'number', text: number, value: Number(number), offset: index});
			index += number.length;
			continue;
		}
		const word = matchAt(wordPattern, input, index);
		if (word !== undefined) {
			tokens.push({kind: 'word', text: word, offset: index});
			index += word.length;
			continue;
		}
		const symbol = symbols.find((candidate) => input.startsWith(candidate, index));
		if (symbol === undefined) {
			return {error: {offset: index, message: `unexpected token: '${character}'`}};
		}
		tokens.push({kind: 'symbol', text: symbol, offset: index});
		index += symbol.length;
	}
	const last = tokens.at(-1);
	const end = last ? last.offset + last.text.length : 0;
	tokens.push({kind: 'eof', text: '<EOF>', offset: end});
	return {tokens};
}
