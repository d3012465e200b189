// "Who am I now?": userinfo (SALESFORCE.md §4.3), the org's name from the Organization object, and
// the newest API version from the unauthenticated versions list (§6.1).
import {endpoint, isRecord, readJson, unexpectedJson} from './classify.js';
import type {Result, Step} from './failure.js';
import {defaultHttpClient, sendHttp, type HttpResponse} from './http.js';
import type {CallOptions} from './oauth-tokens.js';

export type UserInfo = {
	readonly userId: string;
	readonly orgId: string;
	readonly username: string;
	readonly name: string;
	readonly email: string;
	/** Undefined when the Organization query is not possible (no API access, old emulator…). */
	readonly organizationName?: string;
	readonly isSandbox?: boolean;
	/** The identity URL (`sub`). */
	readonly identityUrl?: string;
	readonly userType?: string;
	readonly locale?: string;
	readonly language?: string;
	readonly timezone?: string;
};

export type Organization = {readonly name: string; readonly isSandbox: boolean};

type Session = {readonly instanceUrl: string; readonly accessToken: string};

/**
 * GETs a JSON document: the one request shape of every identity call. The token, when there is
 * one, is sent and cut out of any failure; the response rides along for unexpectedJson.
 */
async function getJson(
	step: Step,
	url: string | URL,
	accessToken: string | undefined,
	options: CallOptions,
): Promise<Result<{readonly response: HttpResponse; readonly json: unknown}>> {
	const secrets = accessToken === undefined ? [] : [accessToken];
	const sent = await sendHttp(
		{
			step,
			method: 'GET',
			url,
			headers: {accept: 'application/json'},
			...(accessToken === undefined ? {} : {accessToken, secrets}),
			...(options.signal === undefined ? {} : {signal: options.signal}),
		},
		options.client ?? defaultHttpClient(),
	);
	if (!sent.ok) return sent;
	const json = readJson(sent.value, step, secrets);
	return json.ok ? {ok: true, value: {response: sent.value, json: json.value}} : json;
}

/**
 * Reads the current user from `/services/oauth2/userinfo`, then the org's name and sandbox flag
 * from `SELECT Name, IsSandbox FROM Organization` (userinfo does not name the org). A failing
 * Organization query leaves `organizationName` and `isSandbox` undefined rather than failing the
 * identity check.
 */
export async function getUserInfo(
	params: Session & {readonly apiVersion?: string},
	options: CallOptions = {},
): Promise<Result<UserInfo>> {
	const step = 'userinfo';
	const secrets = [params.accessToken];
	const read = await getJson(
		step,
		endpoint(params.instanceUrl, '/services/oauth2/userinfo'),
		params.accessToken,
		options,
	);
	if (!read.ok) return read;
	const user = parseUserInfo(read.value.json);
	if (!user) {
		return {
			ok: false,
			failure: unexpectedJson(
				read.value.response,
				step,
				secrets,
				'userinfo lacks user_id or organization_id',
			),
		};
	}

	const version = params.apiVersion ?? (await versionOrUndefined(params.instanceUrl, options));
	const organization =
		version === undefined
			? undefined
			: await getOrganization({...params, apiVersion: version}, options);
	if (!organization?.ok) return {ok: true, value: user};
	return {
		ok: true,
		value: {
			...user,
			organizationName: organization.value.name,
			isSandbox: organization.value.isSandbox,
		},
	};
}

async function versionOrUndefined(
	instanceUrl: string,
	options: CallOptions,
): Promise<string | undefined> {
	const version = await getLatestApiVersion({instanceUrl}, options);
	return version.ok ? version.value : undefined;
}

function parseUserInfo(json: unknown): UserInfo | undefined {
	if (!isRecord(json)) return undefined;
	const text = (name: string): string | undefined => {
		const value = json[name];
		return typeof value === 'string' ? value : undefined;
	};

	const userId = text('user_id');
	const orgId = text('organization_id');
	if (!userId || !orgId) return undefined;
	const optional = {
		identityUrl: text('sub'),
		userType: text('user_type'),
		locale: text('locale'),
		language: text('language'),
		timezone: text('zoneinfo'),
	};
	return {
		userId,
		orgId,
		username: text('preferred_username') ?? '',
		name: text('name') ?? '',
		email: text('email') ?? '',
		...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
	};
}

/** The org's name and sandbox flag, by SOQL on the Organization object. */
export async function getOrganization(
	params: Session & {readonly apiVersion: string},
	options: CallOptions = {},
): Promise<Result<Organization>> {
	const step = 'userinfo';
	const secrets = [params.accessToken];
	const url = endpoint(params.instanceUrl, `/services/data/v${params.apiVersion}/query`);
	if (url instanceof URL) url.searchParams.set('q', 'SELECT Name, IsSandbox FROM Organization');
	const read = await getJson(step, url, params.accessToken, options);
	if (!read.ok) return read;
	const {json, response} = read.value;
	const records = isRecord(json) ? json['records'] : undefined;
	const first: unknown = Array.isArray(records) ? records[0] : undefined;
	if (!isRecord(first) || typeof first['Name'] !== 'string') {
		return {
			ok: false,
			failure: unexpectedJson(response, step, secrets, 'the Organization query returned no name'),
		};
	}

	return {ok: true, value: {name: first['Name'], isSandbox: first['IsSandbox'] === true}};
}

/**
 * The newest API version the instance offers, e.g. `"66.0"`, from `GET /services/data/`
 * (no authentication, SALESFORCE.md §6.1).
 */
export async function getLatestApiVersion(
	params: {readonly instanceUrl: string},
	options: CallOptions = {},
): Promise<Result<string>> {
	const step = 'versions';
	const read = await getJson(
		step,
		endpoint(params.instanceUrl, '/services/data/'),
		undefined,
		options,
	);
	if (!read.ok) return read;
	const {json, response} = read.value;
	const versions = Array.isArray(json)
		? (json as unknown[])
				.map((entry) => (isRecord(entry) ? entry['version'] : undefined))
				.filter(
					(version): version is string =>
						typeof version === 'string' && /^\d+\.\d+$/u.test(version),
				)
		: [];
	const latest = versions.sort((a, b) => Number(b) - Number(a))[0];
	if (latest === undefined) {
		return {ok: false, failure: unexpectedJson(response, step, [], 'no API versions listed')};
	}

	return {ok: true, value: latest};
}
