// Handlers return a Reply instead of writing to the socket, so faults such as truncated-json and
// slow-drip can be applied to the real body in one place (server.ts).
import type {OAuthErrorText} from './oauth/error-texts.js';

export type Reply = {
	readonly status: number;
	readonly headers: Readonly<Record<string, string | readonly string[]>>;
	readonly body: string;
};

export const jsonType = 'application/json;charset=UTF-8';
export const htmlType = 'text/html;charset=UTF-8';

/** What Salesforce sends on token and identity responses: never cache a credential. */
const noStore = {'Cache-Control': 'no-cache,must-revalidate,max-age=0,no-store,private'};

export function json(
	status: number,
	value: unknown,
	headers: Readonly<Record<string, string>> = {},
): Reply {
	return {
		status,
		headers: {'Content-Type': jsonType, ...noStore, ...headers},
		body: JSON.stringify(value),
	};
}

export function oauthError(text: OAuthErrorText, status = 400): Reply {
	return json(status, {error: text.error, error_description: text.description});
}

/** REST errors are always an array of {message, errorCode}. */
export function restError(status: number, errorCode: string, message: string): Reply {
	return json(status, [{message, errorCode}]);
}

export function html(
	status: number,
	markup: string,
	headers: Readonly<Record<string, string | readonly string[]>> = {},
): Reply {
	return {status, headers: {'Content-Type': htmlType, ...noStore, ...headers}, body: markup};
}

export function text(status: number, body: string): Reply {
	return {status, headers: {'Content-Type': 'text/plain;charset=UTF-8', ...noStore}, body};
}

export function redirect(
	location: string,
	headers: Readonly<Record<string, string | readonly string[]>> = {},
): Reply {
	return {status: 302, headers: {Location: location, ...noStore, ...headers}, body: ''};
}

/** Builds `base?name=value…` (or `&…` when base already has a query), encoding every value. */
export function withQuery(
	base: string,
	params: Readonly<Record<string, string | undefined>>,
): string {
	const url = new URL(base);
	for (const [name, value] of Object.entries(params)) {
		if (value !== undefined) url.searchParams.append(name, value);
	}
	return url.toString();
}
