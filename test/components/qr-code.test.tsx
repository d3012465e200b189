import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {render} from 'ink-testing-library';
import {QrCode, qrDrawing, qrMatrix} from '../../source/components/qr-code/qr-code.js';
import {qrLines, qrSize, type QrMatrix} from '../../source/components/qr-code/qr-lines.js';

function matrixOf(rows: readonly string[]): QrMatrix {
	return {size: rows.length, isDark: (row, column) => rows[row]?.[column] === '#'};
}

/** Reads modules back from drawn lines: light when the half block shows, dark when not. */
function decode(lines: readonly string[], quietZone: number, size: number): boolean[][] {
	const light = (row: number, column: number) => {
		const char = lines[Math.floor(row / 2)]?.[column] ?? ' ';
		return row % 2 === 0 ? char === '█' || char === '▀' : char === '█' || char === '▄';
	};

	return Array.from({length: size}, (_row, row) =>
		Array.from({length: size}, (_column, column) => !light(row + quietZone, column + quietZone)),
	);
}

test('a known 3×3 matrix draws known lines, two module rows per line, in a light quiet zone', () => {
	const matrix = matrixOf(['#.#', '.#.', '##.']);
	assert.deepEqual(qrLines(matrix, 1), [
		'█▀█▀█',
		'█▀ ██',
		// The half row under an odd-sized code belongs to the quiet zone: light.
		'█████',
	]);
	assert.deepEqual(qrLines(matrixOf(['#']), 0), ['▄']);
	assert.deepEqual(qrLines(matrixOf(['.']), 0), ['█']);
});

test('the size of a drawing: the side plus the quiet zone, half as many lines', () => {
	assert.deepEqual(qrSize(29), {width: 33, height: 17});
	assert.deepEqual(qrSize(33), {width: 37, height: 19});
	assert.deepEqual(qrSize(21, 4), {width: 29, height: 15});
});

test('drawing loses no module: the lines read back as the matrix (any matrix)', () => {
	fc.assert(
		fc.property(
			fc.integer({min: 1, max: 12}).chain((size) =>
				fc.array(fc.array(fc.boolean(), {minLength: size, maxLength: size}), {
					minLength: size,
					maxLength: size,
				}),
			),
			fc.integer({min: 0, max: 4}),
			(cells, quietZone) => {
				const matrix: QrMatrix = {
					size: cells.length,
					isDark: (row, column) => cells[row]?.[column] === true,
				};
				const lines = qrLines(matrix, quietZone);
				const {width, height} = qrSize(cells.length, quietZone);
				assert.equal(lines.length, height);
				assert.ok(lines.every((line) => [...line].length === width));
				assert.deepEqual(decode(lines, quietZone, cells.length), cells);
			},
		),
	);
});

test('the QR code of a real verification URL reads back as the library’s matrix and fits 80×24 beside the text', () => {
	for (const url of [
		'https://login.salesforce.com/setup/connect?user_code=X1D9SEET',
		'https://acme--uat.sandbox.my.salesforce.com/setup/connect?user_code=X1D9SEET',
		'http://127.0.0.1:45678/setup/connect?user_code=ABCD1234',
	]) {
		const matrix = qrMatrix(url);
		const drawing = qrDrawing(url);
		const expected = Array.from({length: matrix.size}, (_row, row) =>
			Array.from({length: matrix.size}, (_column, column) => matrix.isDark(row, column)),
		);
		assert.deepEqual(decode(drawing.lines, 2, matrix.size), expected);
		// 80×24 leaves 20 rows between header and footer, and the text needs 30 columns.
		assert.ok(drawing.height <= 20, `${url}: ${drawing.height} lines`);
		assert.ok(drawing.width <= 80 - 30 - 2, `${url}: ${drawing.width} columns`);
	}
});

test('the view draws every line as it is', () => {
	const lines = qrLines(matrixOf(['#.', '.#']), 1);
	const {lastFrame, unmount} = render(<QrCode lines={lines} />);
	assert.equal(lastFrame(), lines.join('\n'));
	unmount();
});
