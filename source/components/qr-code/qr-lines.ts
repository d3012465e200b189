// A QR code drawn with half blocks: each text line holds two rows of modules, so the code keeps
// its square shape in a terminal, whose cells are about twice as tall as they are wide.

/** The modules of a QR code: `size` × `size`, dark or light. */
export type QrMatrix = {
	readonly size: number;
	isDark(row: number, column: number): boolean;
};

/** Light modules around the code. The standard asks for 4; 2 scan fine from a screen and fit. */
export const defaultQuietZone = 2;

export type QrSize = {readonly width: number; readonly height: number};

/** Columns and lines the drawn code takes, quiet zone included. */
export function qrSize(moduleCount: number, quietZone = defaultQuietZone): QrSize {
	const side = moduleCount + 2 * quietZone;
	return {width: side, height: Math.ceil(side / 2)};
}

// Index: top module light (2) + bottom module light (1). Light modules are drawn (foreground),
// dark ones left as background, so the view sets a light foreground on a dark background.
const cells = [' ', '▄', '▀', '█'] as const;

/**
 * The lines of a QR code, top to bottom. A character stands for two modules, one above the
 * other: `█` both light, `▀` only the top, `▄` only the bottom, space both dark. Everything
 * outside the matrix is light (the quiet zone), including the half row under an odd-sized code.
 */
export function qrLines(matrix: QrMatrix, quietZone = defaultQuietZone): string[] {
	const side = matrix.size + 2 * quietZone;
	const light = (row: number, column: number): boolean => {
		const r = row - quietZone;
		const c = column - quietZone;
		if (r < 0 || c < 0 || r >= matrix.size || c >= matrix.size) return true;
		return !matrix.isDark(r, c);
	};

	const lines: string[] = [];
	for (let row = 0; row < side; row += 2) {
		let line = '';
		for (let column = 0; column < side; column++) {
			const index = (light(row, column) ? 2 : 0) + (light(row + 1, column) ? 1 : 0);
			line += cells[index as 0 | 1 | 2 | 3];
		}

		lines.push(line);
	}

	return lines;
}
