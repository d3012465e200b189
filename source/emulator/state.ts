// Everything the handlers share: the clock, the knobs, the orgs and the in-memory stores.
import type {ConnectedApp} from './app.js';
import {BrowserSessions} from './browser-sessions.js';
import {CodeStore} from './codes.js';
import {DeviceStore} from './devices.js';
import {FaultBook} from './faults.js';
import type {Knobs} from './options.js';
import type {OrgRecord} from './orgs.js';
import {PendingApprovals} from './pending.js';
import type {RestApi} from './rest/index.js';
import {TokenStore} from './tokens.js';
import {ApiUsage} from './usage.js';

export type EmulatorState = {
	readonly now: () => number;
	readonly knobs: Knobs;
	readonly app: ConnectedApp;
	readonly loginUrl: string;
	readonly orgs: readonly OrgRecord[];
	readonly rest: RestApi;
	readonly tokens: TokenStore;
	readonly codes: CodeStore;
	readonly devices: DeviceStore;
	readonly pending: PendingApprovals;
	readonly browser: BrowserSessions;
	readonly usage: ApiUsage;
	readonly faults: FaultBook;
};

export function createState(
	fields: Pick<EmulatorState, 'now' | 'knobs' | 'app' | 'loginUrl' | 'orgs' | 'rest'>,
): EmulatorState {
	return {
		...fields,
		tokens: new TokenStore(),
		codes: new CodeStore(),
		devices: new DeviceStore(),
		pending: new PendingApprovals(),
		browser: new BrowserSessions(),
		usage: new ApiUsage(),
		faults: new FaultBook(),
	};
}

export function sessionTimeoutMs(state: EmulatorState): number {
	return state.knobs.sessionTimeoutSeconds * 1000;
}
