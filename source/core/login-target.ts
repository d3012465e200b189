// Where to log in: the answer of the interactive login step and of headless `--domain` flags.
// Accepts the generic hosts, any org URL (through deriveLoginUrl) and, for the built-in
// emulator only, a loopback http address — the one place a token may travel without TLS.
import {genericLoginHosts, proxySuffix} from './domain-families.js';
import {forbiddenCharacter, maxInputLength, parseAddress, trimPasted} from './domain-input.js';
import {deriveLoginUrl, type OrgKind} from './domain.js';

export type LoginTarget = {
	readonly loginUrl: string;
	readonly label: string;
	readonly kind: OrgKind | 'unknown';
	readonly source: 'generic' | 'my-domain' | 'emulator';
};

export type LoginTargetResult =
	| {
			readonly ok: true;
			readonly target: LoginTarget;
			readonly unsure: boolean;
			readonly note?: string;
	  }
	| {readonly ok: false; readonly reason: string; readonly message: string};

/** login.salesforce.com serves production, Developer Edition and Trailhead Playgrounds alike. */
export const productionLogin: LoginTarget = {
	loginUrl: 'https://login.salesforce.com',
	label: 'Production / Developer Edition',
	kind: 'unknown',
	source: 'generic',
};

export const sandboxLogin: LoginTarget = {
	loginUrl: 'https://test.salesforce.com',
	label: 'Sandbox',
	kind: 'sandbox',
	source: 'generic',
};

const loopbackPattern = /^(https?):\/\/(127\.0\.0\.1|localhost|\[::1\])(?::(\d{1,5}))?(?=[/?#]|$)/i;

const proxyNote =
	'The Microsoft Defender for Cloud Apps proxy suffix .mcas.ms was removed; log in at the org itself.';

function refuse(reason: string, message: string): LoginTargetResult {
	return {ok: false, reason, message};
}

function loopbackTarget(text: string, allowLoopback: boolean): LoginTargetResult | undefined {
	const match = loopbackPattern.exec(text);
	if (match === null) return undefined;
	const [, scheme = '', host = '', port] = match;
	if (forbiddenCharacter(text) !== undefined) {
		return refuse(
			'invalid-characters',
			'The text contains a space, line break or control character; paste a single URL.',
		);
	}

	if (!allowLoopback) {
		return refuse(
			'loopback-not-allowed',
			'Loopback addresses are only for the built-in emulator (sftoken --demo); paste a URL of your Salesforce org instead.',
		);
	}

	if (port !== undefined && (Number(port) < 1 || Number(port) > 65_535)) {
		return refuse('port-not-allowed', `${port} is not a valid port number (1–65535).`);
	}

	const loginUrl = `${scheme.toLowerCase()}://${host.toLowerCase()}${port === undefined ? '' : `:${port}`}`;
	return {
		ok: true,
		target: {loginUrl, label: 'Local emulator', kind: 'unknown', source: 'emulator'},
		unsure: false,
	};
}

function genericTarget(text: string): LoginTargetResult | undefined {
	const address = parseAddress(text);
	if (!address.ok) return undefined;
	const viaProxy = address.host.endsWith(proxySuffix);
	const host = viaProxy ? address.host.slice(0, -proxySuffix.length) : address.host;
	if (!genericLoginHosts.has(host)) return undefined;
	if (address.port !== undefined && address.port !== '' && address.port !== '443') {
		return refuse(
			'port-not-allowed',
			`${host} is only served on the standard https port; remove the ":port" part.`,
		);
	}

	const target = host === 'test.salesforce.com' ? sandboxLogin : productionLogin;
	return viaProxy
		? {ok: true, target, unsure: true, note: proxyNote}
		: {ok: true, target, unsure: false};
}

/**
 * Parses where the user wants to log in: `login` / `test` (or their hosts), any org URL, or —
 * with `allowLoopback` — the emulator's `http://127.0.0.1:PORT`. Plain http is refused for
 * everything else: an org URL pasted with http:// is upgraded to https by deriveLoginUrl, and
 * any other http host could receive the token in clear text.
 *
 * @example parseLoginTarget('test') // → {ok: true, target: sandboxLogin, unsure: false}
 */
export function parseLoginTarget(
	input: string,
	options: {readonly allowLoopback?: boolean} = {},
): LoginTargetResult {
	const text = typeof input === 'string' && input.length <= maxInputLength ? trimPasted(input) : '';
	const keyword = text.toLowerCase();
	if (keyword === 'login') return {ok: true, target: productionLogin, unsure: false};
	if (keyword === 'test') return {ok: true, target: sandboxLogin, unsure: false};
	const special = loopbackTarget(text, options.allowLoopback ?? false) ?? genericTarget(text);
	if (special !== undefined) return special;

	const derived = deriveLoginUrl(input);
	if (!derived.ok) {
		const plainHttp = /^http:/i.test(text);
		if (
			plainHttp &&
			(derived.reason === 'not-salesforce-host' || derived.reason === 'ip-address')
		) {
			return refuse(
				'insecure-http',
				'Tokens are only sent over https, except to a loopback address for the built-in emulator; paste the https:// URL of your org.',
			);
		}

		return refuse(derived.reason, derived.message);
	}

	const target: LoginTarget = {
		loginUrl: derived.loginUrl,
		label: `My Domain ${derived.loginUrl.slice('https://'.length)}`,
		kind: derived.kind,
		source: 'my-domain',
	};
	return derived.note === undefined
		? {ok: true, target, unsure: derived.unsure}
		: {ok: true, target, unsure: derived.unsure, note: derived.note};
}
