import type {IncomingHttpHeaders} from 'node:http';
import type {OrgRecord} from './orgs.js';

/** One listener: the login service (org undefined) or an org's My Domain. */
export type Site = {
	readonly origin: string;
	readonly port: number;
	readonly org: OrgRecord | undefined;
};

/** A request with its whole body read, as the handlers see it. */
export type Incoming = {
	readonly method: string;
	readonly url: URL;
	readonly headers: IncomingHttpHeaders;
	readonly body: Buffer;
	readonly site: Site;
};

/** The banner on every HTML page: which emulated host is talking. */
export function describeSite(site: Site): string {
	return site.org === undefined
		? 'Login service (login.salesforce.com)'
		: `${site.org.name} · My Domain`;
}
