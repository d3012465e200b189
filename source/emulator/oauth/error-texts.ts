// Every error code and description the emulator's OAuth endpoints answer with, in one place.
// `confirmed` texts are backed by Salesforce documentation or captured traffic (SALESFORCE.md);
// `unconfirmed` ones are the emulator's best guess (RFC-like wording) and are the ones to change
// when a real capture shows otherwise.

export type OAuthErrorText = {readonly error: string; readonly description: string};

export const confirmed = {
	clientIdInvalid: {error: 'invalid_client_id', description: 'client identifier invalid'},
	clientCredentialsInvalid: {error: 'invalid_client', description: 'invalid client credentials'},
	grantTypeUnsupported: {error: 'unsupported_grant_type', description: 'grant type not supported'},
	authenticationFailure: {error: 'invalid_grant', description: 'authentication failure'},
	authorizationCodeInvalid: {error: 'invalid_grant', description: 'invalid authorization code'},
	refreshTokenInvalid: {error: 'invalid_grant', description: 'expired access/refresh token'},
	deviceFlowDisabled: {
		error: 'invalid_grant',
		description: 'device flow is not enabled for the app',
	},
	appNotInstalled: {error: 'invalid_client', description: 'app must be installed into org'},
	accessDenied: {error: 'access_denied', description: 'end-user denied authorization'},
	redirectUriMismatch: {
		error: 'redirect_uri_mismatch',
		description: 'redirect_uri must match configuration',
	},
} as const satisfies Record<string, OAuthErrorText>;

export const unconfirmed = {
	authorizationPending: {
		error: 'authorization_pending',
		description: 'authorization request is pending; the user has not approved it yet',
	},
	slowDown: {error: 'slow_down', description: 'polling too frequently; wait for the interval'},
	deviceCodeExpired: {error: 'invalid_grant', description: 'the device code has expired'},
	deviceCodeInvalid: {error: 'invalid_grant', description: 'invalid device code'},
	authorizationCodeExpired: {error: 'invalid_grant', description: 'expired authorization code'},
	codeVerifierMissing: {error: 'invalid_grant', description: 'code_verifier is required'},
	codeVerifierInvalid: {error: 'invalid_request', description: 'invalid code verifier'},
	challengeMethodUnsupported: {
		error: 'invalid_request',
		description: 'unsupported code_challenge_method',
	},
	responseTypeUnsupported: {
		error: 'unsupported_response_type',
		description: 'response type not supported',
	},
	scopeInvalid: {error: 'invalid_scope', description: 'the requested scope is not allowed'},
	postRequired: {error: 'invalid_request', description: 'must use HTTP POST'},
	revokeTokenMissing: {error: 'unsupported_token_type', description: 'token is required'},
	revokeTokenUnsupported: {error: 'unsupported_token_type', description: 'unsupported token type'},
	revokeTokenInvalid: {error: 'invalid_token', description: 'invalid token'},
	/** Text of the login page when the username or password is wrong (Salesforce's own wording). */
	loginFailed: {
		error: 'login_failed',
		description:
			"Please check your username and password. If you still can't log in, contact your Salesforce administrator.",
	},
	userCodeInvalid: {error: 'invalid_user_code', description: 'The code is invalid or has expired.'},
	approvalExpired: {
		error: 'OAUTH_APPROVAL_ERROR_GENERIC',
		description: 'The approval request has expired or was already used. Start over from your app.',
	},
	/** Identity URL for a user or org the token does not belong to. */
	identityForbidden: {error: 'Bad_Id', description: 'Bad_Id'},
} as const satisfies Record<string, OAuthErrorText>;
