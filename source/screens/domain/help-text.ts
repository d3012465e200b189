/**
 * The `?` panel of "Where do you log in?", as paragraphs (Ink wraps them to the terminal's
 * width): what each answer means and where to find a My Domain URL.
 */
export const domainHelpParagraphs: readonly string[] = [
	"Production / Developer Edition logs in at login.salesforce.com, Sandbox at test.salesforce.com. Both are shared login pages: a browser that is already signed in to another org may answer for it. An org's own My Domain login page can't be mixed up.",
	"My Domain: paste any URL from the org's browser tab (a Lightning page, Setup, Visualforce…) and sftoken works out the login URL. To find one: open the avatar menu (top right) and copy the URL up to .my.salesforce.com, or look in Setup → My Domain.",
];

/** The same for narrow terminals, where the long version would not fit on the screen. */
export const compactDomainHelpParagraphs: readonly string[] = [
	'login.salesforce.com: production and Developer Edition. test.salesforce.com: sandboxes.',
	'My Domain: paste any org URL, or avatar menu → copy up to .my.salesforce.com, or Setup → My Domain.',
];

/** Shown under the empty My Domain input. */
export const myDomainHint =
	"Paste any URL from your org's browser tab, e.g. https://acme.lightning.force.com/lightning/page/home — or open the avatar menu (top right) and copy the URL up to .my.salesforce.com, or find it in Setup → My Domain.";
