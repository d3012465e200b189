// The REST half of the emulator: pure request → response logic over in-memory, per-org data.
// The HTTP server authenticates, counts API usage and adds Sforce-Limit-Info, then calls
// `handle` for every path under /services/data or /services/apexrest. Nothing here does I/O or
// reads the clock (an optional `now` is injected).

import {id18, type RestContext, type RestRequest} from './context.js';
import {handleApexRest} from './apexrest.js';
import {limitsBody} from './limits.js';
import {createEnv, type Env, type OrgState} from './org-state.js';
import {handleQuery} from './query.js';
import {
	json,
	methodNotAllowed,
	notFound,
	unknownException,
	type RestResponse,
} from './responses.js';
import {seedEnd} from './seed.js';
import {handleSobjects} from './sobjects.js';
import {createOrgStore} from './store.js';
import {apiVersions, latestApiVersion, parseVersionSegment} from './versions.js';

export type {RestContext, RestRequest} from './context.js';
export type {RestResponse} from './responses.js';
export {latestApiVersion} from './versions.js';

export type RestApi = {handle(request: RestRequest): RestResponse};

export type RestApiOptions = {
	/** Accounts per org (about two Contacts each). */
	readonly records: number;
	/** Orgs with seeded data; requests for any other org see no Accounts or Contacts. */
	readonly orgIds: readonly string[];
	/**
	 * Clock for LastModifiedDate and CreatedDate of written records, epoch ms. Without it the
	 * emulator counts seconds from the end of the seeded data, so runs stay reproducible.
	 */
	readonly now?: () => number;
};

/** The versions list for `/services/data` and `/services/data/` (no authentication). */
export function handlePublicRestPath(
	pathname: string,
	myDomainUrl: string,
): RestResponse | undefined {
	// The versions list is the same on every host; the parameter keeps the server's call uniform.
	void myDomainUrl;
	if (pathname !== '/services/data' && pathname !== '/services/data/') return undefined;
	return json(200, apiVersions);
}

/** Decodes path segments; undefined when a segment is not valid percent-encoding. */
function decodeSegments(path: string): string[] | undefined {
	try {
		const segments = path.split('/').map((segment) => decodeURIComponent(segment));
		// One trailing slash is allowed everywhere (`/limits/`, `/sobjects/Account/`).
		if (segments.length > 0 && segments.at(-1) === '') segments.pop();
		return segments;
	} catch {
		return undefined;
	}
}

/** The version root: resource names and their paths, as Salesforce lists them. */
function resourceMap(env: Env): Record<string, string> {
	const base = `/services/data/v${env.version}`;
	const {org, user} = env.context;
	const names = [
		'tooling',
		'metadata',
		'eclair',
		'folders',
		'prechatForms',
		'contact-tracing',
		'jsonxform',
		'chatter',
		'payments',
		'tabs',
		'appMenu',
		'quickActions',
		'queryAll',
		'commerce',
		'wave',
		'iot',
		'analytics',
		'search',
		'smartdatadiscovery',
		'identity',
		'composite',
		'parameterizedSearch',
		'fingerprint',
		'theme',
		'nouns',
		'domino',
		'event',
		'serviceTemplates',
		'recent',
		'connect',
		'licensing',
		'limits',
		'process',
		'dedupe',
		'async-queries',
		'query',
		'match',
		'emailConnect',
		'compactLayouts',
		'knowledgeManagement',
		'sobjects',
		'actions',
		'support',
	];
	return Object.fromEntries(
		names.map((name) => [
			name,
			name === 'identity'
				? `${org.myDomainUrl}/id/${id18(org.orgId)}/${id18(user.userId)}`
				: `${base}/${name}`,
		]),
	);
}

function readOnly(request: RestRequest, body: () => unknown): RestResponse {
	if (request.method !== 'GET' && request.method !== 'HEAD') {
		return methodNotAllowed(request.method, ['GET', 'HEAD']);
	}
	return json(200, body());
}

function recordCount(env: Env): number {
	return env.org.store.accounts.liveCount() + env.org.store.contacts.liveCount();
}

function routeData(env: Env, request: RestRequest, segments: readonly string[]): RestResponse {
	const [resource, ...rest] = segments;
	switch (resource) {
		case undefined: {
			return readOnly(request, () => resourceMap(env));
		}
		case 'limits': {
			return rest.length > 0
				? notFound()
				: readOnly(request, () => limitsBody(env.context, recordCount(env)));
		}
		case 'query':
		case 'queryAll': {
			return handleQuery(env, request, resource, rest);
		}
		case 'sobjects': {
			return handleSobjects(env, request, rest);
		}
		default: {
			return notFound();
		}
	}
}

/** HEAD answers like GET without a body. */
function forMethod(request: RestRequest, response: RestResponse): RestResponse {
	return request.method === 'HEAD' ? {...response, body: ''} : response;
}

/**
 * Creates the REST API over seeded, in-memory data. Each org's records are built on its first
 * request, so startup costs nothing; data for a given (records, org id) is always the same.
 */
export function createRestApi(options: RestApiOptions): RestApi {
	const seeded = new Set(options.orgIds.map((orgId) => orgId.slice(0, 15)));
	const orgs = new Map<string, OrgState>();
	let tick = 0;
	const now =
		options.now ??
		(() => {
			tick++;
			return seedEnd + 86_400_000 + tick * 1000;
		});

	function orgState(context: RestContext): OrgState {
		const key = context.org.orgId.slice(0, 15);
		let state = orgs.get(key);
		if (!state) {
			const store = createOrgStore({
				orgId: key,
				records: seeded.has(key) ? options.records : 0,
				ownerId: id18(context.user.userId),
			});
			state = {store, locators: new Map(), nextLocator: 0};
			orgs.set(key, state);
		}
		return state;
	}

	function route(request: RestRequest): RestResponse {
		const {pathname} = request;
		const stamp = () => Math.floor(now() / 1000) * 1000;
		if (pathname === '/services/apexrest' || pathname.startsWith('/services/apexrest/')) {
			const env = createEnv(orgState(request.context), request.context, latestApiVersion, stamp);
			return handleApexRest(env, request, pathname.slice('/services/apexrest'.length));
		}
		const segments = decodeSegments(pathname);
		if (segments?.[1] !== 'services' || segments[2] !== 'data' || segments[0] !== '')
			return notFound();
		const [, , , versionSegment, ...rest] = segments;
		if (versionSegment === undefined) return json(200, apiVersions);
		const version = parseVersionSegment(versionSegment);
		if (version === undefined) return notFound();
		const env = createEnv(orgState(request.context), request.context, version, stamp);
		return routeData(env, request, rest);
	}

	return {
		handle(request) {
			try {
				return forMethod(request, route(request));
			} catch {
				return unknownException();
			}
		},
	};
}
