import {Box, Text, useInput} from 'ink';
import {useMemo, useState} from 'react';
import type {LoggedInOrg} from '../../auth/complete-login.js';
import {QrCode, qrDrawing} from '../../components/qr-code/qr-code.js';
import type {KeyHint} from '../../components/key-hints/fit-key-hints.js';
import {useBareFrame} from '../../hooks/use-bare-frame.js';
import {useCancelOnCtrlC} from '../../hooks/use-cancel-on-ctrl-c.js';
import {useCopy} from '../../hooks/use-copy.js';
import {useDeviceLogin} from '../../hooks/use-device-login.js';
import {useKeyHints} from '../../hooks/use-key-hints.js';
import {useOpenUrl} from '../../hooks/use-open-url.js';
import {supportsHyperlinks} from '../../terminal/hyperlink.js';
import {fitBlocks, paragraph} from '../sign-in/lines.js';
import {LinesView} from '../sign-in/lines-view.js';
import {ProblemPanel} from '../sign-in/problem-panel.js';
import type {SignInServices} from '../sign-in/services.js';
import {SetupHelpPanel} from '../sign-in/setup-help-panel.js';
import {spacedCode} from './big-code.js';
import {deviceBlocks, type DemoUser} from './device-blocks.js';
import {useNow} from './use-now.js';

export type DeviceLoginScreenProps = {
	readonly loginUrl: string;
	readonly clientId: string;
	readonly services: SignInServices;
	/** Demo mode: the emulator user to log in as, shown on screen. */
	readonly demoUser?: DemoUser;
	/** Columns and rows the screen may use (the root's header and footer taken off). */
	readonly columns: number;
	readonly rows: number;
	readonly isActive: boolean;
	readonly onLoggedIn: (login: LoggedInOrg) => void;
	readonly onBack: () => void;
};

/** Columns between the text and the QR code. */
const gap = 2;
/** The text column needs this much beside the QR code, or the code goes (q brings it back). */
const minTextWidth = 30;

type Mode = 'main' | 'qr' | 'help';

/**
 * "Sign in with a device code": the user code big, the verification URL (a link where the
 * terminal supports it), a QR code of the URL for a phone, the countdown and the polling status.
 * `c` copies the code, `o` opens the URL where a browser can be opened, `q` shows the QR code
 * alone when it does not fit beside the text, Esc cancels and goes back.
 */
