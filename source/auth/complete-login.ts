// The end every login shares, whatever got the token: who is this (userinfo), the newest API
// version, then the tokens into the secret store and the org into the config.
import {sameOrg} from '../core/token.js';
import {getLatestApiVersion, getUserInfo, type UserInfo} from '../salesforce/identity.js';
import type {CallOptions, TokenResponse} from '../salesforce/oauth-tokens.js';
import {secretAccount, type LoginMethod, type SaveOutcome, type SavedOrg} from '../store/orgs.js';
import type {AuthContext} from './context.js';
import {cancelled, failed, problem, storageProblem, type AuthResult} from './problems.js';

/** Progress of a login, for a status line. */
export type LoginStatus =
	| {readonly step: 'requesting-code'}
	| {
			readonly step: 'waiting-for-approval';
			/** 0 before the first poll. */
			readonly attempt: number;
			readonly outcome: 'waiting' | 'pending' | 'slow-down' | 'transient-failure';
			readonly nextPollSeconds: number;
	  }
	| {readonly step: 'waiting-for-browser'}
	| {readonly step: 'exchanging-code'}
	| {readonly step: 'checking-identity'}
	| {readonly step: 'saving'};

export type LoggedInOrg = {
	readonly org: SavedOrg;
	/** For the identity screen, which shows it masked unless asked. */
	readonly accessToken: string;
	readonly user: UserInfo;
	/** Tokens went to a file for the first time: tell the user, plainly, once. */
	readonly notice?: string;
	/** The requested alias belonged to another org, which now goes by `to`. */
	readonly renamed?: SaveOutcome['renamed'];
	/** This user of this org was saved before: a login again. */
	readonly replaced: boolean;
};

export type CompleteLoginInput = {
	readonly loginUrl: string;
	readonly clientId?: string;
	readonly method: LoginMethod;
	readonly alias?: string;
	readonly accessToken: string;
	readonly refreshToken?: string;
	readonly instanceUrl: string;
	/** The org the token was issued for (token response `id`, or the token's prefix). */
	readonly expectedOrgId?: string;
};

/**
 * What an OAuth flow (device or web) hands to completeLogin: the org it asked for and what the
 * token response said. One place, so both flows expect the org the token was issued for.
 */
export function oauthLoginInput(
	params: {readonly loginUrl: string; readonly clientId: string; readonly alias?: string},
	method: LoginMethod,
	token: TokenResponse,
): CompleteLoginInput {
	return {
		loginUrl: params.loginUrl,
		clientId: params.clientId,
		method,
		...(params.alias === undefined ? {} : {alias: params.alias}),
		accessToken: token.accessToken,
		...(token.refreshToken === undefined ? {} : {refreshToken: token.refreshToken}),
		instanceUrl: token.instanceUrl,
		expectedOrgId: token.orgId,
	};
}

export type FlowEvents = {
	readonly signal?: AbortSignal;
	onStatus?(status: LoginStatus): void;
};

export function callOptions(context: AuthContext, signal?: AbortSignal): CallOptions {
	return {
		...(signal === undefined ? {} : {signal}),
		...(context.http === undefined ? {} : {client: context.http}),
	};
}

/**
 * Checks who the token belongs to and remembers the login. The API version is a convenience: when
 * the versions list fails the login still succeeds without it. The tokens are stored before the
 * org, so a saved org always has its tokens.
 */
export async function completeLogin(
	context: AuthContext,
	input: CompleteLoginInput,
	events: FlowEvents = {},
): Promise<AuthResult<LoggedInOrg>> {
	const options = callOptions(context, events.signal);
	events.onStatus?.({step: 'checking-identity'});
	const version = await getLatestApiVersion({instanceUrl: input.instanceUrl}, options);
	const apiVersion = version.ok ? version.value : undefined;
	const user = await getUserInfo(
		{
			instanceUrl: input.instanceUrl,
			accessToken: input.accessToken,
			...(apiVersion === undefined ? {} : {apiVersion}),
		},
		options,
	);
	if (!user.ok) return failed(user.failure);
	if (input.expectedOrgId !== undefined && !sameOrg(user.value.orgId, input.expectedOrgId)) {
		return problem('identity-mismatch', {
			title: 'The token belongs to another org',
			cause: `The token was issued for org ${input.expectedOrgId}, but ${input.instanceUrl} says it belongs to org ${user.value.orgId}.`,
			fix: 'Log in again at the org’s own login URL (My Domain), or paste the instance URL that goes with this token.',
		});
	}

	if (events.signal?.aborted) return cancelled();
	events.onStatus?.({step: 'saving'});
	const info = user.value;
	const account = secretAccount(info);
	try {
		await context.secrets.write(account, {
			accessToken: input.accessToken,
			...(input.refreshToken === undefined ? {} : {refreshToken: input.refreshToken}),
		});
	} catch (error) {
		return storageProblem(error);
	}

	let saved: SaveOutcome;
	try {
		saved = context.orgs.save(
			{
				...(input.alias === undefined ? {} : {alias: input.alias}),
				loginUrl: input.loginUrl,
				instanceUrl: input.instanceUrl,
				...(input.clientId === undefined ? {} : {clientId: input.clientId}),
				username: info.username || info.userId,
				orgId: info.orgId,
				userId: info.userId,
				...(info.organizationName === undefined ? {} : {orgName: info.organizationName}),
				...(info.isSandbox === undefined ? {} : {sandbox: info.isSandbox}),
				...(apiVersion === undefined ? {} : {apiVersion}),
				loginMethod: input.method,
			},
			context.now(),
		);
		if (input.clientId !== undefined) context.clientIds.remember(input.loginUrl, input.clientId);
	} catch (error) {
		await context.secrets.remove(account).catch(() => undefined);
		return storageProblem(error);
	}

	const notice = context.secrets.takeNotice();
	return {
		ok: true,
		value: {
			org: saved.org,
			accessToken: input.accessToken,
			user: info,
			...(notice === undefined ? {} : {notice}),
			...(saved.renamed === undefined ? {} : {renamed: saved.renamed}),
			replaced: saved.replaced,
		},
	};
}
