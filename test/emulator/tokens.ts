// Getting tokens quickly in tests that are about what comes after the login.
import assert from 'node:assert/strict';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {postForm, readJson, type TokenResponse} from './helpers.js';

/** Device flow with the approveDevice shortcut: tokens for org `orgIndex`. */
export async function tokensFor(
	emulator: RunningEmulator,
	orgIndex = 0,
	scope = 'refresh_token api web',
): Promise<TokenResponse> {
	const token = `${emulator.loginUrl}/services/oauth2/token`;
	const started = await postForm(token, {
		response_type: 'device_code',
		client_id: emulator.clientId,
		scope,
	});
	const code = await readJson<{device_code: string; user_code: string}>(started);
	emulator.approveDevice(code.user_code, orgIndex);
	const response = await postForm(token, {
		grant_type: 'device',
		client_id: emulator.clientId,
		code: code.device_code,
	});
	assert.equal(response.status, 200);
	return readJson<TokenResponse>(response);
}

export async function refreshWith(
	emulator: RunningEmulator,
	refreshToken: string,
	base = emulator.loginUrl,
): Promise<Response> {
	return postForm(`${base}/services/oauth2/token`, {
		grant_type: 'refresh_token',
		client_id: emulator.clientId,
		refresh_token: refreshToken,
	});
}

/** Status of an authenticated REST call on the token's instance. */
export async function restStatus(
	token: string,
	instanceUrl: string,
	path = '/services/data/v62.0/limits',
): Promise<number> {
	const response = await fetch(`${instanceUrl}${path}`, {
		headers: {Authorization: `Bearer ${token}`},
	});
	await response.body?.cancel();
	return response.status;
}
