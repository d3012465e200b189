import type {SelectItem} from '../../components/select-list/select-list-state.js';

export type SignInMethod = 'device' | 'browser' | 'paste';

export type MethodChoices = {
	readonly items: ReadonlyArray<SelectItem<SignInMethod>>;
	/** The row highlighted first: the way that works best where sftoken runs. */
	readonly recommended: number;
};

/**
 * The rows of "How do you want to sign in?". Over SSH the device code is recommended (no
 * browser here, and the loopback port is not the laptop's); locally the browser is. The
 * recommendation is in the label, which stays visible in narrow terminals.
 */
export function methodChoices(options: {readonly ssh: boolean}): MethodChoices {
	const {ssh} = options;
	return {
		recommended: ssh ? 0 : 1,
		items: [
			{
				key: 'device',
				label: ssh ? 'Device code · recommended over SSH' : 'Device code',
				detail: 'enter a code on any device — works over SSH',
				value: 'device',
			},
			{
				key: 'browser',
				label: ssh ? 'Browser' : 'Browser on this machine · recommended',
				detail: ssh
					? 'open a link on your computer, paste back the address it ends on'
					: 'log in in your browser; it comes back to localhost',
				value: 'browser',
			},
			{
				key: 'paste',
				label: 'Paste a token',
				detail: 'from Workbench, sf, Postman or a colleague',
				value: 'paste',
			},
		],
	};
}

/** Consumer keys of Salesforce apps start so; anything else is likely the secret or a typo. */
const consumerKeyPrefix = '3MVG';

/** What to say under the consumer key field about the text typed so far. */
export function clientIdFeedback(
	value: string,
	isValid: (clientId: string) => boolean,
): {readonly state: 'empty' | 'ok' | 'caution' | 'refused'; readonly message?: string} {
	const text = value.trim();
	if (text === '') return {state: 'empty'};
	if (!isValid(text)) {
		return {
			state: 'refused',
			message: 'A consumer key has only letters, digits, dots and underscores; paste it alone.',
		};
	}

	if (!text.startsWith(consumerKeyPrefix)) {
		return {
			state: 'caution',
			message: `Salesforce consumer keys start with ${consumerKeyPrefix}: check this is the key, not the secret.`,
		};
	}

	return {state: 'ok'};
}

/** The consumer key shortened for a status line: `3MVG9…Xa1b`. */
export function shortClientId(clientId: string): string {
	return clientId.length <= 16 ? clientId : `${clientId.slice(0, 9)}…${clientId.slice(-4)}`;
}
