import type {LoggedInOrg} from '../../auth/complete-login.js';
import {maskToken} from '../../core/token-mask.js';
import {wrapText, type Line, type LineStyle} from '../sign-in/lines.js';

export type IdentityRow = {
	readonly label: string;
	readonly value: string;
	readonly style?: LineStyle;
};

/**
 * "Who am I": the user, the org, where its data lives, and the token — masked unless `revealed`
 * (the user pressed v on purpose). What userinfo did not say is said to be unknown, not guessed.
 */
export function identityRows(login: LoggedInOrg, revealed: boolean): IdentityRow[] {
	const {org, user} = login;
	const environment =
		org.sandbox === undefined
			? 'unknown (the org did not say)'
			: org.sandbox
				? 'Sandbox'
				: 'Production';
	return [
		{label: 'User', value: user.name ? `${user.name} · ${org.username}` : org.username},
		{label: 'Org', value: `${org.orgName ?? '(name unknown)'} · ${org.orgId}`},
		{label: 'Instance', value: org.instanceUrl},
		{label: 'Environment', value: environment},
		{label: 'API version', value: org.apiVersion === undefined ? 'unknown' : `v${org.apiVersion}`},
		{label: 'Saved as', value: org.alias},
		revealed
			? {label: 'Token', value: login.accessToken, style: 'secret'}
			: {label: 'Token', value: `${maskToken(login.accessToken)}  (masked)`},
	];
}

/** Notes worth a line each: where tokens went, a replaced login, a moved alias, a fixed paste. */
export function identityNotes(
	login: LoggedInOrg & {readonly removed?: readonly string[]},
): string[] {
	const notes: string[] = [];
	if (login.removed !== undefined && login.removed.length > 0) {
		notes.push(`Removed from the pasted token: ${login.removed.join(', ')}.`);
	}

	if (login.replaced) notes.push('Logged in again: the earlier login of this user was replaced.');
	if (login.renamed !== undefined) {
		notes.push(
			`The alias ${login.renamed.from} belonged to ${login.renamed.username}; that org is now ${login.renamed.to}.`,
		);
	}

	if (login.notice !== undefined) notes.push(login.notice);
	return notes;
}

const labelWidth = 13;

/** A row as lines: the label, then the value wrapped beside it (a revealed token takes several). */
export function rowLines(row: IdentityRow, width: number): Line[] {
	const valueWidth = Math.max(width - labelWidth, 8);
	return wrapText(row.value, valueWidth).map((piece, index) => ({
		text: `${index === 0 ? row.label.padEnd(labelWidth) : ' '.repeat(labelWidth)}${piece}`,
		style: row.style ?? 'plain',
	}));
}
