// The device login's user code in letters three lines tall, for reading it off the screen from
// a distance or aloud. Glyphs are 4×5 pixels, drawn two pixel rows per line with half blocks.
// Zero has a slash, O has none: Salesforce codes mix letters and digits.

const font: Readonly<Record<string, readonly string[]>> = {
	'0': ['.##.', '#.##', '##.#', '#..#', '.##.'],
	'1': ['.#..', '##..', '.#..', '.#..', '###.'],
	'2': ['###.', '...#', '.##.', '#...', '####'],
	'3': ['###.', '...#', '.##.', '...#', '###.'],
	'4': ['#..#', '#..#', '####', '...#', '...#'],
	'5': ['####', '#...', '###.', '...#', '###.'],
	'6': ['.##.', '#...', '###.', '#..#', '.##.'],
	'7': ['####', '...#', '..#.', '.#..', '.#..'],
	'8': ['.##.', '#..#', '.##.', '#..#', '.##.'],
	'9': ['.##.', '#..#', '.###', '...#', '.##.'],
	A: ['.##.', '#..#', '####', '#..#', '#..#'],
	B: ['###.', '#..#', '###.', '#..#', '###.'],
	C: ['.###', '#...', '#...', '#...', '.###'],
	D: ['###.', '#..#', '#..#', '#..#', '###.'],
	E: ['####', '#...', '###.', '#...', '####'],
	F: ['####', '#...', '###.', '#...', '#...'],
	G: ['.###', '#...', '#.##', '#..#', '.###'],
	H: ['#..#', '#..#', '####', '#..#', '#..#'],
	I: ['###.', '.#..', '.#..', '.#..', '###.'],
	J: ['...#', '...#', '...#', '#..#', '.##.'],
	K: ['#..#', '#.#.', '##..', '#.#.', '#..#'],
	L: ['#...', '#...', '#...', '#...', '####'],
	M: ['#..#', '####', '####', '#..#', '#..#'],
	N: ['#..#', '##.#', '#.##', '#..#', '#..#'],
	O: ['.##.', '#..#', '#..#', '#..#', '.##.'],
	P: ['###.', '#..#', '###.', '#...', '#...'],
	Q: ['.##.', '#..#', '#..#', '#.#.', '.#.#'],
	R: ['###.', '#..#', '###.', '#.#.', '#..#'],
	S: ['.###', '#...', '.##.', '...#', '###.'],
	T: ['###.', '.#..', '.#..', '.#..', '.#..'],
	U: ['#..#', '#..#', '#..#', '#..#', '.##.'],
	V: ['#..#', '#..#', '#..#', '.##.', '.##.'],
	W: ['#..#', '#..#', '####', '####', '#..#'],
	X: ['#..#', '#..#', '.##.', '#..#', '#..#'],
	Y: ['#.#.', '#.#.', '.#..', '.#..', '.#..'],
	Z: ['####', '...#', '.##.', '#...', '####'],
};

const glyphWidth = 4;
const groupSize = 4;
const groupGap = '  ';

/** Splits a code into groups of four for reading aloud: `X1D9SEET` → `X1D9 SEET`. */
export function spacedCode(code: string): string {
	const chars = [...code];
	const groups: string[] = [];
	for (let index = 0; index < chars.length; index += groupSize) {
		groups.push(chars.slice(index, index + groupSize).join(''));
	}

	return groups.join(' ');
}

const halfBlocks = [' ', '▄', '▀', '█'] as const;

/**
 * The code in big letters, three lines, groups of four set apart; undefined when the code holds
 * a character the font lacks (the plain code is shown alone then).
 */
export function bigCodeLines(code: string): string[] | undefined {
	const chars = [...code.toUpperCase()];
	const glyphs = chars.map((char) => font[char]);
	if (glyphs.length === 0 || glyphs.some((glyph) => glyph === undefined)) return undefined;
	const lines: string[] = [];
	for (let row = 0; row < 5; row += 2) {
		let line = '';
		for (const [index, glyph] of glyphs.entries()) {
			if (index > 0) line += index % groupSize === 0 ? groupGap : ' ';
			for (let column = 0; column < glyphWidth; column++) {
				const top = glyph?.[row]?.[column] === '#' ? 2 : 0;
				const bottom = glyph?.[row + 1]?.[column] === '#' ? 1 : 0;
				line += halfBlocks[(top + bottom) as 0 | 1 | 2 | 3];
			}
		}

		lines.push(line.trimEnd());
	}

	return lines;
}

/** Columns the big code takes, to decide whether it fits. */
export function bigCodeWidth(code: string): number {
	const count = [...code].length;
	if (count === 0) return 0;
	const groups = Math.ceil(count / groupSize);
	return count * glyphWidth + (count - groups) + (groups - 1) * groupGap.length;
}
