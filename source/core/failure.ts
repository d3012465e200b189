// The failures the network layer reports as values. They live in core (not in salesforce/) because
// pure code explains and diagnoses them, and core imports nothing outside core.
// source/salesforce/failure.ts re-exports them for the network side.

/** The network step a failure happened in; it shapes the explanation ("while polling …"). */
export type Step =
	| 'device-code'
	| 'device-poll'
	| 'authorize'
	| 'redirect-listener'
	| 'token-exchange'
	| 'refresh'
	| 'revoke'
	| 'userinfo'
	| 'versions'
	| 'request'
	| 'load-more';

export type NetworkCode =
	'timeout' | 'refused' | 'reset' | 'dns' | 'tls' | 'proxy' | 'aborted' | 'other';

export type RestError = {
	readonly errorCode: string;
	readonly message: string;
	readonly fields?: readonly string[];
};

/**
 * Everything that can go wrong on the wire, as data. No text field ever holds a token: the network
 * layer builds every message itself and redacts server-provided text.
 */
export type Failure =
	/** The OAuth endpoints' `{error, error_description}` (JSON, or form-encoded from revoke). */
	| {kind: 'oauth'; step: Step; status: number; error: string; description: string}
	/** A REST error array `[{errorCode, message, fields?}]`. */
	| {kind: 'rest'; step: Step; status: number; errors: readonly RestError[]}
	/** Any other non-2xx answer. */
	| {
			kind: 'http';
			step: Step;
			status: number;
			contentType?: string;
			bodyPreview: string;
			retryAfterSeconds?: number;
	  }
	/** An HTML page where JSON was expected, whatever the status (login pages, proxies, outages). */
	| {kind: 'html-page'; step: Step; status: number; title?: string}
	/** Truncated or invalid JSON, or JSON without the fields the step needs (`problem`). */
	| {kind: 'bad-json'; step: Step; status: number; bodyPreview: string; problem?: string}
	| {kind: 'network'; step: Step; code: NetworkCode; message: string}
	/** Refused before sending: plain http to a non-loopback host, another host, or no URL at all. */
	| {
			kind: 'unsafe-url';
			step: Step;
			reason: 'insecure-http' | 'other-host' | 'invalid-url';
			host: string;
			message: string;
	  }
	/** The device code's lifetime ran out before the user approved the login. */
	| {kind: 'device-expired'; step: 'device-poll'; polls: number}
	/** The loopback redirect listener could not start. */
	| {
			kind: 'listener';
			step: 'redirect-listener';
			code: 'port-busy' | 'permission-denied' | 'other';
			host: string;
			port: number;
			message: string;
	  };

export type Result<T> = {ok: true; value: T} | {ok: false; failure: Failure};
