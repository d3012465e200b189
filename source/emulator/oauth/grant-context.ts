import type {Incoming} from '../incoming.js';
import type {OrgRecord} from '../orgs.js';
import type {EmulatorState} from '../state.js';

/** What a grant handler of the token endpoint receives once the client is authenticated. */
export type GrantContext = {
	readonly state: EmulatorState;
	readonly request: Incoming;
	readonly form: URLSearchParams;
	readonly clientId: string;
	readonly secretVerified: boolean;
};

/** A My Domain only redeems grants of its own org; the login service redeems any org's. */
export function servesOrg(request: Incoming, org: OrgRecord): boolean {
	return request.site.org === undefined || request.site.org === org;
}
