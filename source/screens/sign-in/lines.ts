// Screens that must fit any terminal build their text as lines they wrapped themselves, in
// blocks ranked by importance: what does not fit is dropped whole, least important first, so a
// small terminal loses the explanations before the code or the URL — and never draws past the
// bottom edge, which Ink cannot erase.

export type LineStyle =
	'plain' | 'bold' | 'dim' | 'accent' | 'code' | 'warning' | 'error' | 'success' | 'secret';

export type Line = {
	readonly text: string;
	readonly style?: LineStyle;
	/** The whole URL this line is (a piece of): drawn as an OSC 8 link where supported. */
	readonly link?: string;
};

export type Block = {
	readonly key: string;
	readonly lines: readonly Line[];
	/** 0 must stay; higher numbers go first when rows run out. */
	readonly priority: number;
	/** An empty line between blocks: dropped first and never doubled, leading or trailing. */
	readonly spacer?: boolean;
};

/** Display width of plain text (every character the screens use is one cell wide). */
export function textWidth(text: string): number {
	return [...text].length;
}

/**
 * Word-wraps `text` to `width` columns. Words longer than a line (URLs, tokens) are cut where
 * the line ends, so nothing is ever wider than `width`.
 */
export function wrapText(text: string, width: number): string[] {
	const room = Math.max(width, 1);
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		let rest = [...word];
		const candidate = line === '' ? word : `${line} ${word}`;
		if (textWidth(candidate) <= room) {
			line = candidate;
			continue;
		}

		if (line !== '') lines.push(line);
		line = '';
		while (rest.length > room) {
			lines.push(rest.slice(0, room).join(''));
			rest = rest.slice(room);
		}

		line = rest.join('');
	}

	lines.push(line);
	return lines;
}

/** A block of wrapped text in one style. */
export function paragraph(
	key: string,
	text: string,
	width: number,
	options: {priority: number; style?: LineStyle; link?: string},
): Block {
	const style = options.style ?? 'plain';
	return {
		key,
		priority: options.priority,
		lines: wrapText(text, width).map((piece) => ({
			text: piece,
			style,
			...(options.link === undefined ? {} : {link: options.link}),
		})),
	};
}

/**
 * A URL cut into lines of `width`, each a piece of the same link — to `options.link` when the
 * link should go further than the text says (the device page with the code filled in).
 */
export function urlBlock(
	key: string,
	url: string,
	width: number,
	options: {priority: number; style?: LineStyle; link?: string},
): Block {
	const chars = [...url];
	const room = Math.max(width, 1);
	const lines: Line[] = [];
	for (let index = 0; index < chars.length; index += room) {
		lines.push({
			text: chars.slice(index, index + room).join(''),
			style: options.style ?? 'accent',
			link: options.link ?? url,
		});
	}

	return {key, priority: options.priority, lines};
}

export function spacer(key: string): Block {
	// A space, not '': Ink gives an empty Text no height.
	return {key, priority: 9, spacer: true, lines: [{text: ' '}]};
}

function rowsOf(blocks: readonly Block[]): number {
	return blocks.reduce((sum, block) => sum + block.lines.length, 0);
}

/** Drops leading, trailing and repeated spacers. */
function tidySpacers(blocks: readonly Block[]): Block[] {
	const tidy: Block[] = [];
	for (const block of blocks) {
		if (block.spacer && (tidy.length === 0 || tidy.at(-1)?.spacer)) continue;
		tidy.push(block);
	}

	while (tidy.at(-1)?.spacer) tidy.pop();
	return tidy;
}

/**
 * The blocks that fit in `rows`: spacers and the least important blocks (the highest priority
 * number, the later one first) are dropped until they do. If the blocks that must stay are still
 * too tall, the last lines are cut.
 */
export function fitBlocks(blocks: readonly Block[], rows: number): Line[] {
	let kept = tidySpacers(blocks);
	while (rowsOf(kept) > rows) {
		let worst = -1;
		for (let index = 0; index < kept.length; index++) {
			const priority = kept[index]?.priority ?? 0;
			if (priority > 0 && priority >= (kept[worst]?.priority ?? 0)) worst = index;
		}

		if (worst === -1) break;
		kept = tidySpacers(kept.filter((_block, index) => index !== worst));
	}

	return kept.flatMap((block) => block.lines).slice(0, Math.max(rows, 0));
}
