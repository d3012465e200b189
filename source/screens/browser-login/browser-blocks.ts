// What the browser screen says above and below the paste field, as blocks ranked by importance.
import type {AuthProblem} from '../../auth/problems.js';
import {formatClock} from '../device-login/device-texts.js';
import {paragraph, spacer, urlBlock, type Block} from '../sign-in/lines.js';
import type {BrowserLoginState} from './browser-login-state.js';

type Waiting = Extract<BrowserLoginState, {phase: 'waiting'}>;

export type BrowserBlocksInput = {
	readonly state: Waiting;
	readonly ssh: boolean;
	readonly now: number;
	readonly timeoutMs: number;
};

/** The part above the paste field: the URL, the browser, the listener. */
export function browserTopBlocks(input: BrowserBlocksInput, width: number): Block[] {
	const {login} = input.state;
	const blocks: Block[] = [
		paragraph(
			'url-label',
			input.ssh
				? 'Open this address in the browser on your own computer and log in:'
				: 'Log in at this address:',
			width,
			{priority: 2, style: 'dim'},
		),
		urlBlock('url', login.authorizeUrl, width, {priority: 0}),
	];
	if (login.browser.opened) {
		blocks.push(
			paragraph(
				'browser',
				'✓ Opened in your browser. Nothing there? Press o, or open the address yourself.',
				width,
				{
					priority: 3,
					style: 'success',
				},
			),
		);
	}

	blocks.push(spacer('after-url'));
	const left = input.state.since + input.timeoutMs - input.now;
	const listening = listenerLine(login.listenerProblem, login.redirectUri, login.listenPort);
	blocks.push(paragraph('listener', listening.text, width, {priority: 1, style: listening.style}));
	if (login.listenerProblem === undefined) {
		blocks.push(
			paragraph('time', `Gives up in ${formatClock(left)}.`, width, {priority: 5, style: 'dim'}),
		);
	}

	return blocks;
}

function listenerLine(
	problem: AuthProblem | undefined,
	redirectUri: string,
	listenPort: number | undefined,
): {text: string; style: 'plain' | 'warning'} {
	if (problem !== undefined) {
		return {
			text: `! ${problem.title}. ${problem.cause} Paste the address below instead.`,
			style: 'warning',
		};
	}

	// Behind `ssh -L` (or with --port) the port listened on is not the callback URL's.
	const port = URL.canParse(redirectUri) ? new URL(redirectUri).port : '';
	const where =
		listenPort === undefined || String(listenPort) === port
			? ''
			: ` (listening on 127.0.0.1:${listenPort})`;
	return {
		text: `Waiting for the browser to come back to ${redirectUri}${where} …`,
		style: 'plain',
	};
}

/** The label of the paste field: the main way over SSH, the fallback otherwise. */
export function pasteLabel(ssh: boolean, redirectUri: string): string {
	const origin = redirectUri.replace(/\/[^/]*$/u, '');
	return ssh
		? `Then paste the address your browser ended on (it starts with ${origin}, and may not load):`
		: 'Or paste the address your browser was redirected to:';
}
