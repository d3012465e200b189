// Response builders. Every REST error is a JSON array of {errorCode, message, fields?}, and every
// JSON body carries the content type Salesforce sends.

export type RestResponse = {
	readonly status: number;
	readonly headers: Readonly<Record<string, string>>;
	readonly body: string;
};

const jsonHeaders: Readonly<Record<string, string>> = {
	'content-type': 'application/json;charset=UTF-8',
};

export function json(status: number, value: unknown): RestResponse {
	return {status, headers: jsonHeaders, body: JSON.stringify(value)};
}

export function noContent(): RestResponse {
	return {status: 204, headers: {}, body: ''};
}

export function restError(
	status: number,
	errorCode: string,
	message: string,
	fields?: readonly string[],
): RestResponse {
	const error = fields ? {errorCode, message, fields} : {errorCode, message};
	return json(status, [error]);
}

export function notFound(): RestResponse {
	return restError(404, 'NOT_FOUND', 'The requested resource does not exist');
}

export function methodNotAllowed(method: string, allowed: readonly string[]): RestResponse {
	return restError(
		405,
		'METHOD_NOT_ALLOWED',
		`HTTP Method '${method}' not allowed. Allowed are ${allowed.join(',')}`,
	);
}

/** Salesforce's catch-all for failures on its side; the emulator uses it only for its own bugs. */
export function unknownException(): RestResponse {
	return restError(
		500,
		'UNKNOWN_EXCEPTION',
		'An unexpected error occurred. Please include this ErrorId if you contact support: 1180126462-48823 (-1105485843)',
	);
}
