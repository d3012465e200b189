// Recursive-descent parser for the SOQL subset the emulator serves:
//   SELECT item[, item…] FROM Object [WHERE condition] [ORDER BY field [ASC|DESC]
//   [NULLS FIRST|LAST][, …]] [LIMIT n] [OFFSET n]
// item: field, parent.field, COUNT(), COUNT(field) [alias], FIELDS(ALL|STANDARD);
// condition: AND / OR / NOT / parentheses over `field op value`, `field [NOT] IN (…)` and
// `field LIKE 'pattern'`. Anything else is MALFORMED_QUERY, as on Salesforce.

import type {
	ComparisonOperator,
	Condition,
	Literal,
	Name,
	OrderItem,
	Query,
	SelectItem,
	SoqlError,
} from './ast.js';
import {tokenize, type Token} from './lexer.js';

const reserved = new Set([
	'and',
	'asc',
	'by',
	'desc',
	'excludes',
	'false',
	'first',
	'for',
	'from',
	'group',
	'having',
	'in',
	'includes',
	'last',
	'like',
	'limit',
	'not',
	'null',
	'nulls',
	'offset',
	'or',
	'order',
	'select',
	'true',
	'typeof',
	'using',
	'where',
	'with',
]);

const comparisonOperators: Readonly<Record<string, ComparisonOperator>> = {
	'=': '=',
	'!=': '!=',
	'<>': '!=',
	'<': '<',
	'<=': '<=',
	'>': '>',
	'>=': '>=',
};

/** Thrown inside the parser only; parseSoql turns it into a value. */
class ParseFailure extends Error {
	readonly offset: number;
	constructor(offset: number, message: string) {
		super(message);
		this.offset = offset;
	}
}

function unexpected(token: Token): ParseFailure {
	return new ParseFailure(token.offset, `unexpected token: '${token.text}'`);
}

/** Deeper nesting than this is refused rather than risking the call stack. */
const maxDepth = 100;

function createCursor(tokens: readonly Token[]) {
	let position = 0;
	let depth = 0;
	const eof = tokens.at(-1);
	if (!eof) throw new Error('tokenize always ends with an eof token');
	const peek = (ahead = 0): Token => tokens[position + ahead] ?? eof;
	const isKeyword = (token: Token, keyword: string): boolean =>
		token.kind === 'word' && token.text.toLowerCase() === keyword;
	return {
		peek,
		next(): Token {
			const token = peek();
			if (token.kind !== 'eof') position++;
			return token;
		},
		/** Consumes the keyword when it comes next. */
		accept(keyword: string): boolean {
			if (!isKeyword(peek(), keyword)) return false;
			position++;
			return true;
		},
		expect(keyword: string): void {
			const token = peek();
			if (!isKeyword(token, keyword)) throw unexpected(token);
			position++;
		},
		acceptSymbol(symbol: string): boolean {
			const token = peek();
			if (token.kind !== 'symbol' || token.text !== symbol) return false;
			position++;
			return true;
		},
		expectSymbol(symbol: string): void {
			const token = peek();
			if (token.kind !== 'symbol' || token.text !== symbol) throw unexpected(token);
			position++;
		},
		isKeyword,
		/** Runs a nested parse, refusing runaway nesting such as thousands of NOTs. */
		nested<T>(parse: () => T): T {
			if (depth >= maxDepth) throw unexpected(peek());
			depth++;
			try {
				return parse();
			} finally {
				depth--;
			}
		},
	};
}

type Cursor = ReturnType<typeof createCursor>;

function isName(token: Token): boolean {
	return token.kind === 'word' && !reserved.has(token.text.toLowerCase());
}

function name(cursor: Cursor): Name {
	const token = cursor.peek();
	if (!isName(token)) throw unexpected(token);
	cursor.next();
	return {text: token.text, offset: token.offset};
}

function selectItem(cursor: Cursor): SelectItem {
	const token = cursor.peek();
	const opensCall = cursor.peek(1).kind === 'symbol' && cursor.peek(1).text === '(';
	if (opensCall && cursor.isKeyword(token, 'count')) {
		cursor.next();
		cursor.next();
		const field = isName(cursor.peek()) ? name(cursor) : undefined;
		cursor.expectSymbol(')');
		const alias = field && isName(cursor.peek()) ? name(cursor).text : undefined;
		return {
			kind: 'count',
			offset: token.offset,
			...(field ? {field} : {}),
			...(alias === undefined ? {} : {alias}),
		};
	}
	if (opensCall && cursor.isKeyword(token, 'fields')) {
		cursor.next();
		cursor.next();
		const which = cursor.peek();
		const upper = which.text.toUpperCase();
		if (which.kind !== 'word' || (upper !== 'ALL' && upper !== 'STANDARD')) throw unexpected(which);
		cursor.next();
		cursor.expectSymbol(')');
		return {kind: 'fields', which: upper, offset: token.offset};
	}
	return {kind: 'field', name: name(cursor)};
}

