// /setup/connect: the device flow's verification page. Enter the user code, log in (or reuse
// the browser session unless prompt=login), then Allow or Deny.
import type {DeviceRequest} from '../devices.js';
import {isExpired} from '../devices.js';
import {readForm} from '../forms.js';
import {connectPage} from '../html/connect-page.js';
import {describeSite, type Incoming} from '../incoming.js';
import {html, type Reply} from '../reply.js';
import type {EmulatorState} from '../state.js';
import {loginOrAllow} from './approval.js';
import {unconfirmed} from './error-texts.js';

export function showConnect(request: Incoming): Reply {
	const params = request.url.searchParams;
	return html(
		200,
		connectPage({
			banner: describeSite(request.site),
			userCode: params.get('user_code') ?? '',
			prompt: params.get('prompt') ?? undefined,
		}),
	);
}

export async function submitConnect(state: EmulatorState, request: Incoming): Promise<Reply> {
	const form = await readForm(request);
	const typed = form.get('user_code') ?? '';
	const prompt = form.get('prompt') ?? undefined;
	const device = state.devices.byUserCode(typed);
	if (device === undefined || !approvable(state, request, device)) {
		return html(
			200,
			connectPage({
				banner: describeSite(request.site),
				userCode: typed,
				prompt,
				error: unconfirmed.userCodeInvalid.description,
			}),
		);
	}
	const pending = state.pending.add({
		kind: 'device',
		device,
		onlyOrg: request.site.org ?? device.onlyOrg,
		createdAt: state.now(),
	});
	return loginOrAllow(state, request, pending, {
		forceLogin: (prompt ?? '').split(/\s+/).includes('login'),
	});
}

function approvable(state: EmulatorState, request: Incoming, device: DeviceRequest): boolean {
	const {org} = request.site;
	return (
		device.decision === undefined &&
		!isExpired(device, state.now(), state.knobs.deviceCodeLifetimeSeconds) &&
		(org === undefined || device.onlyOrg === undefined || device.onlyOrg === org)
	);
}
