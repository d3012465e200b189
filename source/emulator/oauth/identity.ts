// The identity URL (`/id/<org>/<user>`, SALESFORCE.md §4.4) and OpenID UserInfo (§4.3). Both
// answer a bad token with 403 and the plain-text body `Bad_OAuth_Token`, not a JSON array.
import {to18} from '../ids.js';
import {bearerToken} from '../bearer.js';
import type {Incoming} from '../incoming.js';
import type {OrgRecord} from '../orgs.js';
import {json, type Reply, text} from '../reply.js';
import {type EmulatorState, sessionTimeoutMs} from '../state.js';
import {unconfirmed} from './error-texts.js';
import {identityUrl} from './identity-url.js';

const badToken = (): Reply => text(403, 'Bad_OAuth_Token');

function tokenOrg(state: EmulatorState, request: Incoming): OrgRecord | undefined {
	const token = bearerToken(request, true);
	const access =
		token === undefined
			? undefined
			: state.tokens.useAccess(token, state.now(), sessionTimeoutMs(state));
	if (access === undefined) return undefined;
	const {org} = access.grant;
	return request.site.org === undefined || request.site.org === org ? org : undefined;
}

export function identity(state: EmulatorState, request: Incoming): Reply {
	const org = tokenOrg(state, request);
	if (org === undefined) return badToken();
	const [, , orgId = '', userId = ''] = request.url.pathname.split('/');
	if (!sameId(orgId, org.orgId) || !sameId(userId, org.user.userId)) {
		return text(403, unconfirmed.identityForbidden.description);
	}
	const version = request.url.searchParams.get('version') ?? '{version}';
	const {user} = org;
	return json(200, {
		id: identityUrl(state, org),
		asserted_user: true,
		user_id: user.userId,
		organization_id: org.orgId,
		username: user.username,
		nick_name: user.username.split('@')[0],
		display_name: user.name,
		email: user.email,
		email_verified: true,
		first_name: user.firstName,
		last_name: user.lastName,
		timezone: 'America/Los_Angeles',
		photos: photos(org),
		addr_street: null,
		addr_city: null,
		addr_state: null,
		addr_country: 'US',
		addr_zip: null,
		mobile_phone: null,
		mobile_phone_verified: false,
		is_lightning_login_user: false,
		status: {created_date: null, body: null},
		urls: urls(org, version),
		active: true,
		user_type: 'STANDARD',
		language: 'en_US',
		locale: 'en_US',
		utcOffset: -28_800_000,
		last_modified_date: '2025-01-15T09:30:00.000+0000',
		is_app_installed: true,
	});
}

export function userinfo(state: EmulatorState, request: Incoming): Reply {
	const org = tokenOrg(state, request);
	if (org === undefined) return badToken();
	const {user} = org;
	return json(200, {
		sub: identityUrl(state, org),
		user_id: user.userId,
		organization_id: org.orgId,
		preferred_username: user.username,
		nickname: user.username.split('@')[0],
		name: user.name,
		email: user.email,
		email_verified: true,
		given_name: user.firstName,
		family_name: user.lastName,
		zoneinfo: 'America/Los_Angeles',
		photos: photos(org),
		profile: `${org.myDomainUrl}/${user.userId}`,
		picture: photos(org).picture,
		address: {country: 'US'},
		is_salesforce_integration_user: false,
		urls: urls(org, '{version}'),
		active: true,
		user_type: 'STANDARD',
		language: 'en_US',
		locale: 'en_US',
		utcOffset: -28_800_000,
		updated_at: '2025-01-15T09:30:00Z',
		is_app_installed: true,
	});
}

/** Ids in the path may be 15 or 18 characters; the 15-character form is case-sensitive. */
function sameId(fromPath: string, id18: string): boolean {
	if (fromPath.length === 15) return to18(fromPath) === id18;
	return fromPath.length === 18 && fromPath.slice(0, 15) === id18.slice(0, 15);
}

function photos(org: OrgRecord): {picture: string; thumbnail: string} {
	return {
		picture: `${org.myDomainUrl}/profilephoto/005/F`,
		thumbnail: `${org.myDomainUrl}/profilephoto/005/T`,
	};
}

function urls(org: OrgRecord, version: string): Record<string, string> {
	const base = org.myDomainUrl;
	const data = `${base}/services/data/v${version}`;
	return {
		enterprise: `${base}/services/Soap/c/${version}/${org.orgId}`,
		metadata: `${base}/services/Soap/m/${version}/${org.orgId}`,
		partner: `${base}/services/Soap/u/${version}/${org.orgId}`,
		rest: `${data}/`,
		sobjects: `${data}/sobjects/`,
		search: `${data}/search/`,
		query: `${data}/query/`,
		recent: `${data}/recent/`,
		tooling_soap: `${base}/services/Soap/T/${version}/`,
		tooling_rest: `${data}/tooling/`,
		profile: `${base}/${org.user.userId}`,
		feeds: `${data}/chatter/feeds`,
		groups: `${data}/chatter/groups`,
		users: `${data}/chatter/users`,
		feed_items: `${data}/chatter/feed-items`,
		feed_elements: `${data}/chatter/feed-elements`,
		custom_domain: base,
	};
}
