// Routing by listener and path. Every host — the login service and each My Domain — serves the
// OAuth endpoints and the login/approval pages; only My Domains serve the REST API.
import type {Incoming} from './incoming.js';
import {authorize} from './oauth/authorize.js';
import {showConnect, submitConnect} from './oauth/connect.js';
import {decide} from './oauth/decision.js';
import {errorPagePath} from './oauth/approval.js';
import {showErrorPage} from './oauth/error-page.js';
import {identity, userinfo} from './oauth/identity.js';
import {introspect} from './oauth/introspect.js';
import {login, showLogin} from './oauth/login.js';
import {revoke} from './oauth/revoke.js';
import {tokenEndpoint} from './oauth/token-endpoint.js';
import {decisionPath} from './html/allow-page.js';
import {html, type Reply} from './reply.js';
import {restGateway} from './rest-gateway.js';
import type {EmulatorState} from './state.js';
import {messagePage} from './html/message-page.js';
import {describeSite} from './incoming.js';

type Handler = (state: EmulatorState, request: Incoming) => Reply | Promise<Reply>;

const routes: Readonly<Record<string, Handler>> = {
	'GET /': (_state, request) => showLogin(request),
	'POST /': login,
	'POST /services/oauth2/token': tokenEndpoint,
	'GET /services/oauth2/token': tokenEndpoint,
	'GET /services/oauth2/authorize': authorize,
	'GET /services/oauth2/userinfo': userinfo,
	'POST /services/oauth2/userinfo': userinfo,
	'GET /services/oauth2/revoke': revoke,
	'POST /services/oauth2/revoke': revoke,
	'POST /services/oauth2/introspect': introspect,
	'GET /setup/connect': (_state, request) => showConnect(request),
	'POST /setup/connect': submitConnect,
	[`POST ${decisionPath}`]: decide,
	[`GET ${errorPagePath}`]: (_state, request) => showErrorPage(request),
};

export async function route(state: EmulatorState, request: Incoming): Promise<Reply> {
	const {pathname} = request.url;
	if (isUnder(pathname, '/services/data') || isUnder(pathname, '/services/apexrest')) {
		return restGateway(state, request);
	}
	if (request.method === 'GET' && /^\/id\/[^/]+\/[^/]+\/?$/.test(pathname))
		return identity(state, request);
	const handler = routes[`${request.method} ${pathname}`];
	if (handler !== undefined) return handler(state, request);
	return html(
		404,
		messagePage({
			banner: describeSite(request.site),
			title: 'URL No Longer Exists',
			message: `The page ${pathname} does not exist on this emulated host.`,
		}),
	);
}

function isUnder(pathname: string, base: string): boolean {
	return pathname === base || pathname.startsWith(`${base}/`);
}
