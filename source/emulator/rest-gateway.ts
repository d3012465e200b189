// The door to the REST module on an org's My Domain: public paths first (the versions list needs
// no token and is not counted), then the session check, the daily API counter, and the
// Sforce-Limit-Info header on every counted response.
import {bearerToken} from './bearer.js';
import type {Incoming} from './incoming.js';
import {jsonType, type Reply, restError} from './reply.js';
import {handlePublicRestPath} from './rest/index.js';
import {type EmulatorState, sessionTimeoutMs} from './state.js';

export function restGateway(state: EmulatorState, request: Incoming): Reply {
	const org = request.site.org;
	const {pathname} = request.url;
	// The login service is not an instance: real clients must use instance_url.
	if (org === undefined)
		return restError(404, 'NOT_FOUND', 'The requested resource does not exist');
	const open = handlePublicRestPath(pathname, org.myDomainUrl);
	if (open !== undefined) return open;
	const token = bearerToken(request, false);
	const access =
		token === undefined
			? undefined
			: state.tokens.useAccess(token, state.now(), sessionTimeoutMs(state));
	if (access?.grant.org !== org) {
		return {
			status: 401,
			headers: {'Content-Type': jsonType},
			body: JSON.stringify([
				{message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID'},
			]),
		};
	}
	const usage = state.usage.count(org.index, state.now(), state.knobs.dailyApiLimit);
	const limitInfo = {'Sforce-Limit-Info': `api-usage=${usage.used}/${usage.max}`};
	if (usage.exceeded) {
		const refused = restError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
		return {...refused, headers: {...refused.headers, ...limitInfo}};
	}
	const {user} = org;
	const response = state.rest.handle({
		method: request.method,
		pathname,
		search: request.url.searchParams,
		body: request.body.toString('utf8'),
		headers: request.headers,
		context: {
			org: {orgId: org.orgId, name: org.name, myDomainUrl: org.myDomainUrl, sandbox: org.sandbox},
			user: {userId: user.userId, username: user.username, name: user.name, email: user.email},
			apiUsage: {used: usage.used, max: usage.max},
		},
	});
	return {
		status: response.status,
		headers: {...response.headers, ...limitInfo},
		body: response.body,
	};
}
