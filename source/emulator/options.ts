// The emulator's public option types and the run-time knobs derived from them. Knobs live in one
// mutable object so `configure()` can change them while clients are connected.

export type FaultKind =
	| 'latency'
	| 'status-500'
	| 'status-503'
	| 'reset'
	| 'html-error-page'
	| 'truncated-json'
	| 'slow-drip';

export type FaultRule = {
	/** A string matches that pathname and everything below it; a RegExp is tested on the pathname. */
	readonly path: string | RegExp;
	readonly fault: FaultKind;
	/** `latency`: delay before answering; `slow-drip`: delay between chunks. */
	readonly latencyMs?: number;
	/** `status-503`: value of the Retry-After header. */
	readonly retryAfterSeconds?: number;
	/** How many requests the rule hits; default every request. */
	readonly times?: number;
};

export type EmulatorOptions = {
	readonly host?: string;
	readonly port?: number;
	readonly orgs?: number;
	readonly records?: number;
	readonly sessionTimeoutSeconds?: number;
	readonly deviceCodeLifetimeSeconds?: number;
	readonly pollIntervalSeconds?: number;
	readonly enforceSlowDown?: boolean;
	readonly deviceFlowEnabled?: boolean;
	readonly appInstalled?: boolean;
	readonly refreshTokenRotation?: boolean;
	readonly dailyApiLimit?: number;
	readonly faults?: readonly FaultRule[];
	readonly now?: () => number;
};

export type KnobOptions = Partial<
	Omit<EmulatorOptions, 'host' | 'port' | 'orgs' | 'records' | 'now'>
>;

export type Knobs = {
	sessionTimeoutSeconds: number;
	deviceCodeLifetimeSeconds: number;
	pollIntervalSeconds: number;
	enforceSlowDown: boolean;
	deviceFlowEnabled: boolean;
	appInstalled: boolean;
	refreshTokenRotation: boolean;
	dailyApiLimit: number;
};

export const defaults = {
	host: '127.0.0.1',
	port: 0,
	orgs: 2,
	records: 2500,
} as const;

export function defaultKnobs(): Knobs {
	return {
		sessionTimeoutSeconds: 7200,
		deviceCodeLifetimeSeconds: 600,
		pollIntervalSeconds: 5,
		enforceSlowDown: false,
		deviceFlowEnabled: true,
		appInstalled: true,
		refreshTokenRotation: false,
		dailyApiLimit: 15_000,
	};
}

/** Copies the knobs that `options` defines onto `knobs` (undefined means "leave as is"). */
export function applyKnobs(knobs: Knobs, options: KnobOptions): void {
	const numeric = [
		'sessionTimeoutSeconds',
		'deviceCodeLifetimeSeconds',
		'pollIntervalSeconds',
		'dailyApiLimit',
	] as const;
	for (const key of numeric) {
		const value = options[key];
		if (value === undefined) continue;
		if (!Number.isFinite(value) || value < 0) {
			throw new RangeError(`${key} must be a non-negative number, got ${value}`);
		}
		knobs[key] = value;
	}
	const flags = [
		'enforceSlowDown',
		'deviceFlowEnabled',
		'appInstalled',
		'refreshTokenRotation',
	] as const;
	for (const key of flags) {
		const value = options[key];
		if (value !== undefined) knobs[key] = value;
	}
}
