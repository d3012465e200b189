/**
 * A validating JSON scanner that records, instead of building objects, where each line of the
 * pretty-printed form (`JSON.stringify(value, null, 2)`) starts in the raw text and how deep it
 * is indented. A 20 MB body costs two typed arrays (5 bytes a line) next to the text it already
 * is, and no object graph. It runs in steps of a character budget so a caller can index a big
 * body between keystrokes, and reports the first syntax error with its offset.
 *
 * Pretty lines start at: the first token; the first token after a `{` or `[` that is not closed
 * at once; the first token after a `,`; and the closing bracket of a non-empty container. An
 * empty container (`{}`, `[ ]`) stays on the line of its key.
 */

export type JsonSyntaxError = {
	/** 0-based offset of the character where the text stops being JSON. */
	readonly offset: number;
	readonly message: string;
};

/** What a Salesforce query answer says about itself, read from its top-level keys. */
export type QueryInfo = {
	readonly totalSize?: number;
	readonly done?: boolean;
	readonly nextRecordsUrl?: string;
	/** Elements of the top-level `records` array. */
	readonly records?: number;
};

/** Bit 7 of a line's depth byte: the line is inside an object, so a string first is a key. */
export const inObjectBit = 0x80;
/** Indentation levels kept; deeper lines are drawn at this depth. */
export const maxDepth = 0x7f;

const expecting = {value: 0, key: 1, colon: 2, after: 3, end: 4} as const;
type Expect = (typeof expecting)[keyof typeof expecting];

const objectType = 1;
const arrayType = 2;

const queryKeys = new Set(['totalSize', 'done', 'nextRecordsUrl', 'records']);

