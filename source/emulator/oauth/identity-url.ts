import type {OrgRecord} from '../orgs.js';
import type {EmulatorState} from '../state.js';

/**
 * `<login>/id/<org 18>/<user 18>`. Real sandboxes answer with test.salesforce.com; the emulator
 * has one login service, so every org's identity URL is on it.
 */
export function identityUrl(state: EmulatorState, org: OrgRecord): string {
	return `${state.loginUrl}/id/${org.orgId}/${org.user.userId}`;
}
