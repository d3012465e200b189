// Drives the emulator's HTML login pages with fetch, the way a person in a browser would: follow
// the forms, keep the session cookie, press Allow or Deny. Only used by the tests.
import assert from 'node:assert/strict';

type Page = {
	readonly url: string;
	readonly status: number;
	readonly location?: string;
	readonly html: string;
};

export type User = {readonly username: string; readonly password: string};

export class TestBrowser {
	readonly #cookies = new Map<string, string>();

	async open(url: string): Promise<Page> {
		return this.#fetch(url, {method: 'GET'});
	}

	/** Submits the page's form: its hidden fields, then `fields`. */
	async submit(page: Page, fields: Readonly<Record<string, string>>): Promise<Page> {
		const form = /<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/u.exec(page.html);
		assert.ok(
			form?.[1] !== undefined && form[2] !== undefined,
			`no form on ${page.url}:\n${page.html}`,
		);
		const body = new URLSearchParams();
		for (const input of form[2].matchAll(
			/<input type="hidden" name="([^"]*)" value="([^"]*)">/gu,
		)) {
			body.set(unescape(input[1] ?? ''), unescape(input[2] ?? ''));
		}

		for (const [name, value] of Object.entries(fields)) body.set(name, value);
		return this.#fetch(new URL(unescape(form[1]), page.url).href, {
			method: 'POST',
			headers: {'content-type': 'application/x-www-form-urlencoded'},
			body: body.toString(),
		});
	}

	async #fetch(url: string, init: RequestInit): Promise<Page> {
		const cookie = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
		const response = await fetch(url, {
			...init,
			headers: {...(init.headers as Record<string, string>), ...(cookie ? {cookie} : {})},
			redirect: 'manual',
		});
		for (const line of response.headers.getSetCookie()) {
			const [pair = ''] = line.split(';');
			const equals = pair.indexOf('=');
			this.#cookies.set(pair.slice(0, equals), pair.slice(equals + 1));
		}

		const location = response.headers.get('location');
		return {
			url,
			status: response.status,
			...(location === null ? {} : {location: new URL(location, url).href}),
			html: await response.text(),
		};
	}
}

function unescape(text: string): string {
	return text
		.replaceAll('&quot;', '"')
		.replaceAll('&#39;', "'")
		.replaceAll('&lt;', '<')
		.replaceAll('&gt;', '>')
		.replaceAll('&amp;', '&');
}

/**
 * Opens the authorize URL, logs in, answers the approval page, and returns where Salesforce
 * redirected the browser (the redirect URI with code or error).
 */
export async function approveWebLogin(
	authorizeUrl: string,
	user: User,
	decision: 'allow' | 'deny' = 'allow',
): Promise<URL> {
	const browser = new TestBrowser();
	const login = await browser.open(authorizeUrl);
	assert.equal(login.status, 200, login.html);
	const allow = await browser.submit(login, {username: user.username, pw: user.password});
	assert.equal(allow.status, 200, allow.html);
	const back = await browser.submit(allow, {decision});
	assert.equal(back.status, 302, back.html);
	assert.ok(back.location);
	return new URL(back.location);
}

/** Types the user code at the verification URL, logs in and answers Allow or Deny. */
export async function answerDeviceLogin(
	verificationUri: string,
	userCode: string,
	user: User,
	decision: 'allow' | 'deny',
): Promise<string> {
	const browser = new TestBrowser();
	const connect = await browser.open(verificationUri);
	const login = await browser.submit(connect, {user_code: userCode});
	assert.match(login.html, /name="pw"/u, login.html);
	const allow = await browser.submit(login, {username: user.username, pw: user.password});
	const done = await browser.submit(allow, {decision});
	assert.equal(done.status, 200, done.html);
	return done.html;
}
