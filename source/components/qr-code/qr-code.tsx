import {Box, Text} from 'ink';
import QRCode from 'qrcode';
import {defaultQuietZone, qrLines, qrSize, type QrMatrix, type QrSize} from './qr-lines.js';

/**
 * The QR matrix of a text, at the lowest error correction level: the code is read from a clean
 * screen, and every level up costs rows an 80×24 terminal does not have.
 */
export function qrMatrix(text: string): QrMatrix {
	const {modules} = QRCode.create(text, {errorCorrectionLevel: 'L'});
	return {size: modules.size, isDark: (row, column) => modules.get(row, column) === 1};
}

/** The drawn QR code of `text`: its lines and how much room they take. */
export function qrDrawing(text: string): QrSize & {readonly lines: readonly string[]} {
	const matrix = qrMatrix(text);
	return {...qrSize(matrix.size, defaultQuietZone), lines: qrLines(matrix)};
}

export type QrCodeProps = {
	readonly lines: readonly string[];
};

/**
 * Draws QR lines in bright white on black whatever the terminal's theme, so dark modules stay
 * dark: a code drawn in the theme's colours would come out inverted on a light background, which
 * many phone cameras do not read.
 */
export function QrCode({lines}: QrCodeProps) {
	return (
		<Box flexDirection="column" flexShrink={0}>
			{lines.map((line, index) => (
				// Lines never reorder: the index is a stable key.
				<Text key={index} color="whiteBright" backgroundColor="black" wrap="truncate-end">
					{line}
				</Text>
			))}
		</Box>
	);
}
