// What to tell the user when no login URL can be derived (DOMAINS.md §5): each message says what
// to paste instead. One or two sentences, no trailing newline; the screen and `sftoken domain`
// show them as they are.
import type {DomainRefusalReason} from './domain.js';
import type {AddressRefusal} from './domain-input.js';

export type MessageContext = {
	/** The validated host (only ASCII letters, digits, dots and hyphens), when known. */
	readonly host?: string;
	readonly detail?: AddressRefusal['detail'];
	/** The family suffix or partition word the message is about. */
	readonly subject?: string;
};

const copyFromAddressBar = "Copy the URL directly from your org's browser address bar.";
const pasteLightningHome =
	"Paste the URL of the org's Lightning home page, or copy it from Setup → My Domain.";
const notGenuine = "This address doesn't look like a genuine Salesforce URL.";

function invalidCharacters(detail: MessageContext['detail']): string {
	switch (detail) {
		case 'whitespace': {
			return 'The text contains a space or line break inside the address; paste a single URL.';
		}

		case 'control': {
			return `The text contains invisible control characters. ${copyFromAddressBar}`;
		}

		case 'backslash': {
			return `A backslash before the path is a trick that hides the real destination. ${notGenuine}`;
		}

		default: {
			return `Percent-escapes in the host name hide the real destination. ${notGenuine}`;
		}
	}
}

/** The message for a refusal, written for the person who pasted the address. */
export function refusalMessage(reason: DomainRefusalReason, context: MessageContext = {}): string {
	const host = context.host ?? 'This address';
	switch (reason) {
		case 'empty-input': {
			return "Paste any URL from your org's browser tab, e.g. https://acme.lightning.force.com/lightning/page/home.";
		}

		case 'input-too-long': {
			return 'That is longer than any org URL (over 4096 characters); paste just the address from the browser.';
		}

		case 'invalid-characters': {
			return invalidCharacters(context.detail);
		}

		case 'unsupported-scheme': {
			return "Only https:// addresses can name an org; copy the https:// URL from your org's browser tab.";
		}

		case 'not-a-url': {
			return 'Write the address with two slashes after the scheme, e.g. https://acme.my.salesforce.com.';
		}

		case 'empty-host': {
			return 'The address has no host name; paste the full URL, e.g. https://acme.my.salesforce.com.';
		}

		case 'non-ascii-host': {
			return `The host name contains look-alike or invisible non-ASCII characters, so it is not a genuine Salesforce host. ${copyFromAddressBar}`;
		}

		case 'userinfo-not-allowed': {
			return `The part before "@" hides the real destination, so this is not a genuine Salesforce URL. ${copyFromAddressBar}`;
		}

		case 'ip-address': {
			return 'An IP address does not name a Salesforce org; paste a URL containing .my.salesforce.com or .lightning.force.com.';
		}

		case 'invalid-hostname': {
			return `That is not a valid host name. Paste one URL, copied from your org's browser address bar.`;
		}

		case 'punycode-not-allowed': {
			return `Salesforce hosts never contain "xn--" (encoded international) names, so this is not a genuine Salesforce host. ${copyFromAddressBar}`;
		}

		case 'port-not-allowed': {
			return 'Salesforce org addresses use no port other than 443; remove the ":port" part.';
		}

		case 'generic-login-host': {
			return `${host} is Salesforce's generic login page, not your org: choose Production or Sandbox instead of My Domain, or log in and then copy your org's address from the browser.`;
		}

		case 'missing-my-domain-name': {
			return `The address has no My Domain name in front of ${context.subject ?? 'the Salesforce suffix'}; paste the full URL from your org's browser tab.`;
		}

		case 'unknown-partition': {
			return `Unrecognised Salesforce host format: "${context.subject ?? ''}" is not a known org type such as sandbox or develop. ${pasteLightningHome}`;
		}

		case 'unsupported-format': {
			return `Unrecognised Salesforce host format. ${pasteLightningHome}`;
		}

		case 'sandbox-name-missing': {
			return `A sandbox host always reads MyDomain--SandboxName.sandbox…, and this one has no sandbox name. ${pasteLightningHome}`;
		}

		case 'instance-url': {
			return `${host} is a shared instance address and names no org. Open your avatar menu (top right) and copy the URL up to .my.salesforce.com, or look it up in Setup → My Domain.`;
		}

		case 'legacy-site-host': {
			return `${host} is an old site address whose subdomain need not match the org's My Domain, and it stopped redirecting in Spring '26. Paste a URL from the org itself, or ask your admin for the My Domain (Setup → My Domain).`;
		}

		case 'legacy-instanced-my-domain': {
			return `${host} is an old instanced scratch-org address, and scratch orgs expire within 30 days. Paste a current URL from the org's browser tab.`;
		}

		case 'not-an-org-host': {
			return `${host} is a Salesforce website, not your org. Paste a URL from your org's browser tab (it contains .my.salesforce.com or .lightning.force.com).`;
		}

		case 'unrecognized-salesforce-host': {
			return `${host} is a Salesforce host that doesn't name the org in a known way. ${pasteLightningHome}`;
		}

		case 'lookalike-host': {
			return `${host} is not a Salesforce host: it only contains a Salesforce name. ${copyFromAddressBar}`;
		}

		case 'not-salesforce-host': {
			// A one-label host (`localhost`) is no custom domain: skip that explanation.
			return host.includes('.')
				? `${host} is not a Salesforce address; if it is a custom domain of a site, the org can't be derived from it. Ask your admin for the My Domain (Setup → My Domain).`
				: `${host} is not a Salesforce address. Paste a URL from your org's browser tab (it contains .my.salesforce.com or .lightning.force.com).`;
		}
	}
}
