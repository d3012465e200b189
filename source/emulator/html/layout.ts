// The frame of every emulator page: plain HTML and a little CSS, no JavaScript, so the forms work
// in any browser and with any HTTP client that submits forms.
import {escapeHtml} from './escape.js';

export type PageFrame = {
	readonly title: string;
	/** Who is serving the page, e.g. "Acme Corporation (My Domain)"; already plain text. */
	readonly banner: string;
	/** Trusted markup built by the page modules (every dynamic value escaped there). */
	readonly content: string;
};

export function page(frame: PageFrame): string {
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(frame.title)} | Salesforce (emulator)</title>
<style>
body{font-family:system-ui,sans-serif;background:#f3f3f3;color:#181818;margin:0}
main{max-width:26rem;margin:3rem auto;background:#fff;border:1px solid #ddd;border-radius:.5rem;padding:1.5rem 2rem}
header{font-size:.8rem;color:#555;text-align:center;margin-top:1.5rem}
label{display:block;margin:.8rem 0 .2rem}
input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem}
button,input[type=submit]{margin:1rem .5rem 0 0;padding:.5rem 1.2rem;font-size:1rem}
.error{color:#b00;border-left:3px solid #b00;padding-left:.5rem}
.code{font-family:monospace;font-size:1.2rem;letter-spacing:.15rem}
</style>
</head>
<body>
<header>${escapeHtml(frame.banner)} · local emulator, not Salesforce</header>
<main>
<h1>${escapeHtml(frame.title)}</h1>
${frame.content}
</main>
</body>
</html>
`;
}

export function hiddenFields(fields: Readonly<Record<string, string | undefined>>): string {
	return Object.entries(fields)
		.filter((entry): entry is [string, string] => entry[1] !== undefined)
		.map(
			([name, value]) =>
				`<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
		)
		.join('\n');
}

export function errorLine(message: string | undefined): string {
	return message === undefined ? '' : `<p class="error" role="alert">${escapeHtml(message)}</p>`;
}

export function paragraph(text: string): string {
	return `<p>${escapeHtml(text)}</p>`;
}
