// The request context handed over by the server (who is calling, for which org) and the User
// and Organization records derived from it.

import {to18} from '../ids.js';
import {hashString} from './random.js';
import {seedEnd, seedStart, type Row} from './seed.js';

export type RestContext = {
	readonly org: {
		readonly orgId: string;
		readonly name: string;
		readonly myDomainUrl: string;
		readonly sandbox: boolean;
	};
	readonly user: {
		readonly userId: string;
		readonly username: string;
		readonly name: string;
		readonly email: string;
	};
	readonly apiUsage: {readonly used: number; readonly max: number};
};

/** 15-character ids from the server are widened; anything else is passed through. */
export function id18(id: string): string {
	return id.length === 15 ? to18(id) : id;
}

/** The token's user as a User record (the only user the emulator's REST side knows). */
export function userRow(context: RestContext): Row {
	const {user} = context;
	const space = user.name.lastIndexOf(' ');
	const firstName = space > 0 ? user.name.slice(0, space) : null;
	const lastName = space > 0 ? user.name.slice(space + 1) : user.name;
	const alias = `${(firstName ?? '').slice(0, 1)}${lastName.slice(0, 4)}`.toLowerCase();
	return {
		Id: id18(user.userId),
		Username: user.username,
		LastName: lastName,
		FirstName: firstName,
		Name: user.name,
		Alias: alias,
		Email: user.email,
		IsActive: true,
		UserType: 'Standard',
		TimeZoneSidKey: 'America/Los_Angeles',
		LocaleSidKey: 'en_US',
		LanguageLocaleKey: 'en_US',
		EmailEncodingKey: 'UTF-8',
	};
}

const day = 86_400_000;

/**
 * The request's org as its Organization record. Values that the context does not give are
 * derived from the org id, so they stay the same on every run.
 */
export function organizationRow(context: RestContext): Row {
	const {org} = context;
	const hash = hashString(org.orgId.slice(0, 15));
	const timeOfDay = (hash % 86_400) * 1000;
	// A production org predates its seeded records; a sandbox was created (refreshed) shortly
	// before the data ends, its records keeping the dates they had in production.
	const created = org.sandbox
		? seedEnd - (30 + (hash % 30)) * day + timeOfDay
		: seedStart - (1 + (hash % 365)) * day + timeOfDay;
	const modified = seedEnd - (hash % 7) * day + timeOfDay;
	return {
		Id: id18(org.orgId),
		Name: org.name,
		Country: 'US',
		// Every emulated production has a sandbox, which Developer Edition orgs cannot have, and a
		// sandbox reports the edition of its production.
		OrganizationType: 'Enterprise Edition',
		// Sandboxes run on their own instances, whose names end in S (USA123S).
		InstanceName: `USA${100 + (hash % 900)}${org.sandbox ? 'S' : ''}`,
		IsSandbox: org.sandbox,
		NamespacePrefix: null,
		// Only trial and scratch orgs expire.
		TrialExpirationDate: null,
		LanguageLocaleKey: 'en_US',
		TimeZoneSidKey: 'America/Los_Angeles',
		DefaultLocaleSidKey: 'en_US',
		CreatedDate: created,
		LastModifiedDate: modified,
		SystemModstamp: modified,
	};
}

export type RestRequest = {
	readonly method: string;
	/** URL path as received (percent-encoded). */
	readonly pathname: string;
	readonly search: URLSearchParams;
	readonly body: string;
	readonly headers: Readonly<Record<string, string | string[] | undefined>>;
	readonly context: RestContext;
};

/** A header's value; Node gives lower-case names and arrays for repeated headers. */
export function headerValue(request: RestRequest, name: string): string | undefined {
	const value = request.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}
