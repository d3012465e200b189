// startEmulator: one listener for the login service and one per org (its My Domain), all on
// loopback free ports unless told otherwise.
import type {IncomingMessage, ServerResponse} from 'node:http';
import {createDefaultApp} from './app.js';
import {isExpired} from './devices.js';
import type {Site} from './incoming.js';
import {
	applyKnobs,
	defaultKnobs,
	defaults,
	type EmulatorOptions,
	type FaultRule,
	type KnobOptions,
} from './options.js';
import {describeOrg, type OrgRecord} from './orgs.js';
import {createRestApi} from './rest/index.js';
import {closeListener, listen, type Listener, originOf, serve, Timers} from './server.js';
import {createState, type EmulatorState} from './state.js';

export type EmulatorOrg = {
	readonly name: string;
	readonly orgId: string;
	readonly orgId15: string;
	readonly myDomainUrl: string;
	readonly username: string;
	readonly password: string;
	readonly userId: string;
	readonly sandbox: boolean;
};

export type RunningEmulator = {
	readonly loginUrl: string;
	readonly clientId: string;
	/** The default app's consumer secret: for introspection, confidential clients, signatures. */
	readonly clientSecret: string;
	readonly orgs: readonly EmulatorOrg[];
	configure(knobs: KnobOptions): void;
	setFaults(rules: readonly FaultRule[]): void;
	expireSessions(orgIndex?: number): void;
	approveDevice(userCode: string, orgIndex?: number): void;
	close(): Promise<void>;
};

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
	const host = options.host ?? defaults.host;
	const orgCount = options.orgs ?? defaults.orgs;
	if (!Number.isInteger(orgCount) || orgCount < 1)
		throw new RangeError(`orgs must be a positive integer, got ${orgCount}`);
	const knobs = defaultKnobs();
	applyKnobs(knobs, options);
	const timers = new Timers();
	// Sites exist once every port is known; a request arriving before that gets a 503.
	const ready: {current?: {state: EmulatorState; sites: Site[]}} = {};
	const handlerFor =
		(index: number) =>
		(message: IncomingMessage, response: ServerResponse): void => {
			const {current} = ready;
			const site = current?.sites[index];
			if (current === undefined || site === undefined) {
				response.writeHead(503).end();
				return;
			}
			serve(current.state, timers, site, message, response).catch(() => {
				response.destroy();
			});
		};
	const listeners: Listener[] = [];
	try {
		listeners.push(await listen(host, options.port ?? defaults.port, handlerFor(0)));
		for (let index = 1; index <= orgCount; index++)
			listeners.push(await listen(host, 0, handlerFor(index)));
	} catch (error) {
		await Promise.all(listeners.map(closeListener));
		throw error;
	}
	const [login, ...orgListeners] = listeners as [Listener, ...Listener[]];
	const loginUrl = originOf(host, login.port);
	const orgs = orgListeners.map((listener, index) =>
		describeOrg(index, originOf(host, listener.port)),
	);
	const app = createDefaultApp();
	const state = createState({
		now: options.now ?? Date.now,
		knobs,
		app,
		loginUrl,
		orgs,
		rest: createRestApi({
			records: options.records ?? defaults.records,
			orgIds: orgs.map((org) => org.orgId),
			// Record timestamps follow an injected clock; without one the REST data stays reproducible.
			...(options.now === undefined ? {} : {now: options.now}),
		}),
	});
	state.faults.set(options.faults ?? []);
	ready.current = {
		state,
		sites: [
			{origin: loginUrl, port: login.port, org: undefined},
			...orgs.map((org, index) => ({
				origin: org.myDomainUrl,
				port: orgListeners[index]?.port ?? 0,
				org,
			})),
		],
	};
	let closing: Promise<void> | undefined;
	return {
		loginUrl,
		clientId: app.clientId,
		clientSecret: app.clientSecret,
		orgs: orgs.map((org) => publicOrg(org)),
		configure(changes) {
			applyKnobs(knobs, changes);
			if (changes.faults !== undefined) state.faults.set(changes.faults);
		},
		setFaults(rules) {
			state.faults.set(rules);
		},
		expireSessions(orgIndex) {
			if (orgIndex !== undefined) orgAt(orgs, orgIndex);
			state.tokens.expireSessions(orgIndex);
		},
		approveDevice(userCode, orgIndex = 0) {
			const org = orgAt(orgs, orgIndex);
			const device = state.devices.byUserCode(userCode);
			if (
				device === undefined ||
				device.decision !== undefined ||
				isExpired(device, state.now(), knobs.deviceCodeLifetimeSeconds)
			) {
				throw new Error(`No pending device request with user code ${userCode}`);
			}
			if (device.onlyOrg !== undefined && device.onlyOrg !== org) {
				throw new Error(
					`User code ${userCode} was requested on ${device.onlyOrg.name}'s My Domain`,
				);
			}
			device.decision = {approved: true, org};
		},
		async close() {
			closing ??= (async () => {
				timers.close();
				await Promise.all(listeners.map(closeListener));
			})();
			return closing;
		},
	};
}

function orgAt(orgs: readonly OrgRecord[], index: number): OrgRecord {
	const org = orgs[index];
	if (org === undefined)
		throw new RangeError(`No org at index ${index} (there are ${orgs.length})`);
	return org;
}

function publicOrg(org: OrgRecord): EmulatorOrg {
	return {
		name: org.name,
		orgId: org.orgId,
		orgId15: org.orgId15,
		myDomainUrl: org.myDomainUrl,
		username: org.user.username,
		password: org.user.password,
		userId: org.user.userId,
		sandbox: org.sandbox,
	};
}
