// The shortest way to a token in tests: a device login approved through the emulator's back door.
import assert from 'node:assert/strict';
import type {RunningEmulator} from '../../source/emulator/index.js';
import type {HttpClient} from '../../source/salesforce/http.js';
import {pollDeviceToken, requestDeviceCode} from '../../source/salesforce/oauth-device.js';
import type {TokenResponse} from '../../source/salesforce/oauth-tokens.js';

export async function loginWithDevice(
	emulator: RunningEmulator,
	orgIndex = 0,
	client?: HttpClient,
): Promise<TokenResponse> {
	const options = client === undefined ? {} : {client};
	const code = await requestDeviceCode(
		{loginUrl: emulator.loginUrl, clientId: emulator.clientId},
		options,
	);
	assert.ok(code.ok, JSON.stringify(code));
	emulator.approveDevice(code.value.userCode, orgIndex);
	const poll = await pollDeviceToken(
		{loginUrl: emulator.loginUrl, clientId: emulator.clientId, deviceCode: code.value.deviceCode},
		options,
	);
	assert.ok(poll.ok && poll.value.status === 'approved', JSON.stringify(poll));
	return poll.value.token;
}
