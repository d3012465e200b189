import {useInput} from 'ink';
import {useState} from 'react';
import type {LoggedInOrg} from '../../auth/complete-login.js';
import type {KeyHint} from '../../components/key-hints/fit-key-hints.js';
import {useCopy} from '../../hooks/use-copy.js';
import {useKeyHints} from '../../hooks/use-key-hints.js';
import {fitBlocks, paragraph, spacer, type Block} from '../sign-in/lines.js';
import {LinesView} from '../sign-in/lines-view.js';
import type {SignInServices} from '../sign-in/services.js';
import {identityNotes, identityRows, rowLines} from './identity-rows.js';

export type IdentityScreenProps = {
	readonly login: LoggedInOrg & {readonly removed?: readonly string[]};
	readonly services: Pick<SignInServices, 'env' | 'copyLocal'>;
	readonly columns: number;
	readonly rows: number;
	readonly isActive: boolean;
	readonly onBack: () => void;
	/** The next step (the request screen). Without it Enter does nothing and is not offered. */
	readonly onContinue?: () => void;
};

/**
 * "Who am I": who the token belongs to, in which org, where the org's data lives, and the token
 * itself — masked; `v` reveals it and `c` copies it, both on purpose only.
 */
export function IdentityScreen({
	login,
	services,
	columns,
	rows,
	isActive,
	onBack,
	onContinue,
}: IdentityScreenProps) {
	const [revealed, setRevealed] = useState(false);
	const [message, setMessage] = useState<string | undefined>();
	const copy = useCopy(services);

	useInput(
		(input, key) => {
			if (key.escape) onBack();
			else if (input === 'v') setRevealed((shown) => !shown);
			else if (input === 'c') void copy(login.accessToken, 'The token').then(setMessage);
			else if (key.return && onContinue !== undefined) onContinue();
		},
		{isActive},
	);

	const hints: KeyHint[] = [
		{keys: 'v', label: revealed ? 'hide token' : 'reveal token'},
		{keys: 'c', label: 'copy token'},
		...(onContinue === undefined ? [] : [{keys: 'Enter', label: 'continue'}]),
		{keys: 'Esc', label: 'back'},
	];
	useKeyHints(hints);

	const blocks: Block[] = [
		paragraph('signed-in', `✓ Signed in as ${login.org.username}`, columns, {
			priority: 2,
			style: 'success',
		}),
		spacer('after-heading'),
		...identityRows(login, revealed).map((row) => ({
			key: row.label,
			// The token row matters most: it is what the user came for.
			priority: row.label === 'Token' || row.label === 'User' || row.label === 'Org' ? 0 : 1,
			lines: rowLines(row, columns),
		})),
	];
	const notes = identityNotes(login);
	if (notes.length > 0 || message !== undefined) blocks.push(spacer('before-notes'));
	for (const [index, note] of notes.entries()) {
		blocks.push(paragraph(`note-${index}`, note, columns, {priority: 3, style: 'warning'}));
	}

	if (message !== undefined) {
		blocks.push(paragraph('message', message, columns, {priority: 2, style: 'success'}));
	}

	return <LinesView lines={fitBlocks(blocks, rows)} hyperlinks={false} />;
}
