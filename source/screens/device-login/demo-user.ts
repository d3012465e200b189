import type {DemoSetup} from '../../app-state.js';
import type {LoginTarget} from '../../core/login-target.js';
import type {DemoUser} from './device-blocks.js';

/**
 * The emulator user to log in as on its page: the org's own user for an org's My Domain, the
 * first org's on the shared login service. Undefined outside demo mode.
 */
export function demoUserFor(
	target: LoginTarget,
	demo: DemoSetup | undefined,
): DemoUser | undefined {
	if (demo === undefined || target.source !== 'emulator') return undefined;
	const org =
		demo.orgs.find((candidate) => candidate.myDomainUrl === target.loginUrl) ?? demo.orgs[0];
	if (org?.username === undefined || org.password === undefined) return undefined;
	return {username: org.username, password: org.password};
}