function isWhitespace(code: number): boolean {
	return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function isDigit(code: number): boolean {
	return code >= 0x30 && code <= 0x39;
}

function isHex(code: number): boolean {
	return isDigit(code) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

function describeChar(code: number): string {
	if (code < 0x20 || code === 0x7f) return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
	return `'${String.fromCharCode(code)}'`;
}

class SyntaxProblem extends Error {
	readonly offset: number;

	constructor(offset: number, message: string) {
		super(message);
		this.offset = offset;
	}
}

/** Indexes one JSON text; see the file comment. */
export class JsonLineScanner {
	readonly text: string;
	/** Raw offset of the first token of each line. */
	starts: Uint32Array;
	/** Indentation depth of each line (capped at maxDepth), with inObjectBit. */
	depths: Uint8Array;
	count = 0;
	error: JsonSyntaxError | undefined;
	done = false;
	/** True when the whole text is one string value (a candidate for unwrapping). */
	topLevelString = false;
	position = 0;

	#expect: Expect = expecting.value;
	#stack: number[] = [];
	#pendingLine = true;
	#topKey: string | undefined;
	#recordsOpen = false;
	#query: {totalSize?: number; done?: boolean; nextRecordsUrl?: string; records?: number} = {};

	constructor(text: string) {
		this.text = text;
		// Compact JSON averages a line per 20–40 characters; the arrays grow when that is wrong.
		const guess = Math.max(64, Math.ceil(text.length / 24));
		this.starts = new Uint32Array(guess);
		this.depths = new Uint8Array(guess);
	}

	get query(): QueryInfo {
		return this.#query;
	}

	/**
	 * Scans about `budget` more characters (to the next token boundary); returns true once the
	 * text is fully scanned or an error was found.
	 */
	advance(budget = Number.POSITIVE_INFINITY): boolean {
		if (this.done) return true;
		const limit = this.position + budget;
		try {
			this.#scan(limit);
		} catch (error) {
			if (!(error instanceof SyntaxProblem)) throw error;
			this.error = {offset: error.offset, message: error.message};
			this.done = true;
		}

		return this.done;
	}

	#pushLine(offset: number): void {
		if (this.count === this.starts.length) {
			const starts = new Uint32Array(this.starts.length * 2);
			starts.set(this.starts);
			this.starts = starts;
			const depths = new Uint8Array(this.depths.length * 2);
			depths.set(this.depths);
			this.depths = depths;
		}

		const depth = Math.min(this.#stack.length, maxDepth);
		this.starts[this.count] = offset;
		this.depths[this.count] = this.#stack.at(-1) === objectType ? depth | inObjectBit : depth;
		this.count++;
	}

	#scan(limit: number): void {
		const {text} = this;
		const {length} = text;
		let pos = this.position;
		while (pos < length) {
			if (pos >= limit) {
				this.position = pos;
				return;
			}

			const code = text.charCodeAt(pos);
			if (isWhitespace(code)) {
				pos++;
				continue;
			}

			switch (this.#expect) {
				case expecting.value: {
					pos = this.#value(pos, code);
					break;
				}

				case expecting.key: {
					if (this.#pendingLine) {
						this.#pushLine(pos);
						this.#pendingLine = false;
					}

					if (code !== 0x22) {
						throw new SyntaxProblem(
							pos,
							code === 0x7d
								? "Expected a property name after ',' (a trailing comma?)"
								: `Expected a double-quoted property name, found ${describeChar(code)}`,
						);
					}

					const end = this.#string(pos);
					if (this.#stack.length === 1) {
						this.#topKey = end - pos <= 32 ? text.slice(pos + 1, end - 1) : undefined;
					}

					pos = end;
					this.#expect = expecting.colon;
					break;
				}

				case expecting.colon: {
					if (code !== 0x3a) {
						throw new SyntaxProblem(
							pos,
							`Expected ':' after the property name, found ${describeChar(code)}`,
						);
					}

					pos++;
					this.#expect = expecting.value;
					break;
				}

				case expecting.after: {
					pos = this.#after(pos, code);
					break;
				}

				case expecting.end: {
					throw new SyntaxProblem(pos, 'Unexpected text after the JSON value');
				}
			}
		}

		this.position = pos;
		if (this.#expect !== expecting.end) {
			throw new SyntaxProblem(
				length,
				length === 0 || this.count === 0 ? 'No JSON value' : 'Unexpected end (the JSON is cut off)',
			);
		}

		this.done = true;
	}

	#value(pos: number, code: number): number {
		const {text} = this;
		if (this.#pendingLine) {
			this.#pushLine(pos);
			this.#pendingLine = false;
		}

		const inRecords = this.#recordsOpen && this.#stack.length === 2;
		if (inRecords) this.#query.records = (this.#query.records ?? 0) + 1;
		const topKey = this.#stack.length === 1 ? this.#topKey : undefined;
		const start = pos;
		let end: number;
		if (code === 0x7b || code === 0x5b) {
			const close = code === 0x7b ? 0x7d : 0x5d;
			let next = pos + 1;
			while (next < text.length && isWhitespace(text.charCodeAt(next))) next++;
			if (text.charCodeAt(next) === close) {
				end = next + 1;
				if (topKey === 'records' && code === 0x5b) this.#query.records = 0;
			} else {
				this.#stack.push(code === 0x7b ? objectType : arrayType);
				if (topKey === 'records' && code === 0x5b) {
					this.#recordsOpen = true;
					this.#query.records = 0;
				}

				this.#expect = code === 0x7b ? expecting.key : expecting.value;
				this.#pendingLine = true;
				return pos + 1;
			}
		} else if (code === 0x22) {
			end = this.#string(pos);
			if (this.#stack.length === 0) this.topLevelString = true;
		} else if (code === 0x2d || isDigit(code)) {
			end = this.#number(pos);
		} else if (code === 0x74 || code === 0x66 || code === 0x6e) {
			const word = code === 0x74 ? 'true' : code === 0x66 ? 'false' : 'null';
			if (!text.startsWith(word, pos)) {
				throw new SyntaxProblem(pos, `Expected ${word}`);
			}

			end = pos + word.length;
		} else if (code === 0x5d || code === 0x7d) {
			throw new SyntaxProblem(pos, "Expected a value (a trailing comma, or ',,'?)");
		} else {
			throw new SyntaxProblem(pos, `Unexpected ${describeChar(code)} where a value belongs`);
		}

		if (topKey !== undefined && queryKeys.has(topKey)) this.#noteQueryValue(topKey, start, end);
		this.#expect = this.#stack.length === 0 ? expecting.end : expecting.after;
		return end;
	}

	#noteQueryValue(key: string, start: number, end: number): void {
		const raw = this.text.slice(start, Math.min(end, start + 4096));
		if (key === 'totalSize' && /^\d+$/u.test(raw)) this.#query.totalSize = Number(raw);
		else if (key === 'done' && (raw === 'true' || raw === 'false'))
			this.#query.done = raw === 'true';
		else if (key === 'nextRecordsUrl' && raw.startsWith('"') && end - start <= 4096) {
			const url: unknown = JSON.parse(raw);
			if (typeof url === 'string') this.#query.nextRecordsUrl = url;
		}
	}

	#after(pos: number, code: number): number {
		const top = this.#stack.at(-1);
		if (code === 0x2c) {
			this.#expect = top === objectType ? expecting.key : expecting.value;
			this.#pendingLine = true;
			return pos + 1;
		}

		const close = top === objectType ? 0x7d : 0x5d;
		if (code === close) {
			this.#stack.pop();
			if (this.#stack.length < 2) this.#recordsOpen = false;
			this.#pushLine(pos);
			this.#expect = this.#stack.length === 0 ? expecting.end : expecting.after;
			return pos + 1;
		}

		throw new SyntaxProblem(
			pos,
			top === objectType
				? `Expected ',' or '}' after a property value, found ${describeChar(code)}`
				: `Expected ',' or ']' after an array element, found ${describeChar(code)}`,
		);
	}

	/** Returns the offset after the closing quote. */
	#string(pos: number): number {
		const {text} = this;
		const {length} = text;
		let index = pos + 1;
		while (index < length) {
			const code = text.charCodeAt(index);
			if (code === 0x22) return index + 1;
			if (code === 0x5c) {
				const escaped = text.charCodeAt(index + 1);
				if (escaped === 0x75) {
					for (let hex = index + 2; hex < index + 6; hex++) {
						if (!isHex(text.charCodeAt(hex))) {
							throw new SyntaxProblem(index, 'Bad \\u escape: it needs 4 hex digits');
						}
					}

					index += 6;
					continue;
				}

				// " \ / b f n r t
				if (
					escaped === 0x22 ||
					escaped === 0x5c ||
					escaped === 0x2f ||
					escaped === 0x62 ||
					escaped === 0x66 ||
					escaped === 0x6e ||
					escaped === 0x72 ||
					escaped === 0x74
				) {
					index += 2;
					continue;
				}

				throw new SyntaxProblem(
					index,
					Number.isNaN(escaped)
						? 'Unterminated string'
						: `Bad escape \\${String.fromCharCode(escaped)} in a string`,
				);
			}

			if (code < 0x20) {
				const name =
					code === 0x0a
						? 'A line break'
						: code === 0x09
							? 'A tab'
							: `Control character ${describeChar(code)}`;
				const escape =
					code === 0x0a
						? '\\n'
						: code === 0x09
							? '\\t'
							: code === 0x0d
								? '\\r'
								: `\\u${code.toString(16).padStart(4, '0')}`;
				throw new SyntaxProblem(index, `${name} inside a string: write it as ${escape}`);
			}

			index++;
		}

		throw new SyntaxProblem(length, 'Unterminated string');
	}

	#number(pos: number): number {
		const {text} = this;
		let index = pos;
		if (text.charCodeAt(index) === 0x2d) index++;
		const first = text.charCodeAt(index);
		if (first === 0x30) {
			index++;
		} else if (isDigit(first)) {
			while (isDigit(text.charCodeAt(index))) index++;
		} else {
			throw new SyntaxProblem(index, "Expected a digit after '-'");
		}

		if (text.charCodeAt(index) === 0x2e) {
			index++;
			if (!isDigit(text.charCodeAt(index))) {
				throw new SyntaxProblem(index, "Expected a digit after '.' in a number");
			}

			while (isDigit(text.charCodeAt(index))) index++;
		}

		const exponent = text.charCodeAt(index);
		if (exponent === 0x65 || exponent === 0x45) {
			index++;
			const sign = text.charCodeAt(index);
			if (sign === 0x2b || sign === 0x2d) index++;
			if (!isDigit(text.charCodeAt(index))) {
				throw new SyntaxProblem(index, 'Expected a digit in the exponent of a number');
			}

			while (isDigit(text.charCodeAt(index))) index++;
		}

		// A letter or digit glued to a number (`01`, `1x`) is not JSON.
		const next = text.charCodeAt(index);
		if (isDigit(next) || (next >= 0x41 && next <= 0x5a) || (next >= 0x61 && next <= 0x7a)) {
			throw new SyntaxProblem(index, `Unexpected ${describeChar(next)} in a number`);
		}

		return index;
	}
}

/**
 * 1-based line and column of an offset, for error messages ("line 3, column 5"). Columns count
 * UTF-16 code units, as editors showing JSON usually do.
 */
export function lineAndColumn(text: string, offset: number): {line: number; column: number} {
	let line = 1;
	let lineStart = 0;
	const end = Math.min(offset, text.length);
	for (
		let index = text.indexOf('\n');
		index !== -1 && index < end;
		index = text.indexOf('\n', index + 1)
	) {
		line++;
		lineStart = index + 1;
	}

	return {line, column: end - lineStart + 1};
}
