// Test helpers that talk to the emulator only over HTTP, like any outside client would.
import {createHash, randomBytes} from 'node:crypto';
import assert from 'node:assert/strict';

export const callback = 'http://localhost:1717/OauthRedirect';

export async function postForm(
	url: string,
	fields: Readonly<Record<string, string>>,
	headers: Readonly<Record<string, string>> = {},
): Promise<Response> {
	return fetch(url, {
		method: 'POST',
		headers: {'Content-Type': 'application/x-www-form-urlencoded', ...headers},
		body: new URLSearchParams(fields).toString(),
		redirect: 'manual',
	});
}

/** multipart/form-data, as sfdx-core's device flow and Salesforce's Postman collection send. */
export async function postMultipart(
	url: string,
	fields: Readonly<Record<string, string>>,
): Promise<Response> {
	const body = new FormData();
	for (const [name, value] of Object.entries(fields)) body.append(name, value);
	return fetch(url, {method: 'POST', body});
}

export async function readJson<T = Record<string, unknown>>(response: Response): Promise<T> {
	return (await response.json()) as T;
}

/** Asserts a 400 OAuth error body. */
export async function expectOAuthError(
	response: Response,
	error: string,
	description?: string | RegExp,
	status = 400,
): Promise<void> {
	assert.equal(response.status, status);
	const body = await readJson<{error: string; error_description: string}>(response);
	assert.equal(body.error, error);
	if (typeof description === 'string') assert.equal(body.error_description, description);
	else if (description !== undefined) assert.match(body.error_description, description);
}

/** sf CLI's verifier: base64url of 128 random bytes = 171 characters. */
export function pkce(bytes = 128): {verifier: string; challenge: string} {
	const verifier = randomBytes(bytes).toString('base64url');
	return {verifier, challenge: createHash('sha256').update(verifier).digest('base64url')};
}

export type TokenResponse = {
	access_token: string;
	refresh_token?: string;
	signature: string;
	scope: string;
	instance_url: string;
	id: string;
	token_type: string;
	issued_at: string;
};

export type ParsedForm = {
	readonly action: string;
	readonly fields: Record<string, string>;
	readonly buttons: ReadonlyArray<{name: string; value: string}>;
};

const entities: Readonly<Record<string, string>> = {
	'&amp;': '&',
	'&lt;': '<',
	'&gt;': '>',
	'&quot;': '"',
	'&#39;': "'",
};

function unescapeHtml(value: string): string {
	return value.replaceAll(/&(?:amp|lt|gt|quot|#39);/g, (entity) => entities[entity] ?? entity);
}

function attribute(tag: string, name: string): string | undefined {
	const match = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag);
	return match?.[1] === undefined ? undefined : unescapeHtml(match[1]);
}

/** The first form of a page: its action (resolved against the page URL), inputs and buttons. */
export function parseForm(html: string, pageUrl: string): ParsedForm {
	const form = /<form\b[^>]*>([\s\S]*?)<\/form>/i.exec(html);
	assert.ok(form, `no form in page:\n${html}`);
	const action = new URL(
		attribute(form[0].slice(0, form[0].indexOf('>') + 1), 'action') ?? '',
		pageUrl,
	).toString();
	const fields: Record<string, string> = {};
	const buttons: Array<{name: string; value: string}> = [];
	for (const [tag] of (form[1] ?? '').matchAll(/<(?:input|button)\b[^>]*>/gi)) {
		const name = attribute(tag, 'name');
		const type = (attribute(tag, 'type') ?? 'text').toLowerCase();
		if (name === undefined) continue;
		if (type === 'submit') buttons.push({name, value: attribute(tag, 'value') ?? ''});
		else fields[name] = attribute(tag, 'value') ?? '';
	}
	return {action, fields, buttons};
}

/** A minimal browser: keeps cookies per host, never follows redirects on its own. */
export class Browser {
	readonly #cookies = new Map<string, Map<string, string>>();

	async get(url: string): Promise<Response> {
		return this.#send(url, {method: 'GET'});
	}

	async post(url: string, fields: Readonly<Record<string, string>>): Promise<Response> {
		return this.#send(url, {
			method: 'POST',
			headers: {'Content-Type': 'application/x-www-form-urlencoded'},
			body: new URLSearchParams(fields).toString(),
		});
	}

	/** Fills and submits a page's form, clicking the button named `button` (name=value). */
	async submit(
		page: {html: string; url: string},
		values: Readonly<Record<string, string>>,
		button?: {name: string; value: string},
	): Promise<Response> {
		const form = parseForm(page.html, page.url);
		const fields = {...form.fields, ...values};
		if (button !== undefined) {
			assert.ok(
				form.buttons.some(
					(candidate) => candidate.name === button.name && candidate.value === button.value,
				),
				`no button ${button.name}=${button.value} in the form`,
			);
			fields[button.name] = button.value;
		}
		return this.post(form.action, fields);
	}

	cookieHeader(url: string): string {
		const jar = this.#cookies.get(new URL(url).hostname) ?? new Map<string, string>();
		return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
	}

	async #send(url: string, init: RequestInit): Promise<Response> {
		const headers = new Headers(init.headers);
		const cookie = this.cookieHeader(url);
		if (cookie !== '') headers.set('Cookie', cookie);
		const response = await fetch(url, {...init, headers, redirect: 'manual'});
		// Browsers scope cookies by host name, not port — exactly why the emulator names them per port.
		const host = new URL(url).hostname;
		const jar = this.#cookies.get(host) ?? new Map<string, string>();
		for (const line of response.headers.getSetCookie()) {
			const [pair = ''] = line.split(';');
			const equals = pair.indexOf('=');
			jar.set(pair.slice(0, equals).trim(), pair.slice(equals + 1).trim());
		}
		this.#cookies.set(host, jar);
		return response;
	}
}

export async function page(response: Response): Promise<{html: string; url: string}> {
	assert.equal(response.status, 200, `expected a page, got ${response.status}`);
	assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
	return {html: await response.text(), url: response.url};
}

/** A clock tests move by hand. */
export function manualClock(start = Date.UTC(2026, 0, 15, 9, 0, 0)): {
	now: () => number;
	advance(ms: number): void;
} {
	let current = start;
	return {
		now: () => current,
		advance(ms) {
			current += ms;
		},
	};
}

export function authorizeUrl(base: string, params: Readonly<Record<string, string>>): string {
	return `${base}/services/oauth2/authorize?${new URLSearchParams(params).toString()}`;
}

/**
 * What a user does in the browser: open the authorize URL, log in when asked (`user`), press
 * Allow or Deny. Returns the URL the browser is sent back to (the 302's Location).
 */
export async function approveInBrowser(
	browser: Browser,
	url: string,
	user: {username: string; password: string} | undefined,
	decision: 'allow' | 'deny' = 'allow',
): Promise<URL> {
	let current = await page(await browser.get(url));
	if (user !== undefined) {
		assert.match(current.html, /name="pw"/);
		current = await page(
			await browser.submit(current, {username: user.username, pw: user.password}),
		);
	}
	assert.match(current.html, /Allow Access\?/);
	const response = await browser.submit(current, {}, {name: 'decision', value: decision});
	assert.equal(response.status, 302);
	return new URL(response.headers.get('location') ?? '');
}
