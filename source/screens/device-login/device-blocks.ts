// What the device screen says, as blocks of lines ranked by importance (see ../sign-in/lines.ts):
// the code and the address must survive any terminal; the explanations go first.
import {bigCodeLines, bigCodeWidth, spacedCode} from './big-code.js';
import type {DeviceLoginState} from './device-login-state.js';
import {assumedLifetimeNote, finishingLine, pollLine, timeLine} from './device-texts.js';
import {paragraph, spacer, urlBlock, type Block} from '../sign-in/lines.js';

export const securityWarning = 'Only enter this code if you started this login yourself.';

export type DemoUser = {readonly username: string; readonly password: string};

export type DeviceBlocksInput = {
	readonly state: Extract<DeviceLoginState, {phase: 'waiting' | 'finishing'}>;
	readonly now: number;
	/** The QR code is drawn beside these lines. */
	readonly qrShown: boolean;
	/** Why the QR code is not drawn, when it is not (the terminal is too small). */
	readonly qrHidden?: string;
	readonly demoUser?: DemoUser;
	/** The confirmation of the last `c` or `o`. */
	readonly message?: string;
};

const spinner = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] as const;

/** The device screen's text column, `width` wide. */
export function deviceBlocks(input: DeviceBlocksInput, width: number): Block[] {
	const {state, now} = input;
	const {code} = state;
	const big = bigCodeWidth(code.userCode) <= width ? bigCodeLines(code.userCode) : undefined;
	const blocks: Block[] = [
		paragraph('code-label', 'Your code:', width, {priority: 3, style: 'dim'}),
		...(big === undefined
			? []
			: [
					{
						key: 'big-code',
						priority: 4,
						lines: big.map((text) => ({text, style: 'code' as const})),
					},
				]),
		paragraph('code', spacedCode(code.userCode), width, {priority: 0, style: 'code'}),
		spacer('after-code'),
		paragraph(
			'url-label',
			input.qrShown
				? 'Enter it at this address (or scan the QR code):'
				: 'Enter it at this address:',
			width,
			{priority: 2, style: 'dim'},
		),
		// The text is the address to type; a click opens it with the code filled in.
		urlBlock('url', code.verificationUri, width, {
			priority: 0,
			link: code.verificationUriComplete,
		}),
	];
	// Right under the address: the emulator's page asks for them. Before the warning, which
	// goes first in a tiny terminal (a demo login is not someone else's).
	if (input.demoUser !== undefined) {
		blocks.push(
			paragraph(
				'demo',
				`Demo login: ${input.demoUser.username} / ${input.demoUser.password}`,
				width,
				{priority: 1, style: 'accent'},
			),
		);
	}

	blocks.push(spacer('after-url'));

	if (state.phase === 'finishing') {
		blocks.push(
			paragraph('status', finishingLine(state.step), width, {priority: 1, style: 'success'}),
		);
	} else {
		const second = Math.floor((now - state.shownAt) / 1000);
		const turn = spinner[((second % spinner.length) + spinner.length) % spinner.length] ?? '';
		const time = timeLine(state, now);
		blocks.push(
			paragraph('status', `${turn} ${pollLine(state, now)}`, width, {priority: 1}),
			paragraph('time', time.text, width, {priority: 1, style: time.urgent ? 'warning' : 'plain'}),
		);
		if (code.expiresInAssumed) {
			blocks.push(paragraph('lifetime', assumedLifetimeNote, width, {priority: 6, style: 'dim'}));
		}
	}

	blocks.push(
		spacer('after-status'),
		paragraph('warning', `! ${securityWarning}`, width, {priority: 1, style: 'warning'}),
	);
	if (input.message !== undefined) {
		blocks.push(paragraph('message', input.message, width, {priority: 2, style: 'success'}));
	}

	if (input.qrHidden !== undefined) {
		blocks.push(paragraph('qr-hidden', input.qrHidden, width, {priority: 2, style: 'dim'}));
	}

	return blocks;
}
