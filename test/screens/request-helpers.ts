// Logins for the request screen tests: a device login approved through the emulator's back door,
// then the shared end of every login (userinfo, tokens stored, org saved) in a memory context.
import assert from 'node:assert/strict';
import {completeLogin, type LoggedInOrg} from '../../source/auth/complete-login.js';
import {memoryAuthContext, type AuthContext} from '../../source/auth/context.js';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {loginWithDevice} from '../salesforce/login.js';

export async function logIn(
	emulator: RunningEmulator,
	orgIndex = 0,
	options: {readonly context?: AuthContext; readonly keepRefreshToken?: boolean} = {},
): Promise<{context: AuthContext; login: LoggedInOrg}> {
	const context = options.context ?? memoryAuthContext();
	const token = await loginWithDevice(emulator, orgIndex);
	const keep = options.keepRefreshToken ?? true;
	const done = await completeLogin(context, {
		loginUrl: emulator.loginUrl,
		clientId: emulator.clientId,
		method: 'device',
		accessToken: token.accessToken,
		...(keep && token.refreshToken !== undefined ? {refreshToken: token.refreshToken} : {}),
		instanceUrl: token.instanceUrl,
		expectedOrgId: token.orgId,
	});
	assert.ok(done.ok, JSON.stringify(done));
	return {context, login: done.value};
}
