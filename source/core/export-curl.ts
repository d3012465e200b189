/**
 * A request from history as a curl command to paste in a POSIX shell: the instance URL filled in,
 * the token left to the shell as `$SF_ACCESS_TOKEN`, so the command can be shared and kept without
 * carrying a secret.
 */
import {isCredentialHeader, type HistoryEntry} from './history-entry.js';

/** The variable the exported commands read the token from. */
export const accessTokenVariable = 'SF_ACCESS_TOKEN';

export type CurlRequest = {
	readonly method: string;
	/** Relative to the instance URL. */
	readonly path: string;
	readonly headers: Readonly<Record<string, string>>;
	readonly body?: string;
};

/**
 * Quotes a word for a POSIX shell: single quotes, where nothing expands; a single quote inside is
 * closed, escaped and reopened.
 *
 * @example shellQuote("it's") // => "'it'\\''s'"
 */
export function shellQuote(word: string): string {
	return `'${word.replaceAll("'", String.raw`'\''`)}'`;
}

/** The full URL of a path on an instance: `https://acme.my.salesforce.com/services/data/`. */
export function requestUrl(instanceUrl: string, path: string): string {
	const base = instanceUrl.replace(/\/+$/u, '');
	return `${base}${path.startsWith('/') ? '' : '/'}${path}`;
}

function hasHeader(headers: Readonly<Record<string, string>>, name: string): boolean {
	return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

/**
 * The curl command for a request. The Authorization header is the only double-quoted word, so the
 * shell expands `$SF_ACCESS_TOKEN` there and nowhere else; everything else is single-quoted.
 * Bodies go with `--data-raw` (an `@` at their start is not a file name). A body without a
 * Content-Type gets `application/json`, as sftoken sends it.
 *
 * @example
 * curlCommand({method: 'GET', path: '/services/data/', headers: {}}, 'https://acme.my.salesforce.com')
 * // => "curl -sS 'https://acme.my.salesforce.com/services/data/' \\\n  -H \"Authorization: Bearer $SF_ACCESS_TOKEN\""
 */
export function curlCommand(request: CurlRequest, instanceUrl: string): string {
	const method = request.method.toUpperCase();
	// sftoken sends no body with GET or HEAD; neither does the command.
	const body = method === 'GET' || method === 'HEAD' ? undefined : request.body;
	const words: string[] = ['curl -sS'];
	if (method === 'HEAD') words.push('--head');
	else if (method !== 'GET')
		words.push(`-X ${/^[A-Z]+$/u.test(method) ? method : shellQuote(method)}`);
	const lines = [`${words.join(' ')} ${shellQuote(requestUrl(instanceUrl, request.path))}`];
	lines.push(`-H "Authorization: Bearer $${accessTokenVariable}"`);
	for (const [name, value] of Object.entries(request.headers)) {
		if (isCredentialHeader(name)) continue;
		lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
	}

	if (body !== undefined) {
		if (!hasHeader(request.headers, 'content-type')) {
			lines.push(`-H ${shellQuote('Content-Type: application/json')}`);
		}

		lines.push(`--data-raw ${shellQuote(body)}`);
	}

	return lines.join(' \\\n  ');
}

export type CurlScriptItem = CurlRequest & {
	readonly instanceUrl: string;
	/** One line said above the command (what it was, when); control characters are dropped. */
	readonly comment?: string;
};

/**
 * Several requests as one shell script: lines telling where the token comes from (`tokenHint`),
 * then each command under its comment. Running it needs `SF_ACCESS_TOKEN` set (`set -u` stops it
 * otherwise).
 */
export function curlScript(
	items: readonly CurlScriptItem[],
	tokenHint = `export ${accessTokenVariable}="$(sftoken token)"`,
): string {
	const header = [
		'#!/bin/sh',
		'# Requests exported by sftoken. Set the token first:',
		`#   ${oneLine(tokenHint)}`,
		'set -u',
	];
	const commands = items.map((item) => {
		const comment = item.comment === undefined ? '' : `# ${oneLine(item.comment)}\n`;
		return `${comment}${curlCommand(item, item.instanceUrl)}`;
	});
	return `${[header.join('\n'), ...commands].join('\n\n')}\n`;
}

function oneLine(text: string): string {
	return text.replaceAll(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/gu, ' ');
}

/**
 * History entries as a curl script, in the order given, each command under a comment saying what
 * it was: method, path, status, org, when, and whether its body was cut short in history. With
 * requests to several orgs, each command needs its own org's token: the header says so.
 */
export function curlExport(entries: readonly HistoryEntry[]): string {
	const aliases = [...new Set(entries.map((entry) => entry.org.alias))];
	const [only] = aliases;
	const tokenHint =
		aliases.length === 1 && only !== undefined
			? `export ${accessTokenVariable}="$(sftoken token --org ${shellQuote(only)})"`
			: `export ${accessTokenVariable}="$(sftoken token --org ALIAS)", with the ALIAS each command's comment names`;
	return curlScript(
		entries.map((entry) => {
			const outcome = entry.status === undefined ? 'no response' : String(entry.status);
			const cut = entry.requestBodyTruncated === true ? ' (body cut short in history)' : '';
			return {
				method: entry.method,
				path: entry.path,
				headers: entry.requestHeaders,
				...(entry.requestBody === undefined ? {} : {body: entry.requestBody}),
				instanceUrl: entry.org.instanceUrl,
				comment: `${entry.method} ${entry.path} → ${outcome}, ${entry.org.alias}, ${new Date(entry.time).toISOString()}${cut}`,
			};
		}),
		tokenHint,
	);
}