export function DeviceLoginScreen({
	loginUrl,
	clientId,
	services,
	demoUser,
	columns,
	rows,
	isActive,
	onLoggedIn,
	onBack,
}: DeviceLoginScreenProps) {
	const login = useDeviceLogin({services, loginUrl, clientId, onLoggedIn});
	const {state} = login;
	const [mode, setMode] = useState<Mode>('main');
	const [message, setMessage] = useState<string | undefined>();
	const copy = useCopy(services);
	const now = useNow(services.auth.now, state.phase === 'waiting');
	const hyperlinks = useMemo(() => supportsHyperlinks(services.env), [services.env]);
	const browser = useOpenUrl(services);
	const shown = state.phase === 'waiting' || state.phase === 'finishing' ? state : undefined;
	const code = shown?.code;
	const qr = useMemo(
		() => (code === undefined ? undefined : qrDrawing(code.verificationUriComplete)),
		[code],
	);
	const qrFits = qr !== undefined && columns >= qr.width + gap + minTextWidth && rows >= qr.height;
	const qrMode = mode === 'qr' && code !== undefined;
	useBareFrame(qrMode && isActive);
	useCancelOnCtrlC(login.inFlight ? login.cancel : undefined);

	const back = () => {
		login.cancel();
		onBack();
	};

	const copyCode = () => {
		if (code !== undefined) void copy(code.userCode, 'The code').then(setMessage);
	};

	const open = () => {
		if (code === undefined || !browser.canOpen) return;
		void browser.open(code.verificationUriComplete).then(setMessage);
	};

	useInput(
		(input, key) => {
			if (mode === 'help') {
				if (key.escape || input === '?') setMode('main');
				return;
			}

			if (mode === 'qr') {
				if (key.escape || input === 'q') setMode('main');
				else if (input === 'c') copyCode();
				return;
			}

			if (key.escape) back();
			else if (state.phase === 'failed') {
				if (input === 'r') login.retry();
				else if (input === '?') setMode('help');
			} else if (code !== undefined && state.phase === 'waiting') {
				if (input === 'c') copyCode();
				else if (input === 'o') open();
				else if (input === 'q' && !qrFits) setMode('qr');
			}
		},
		{isActive},
	);

	useKeyHints(
		hintsFor({
			mode,
			phase: state.phase,
			canOpen: browser.canOpen,
			qrHidden: !qrFits,
		}),
	);

	if (mode === 'help') {
		return (
			<SetupHelpPanel
				columns={columns}
				rows={rows}
				isActive={isActive}
				port={services.browserPort}
			/>
		);
	}

	if (state.phase === 'failed') {
		return (
			<ProblemPanel
				problem={state.problem}
				columns={columns}
				rows={rows}
				isActive={isActive}
				hyperlinks={hyperlinks}
			/>
		);
	}

	if (shown === undefined || code === undefined || qr === undefined) {
		const asking = state.phase === 'done' ? 'Signed in.' : `Asking ${loginUrl} for a device code…`;
		return (
			<LinesView
				lines={fitBlocks([paragraph('asking', asking, columns, {priority: 0})], rows)}
				hyperlinks={false}
			/>
		);
	}

	if (qrMode) {
		// Bare frame: no header, so the code has every row but the caption's and the footer's.
		if (columns < qr.width || rows < qr.height + 1) {
			const text = `The QR code needs a terminal of at least ${qr.width}×${qr.height + 2}; enlarge it, or type the address on your phone: ${code.verificationUri}`;
			return (
				<LinesView
					lines={fitBlocks([paragraph('too-small', text, columns, {priority: 0})], rows)}
					hyperlinks={false}
				/>
			);
		}

		return (
			<Box flexDirection="column">
				<Text wrap="truncate-end">{`Code ${spacedCode(code.userCode)} · scan to open ${code.verificationUri}`}</Text>
				<QrCode lines={qr.lines} />
			</Box>
		);
	}

	const textWidth = qrFits ? columns - qr.width - gap : columns;
	const lines = fitBlocks(
		deviceBlocks(
			{
				state: shown,
				now,
				qrShown: qrFits,
				...(qrFits ? {} : {qrHidden: 'QR code hidden: the terminal is too small · q shows it'}),
				...(demoUser === undefined ? {} : {demoUser}),
				...(message === undefined ? {} : {message}),
			},
			textWidth,
		),
		rows,
	);
	return (
		<Box>
			<LinesView lines={lines} width={textWidth} hyperlinks={hyperlinks} />
			{qrFits ? (
				<Box marginLeft={gap}>
					<QrCode lines={qr.lines} />
				</Box>
			) : null}
		</Box>
	);
}

function hintsFor(input: {
	mode: Mode;
	phase: string;
	canOpen: boolean;
	qrHidden: boolean;
}): KeyHint[] {
	if (input.mode === 'help')
		return [
			{keys: '↑↓', label: 'scroll'},
			{keys: '? Esc', label: 'close'},
		];
	if (input.mode === 'qr') {
		return [
			{keys: 'c', label: 'copy code'},
			{keys: 'q Esc', label: 'back'},
		];
	}

	if (input.phase === 'failed') {
		return [
			{keys: 'r', label: 'retry'},
			{keys: '?', label: 'setup steps'},
			{keys: 'Esc', label: 'back'},
		];
	}

	if (input.phase === 'waiting') {
		return [
			{keys: 'c', label: 'copy code'},
			...(input.canOpen ? [{keys: 'o', label: 'open browser'}] : []),
			...(input.qrHidden ? [{keys: 'q', label: 'QR code'}] : []),
			{keys: 'Esc', label: 'cancel'},
		];
	}

	return [{keys: 'Esc', label: 'cancel'}];
}