function literal(cursor: Cursor): Literal {
	const token = cursor.next();
	const base = {offset: token.offset, text: token.text};
	switch (token.kind) {
		case 'string': {
			return {...base, kind: 'string', value: token.value, pattern: token.pattern};
		}
		case 'number': {
			return {...base, kind: 'number', value: token.value};
		}
		case 'datetime': {
			return {...base, kind: 'datetime', value: token.value};
		}
		case 'date': {
			return {...base, kind: 'date'};
		}
		case 'word': {
			const lower = token.text.toLowerCase();
			if (lower === 'true' || lower === 'false') {
				return {...base, kind: 'boolean', value: lower === 'true'};
			}
			if (lower === 'null') return {...base, kind: 'null'};
			throw unexpected(token);
		}
		default: {
			throw unexpected(token);
		}
	}
}

function predicate(cursor: Cursor): Condition {
	const field = name(cursor);
	const token = cursor.peek();
	if (token.kind === 'symbol') {
		const operator = comparisonOperators[token.text];
		if (operator === undefined) throw unexpected(token);
		cursor.next();
		return {kind: 'compare', field, operator, value: literal(cursor)};
	}
	if (cursor.accept('like')) return {kind: 'like', field, value: literal(cursor)};
	const negated = cursor.accept('not');
	if (!cursor.accept('in')) throw unexpected(cursor.peek());
	cursor.expectSymbol('(');
	const values = [literal(cursor)];
	while (cursor.acceptSymbol(',')) values.push(literal(cursor));
	cursor.expectSymbol(')');
	return {kind: 'in', field, negated, values};
}

function unary(cursor: Cursor): Condition {
	if (cursor.accept('not')) return {kind: 'not', operand: cursor.nested(() => unary(cursor))};
	if (cursor.acceptSymbol('(')) {
		const inner = cursor.nested(() => condition(cursor));
		cursor.expectSymbol(')');
		return inner;
	}
	return predicate(cursor);
}

/** AND and OR may not be mixed without parentheses, as in SOQL. */
function condition(cursor: Cursor): Condition {
	const first = unary(cursor);
	const joiner = cursor.isKeyword(cursor.peek(), 'and')
		? 'and'
		: cursor.isKeyword(cursor.peek(), 'or')
			? 'or'
			: undefined;
	if (!joiner) return first;
	const operands = [first];
	while (cursor.accept(joiner)) operands.push(unary(cursor));
	const other = joiner === 'and' ? 'or' : 'and';
	if (cursor.isKeyword(cursor.peek(), other)) throw unexpected(cursor.peek());
	return {kind: joiner, operands};
}

function orderItem(cursor: Cursor): OrderItem {
	const field = name(cursor);
	let descending = false;
	if (cursor.accept('desc')) descending = true;
	else cursor.accept('asc');
	let nullsLast = descending;
	if (cursor.accept('nulls')) {
		if (cursor.accept('first')) nullsLast = false;
		else {
			cursor.expect('last');
			nullsLast = true;
		}
	}
	return {name: field, descending, nullsLast};
}

function count(cursor: Cursor): {value: number; offset: number} {
	const token = cursor.next();
	if (token.kind !== 'number' || !/^\d+$/.test(token.text)) throw unexpected(token);
	return {value: token.value, offset: token.offset};
}

function query(cursor: Cursor): Query {
	cursor.expect('select');
	const select = [selectItem(cursor)];
	while (cursor.acceptSymbol(',')) select.push(selectItem(cursor));
	cursor.expect('from');
	const from = name(cursor);
	const where = cursor.accept('where') ? condition(cursor) : undefined;
	const orderBy: OrderItem[] = [];
	if (cursor.accept('order')) {
		cursor.expect('by');
		orderBy.push(orderItem(cursor));
		while (cursor.acceptSymbol(',')) orderBy.push(orderItem(cursor));
	}
	const limit = cursor.accept('limit') ? count(cursor) : undefined;
	const offset = cursor.accept('offset') ? count(cursor) : undefined;
	const rest = cursor.peek();
	if (rest.kind !== 'eof') throw unexpected(rest);
	return {
		select,
		from,
		...(where ? {where} : {}),
		orderBy,
		...(limit ? {limit} : {}),
		...(offset ? {offset} : {}),
	};
}

/** Parses SOQL text; never throws: a syntax error comes back as a MALFORMED_QUERY value. */
export function parseSoql(text: string): {query: Query} | {error: SoqlError} {
	const lexed = tokenize(text);
	if ('error' in lexed) return {error: {errorCode: 'MALFORMED_QUERY', ...lexed.error}};
	try {
		return {query: query(createCursor(lexed.tokens))};
	} catch (error) {
		if (error instanceof ParseFailure) {
			return {error: {errorCode: 'MALFORMED_QUERY', offset: error.offset, message: error.message}};
		}
		throw error;
	}
}
