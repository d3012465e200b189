// Device-flow requests, found by device code (polling) and by user code (the /setup/connect page).
import type {OrgRecord} from './orgs.js';
import {newDeviceCode, newUserCode} from './random.js';

export type DeviceRequest = {
	readonly deviceCode: string;
	readonly userCode: string;
	readonly clientId: string;
	readonly scopes: readonly string[];
	/** Requested on a My Domain: only that org's users may approve it. */
	readonly onlyOrg: OrgRecord | undefined;
	readonly createdAt: number;
	readonly intervalSeconds: number;
	lastPollAt: number | undefined;
	decision:
		{readonly approved: true; readonly org: OrgRecord} | {readonly approved: false} | undefined;
};

export class DeviceStore {
	readonly #byDeviceCode = new Map<string, DeviceRequest>();
	readonly #byUserCode = new Map<string, DeviceRequest>();

	create(
		fields: Pick<
			DeviceRequest,
			'clientId' | 'scopes' | 'onlyOrg' | 'createdAt' | 'intervalSeconds'
		>,
	): DeviceRequest {
		let userCode = newUserCode();
		while (this.#byUserCode.has(userCode)) userCode = newUserCode();
		const request: DeviceRequest = {
			...fields,
			deviceCode: newDeviceCode(),
			userCode,
			lastPollAt: undefined,
			decision: undefined,
		};
		this.#byDeviceCode.set(request.deviceCode, request);
		this.#byUserCode.set(userCode, request);
		return request;
	}

	byDeviceCode(deviceCode: string): DeviceRequest | undefined {
		return this.#byDeviceCode.get(deviceCode);
	}

	/** Users type the code: ignore case, spaces and dashes. */
	byUserCode(typed: string): DeviceRequest | undefined {
		return this.#byUserCode.get(typed.replaceAll(/[\s-]/g, '').toUpperCase());
	}

	remove(request: DeviceRequest): void {
		this.#byDeviceCode.delete(request.deviceCode);
		this.#byUserCode.delete(request.userCode);
	}
}

export function isExpired(request: DeviceRequest, now: number, lifetimeSeconds: number): boolean {
	return now - request.createdAt >= lifetimeSeconds * 1000;
}
