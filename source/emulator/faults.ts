// Fault injection rules: the first rule whose path matches and that has hits left applies.
import type {FaultRule} from './options.js';

export class FaultBook {
	#rules: Array<{rule: FaultRule; remaining: number}> = [];

	set(rules: readonly FaultRule[]): void {
		this.#rules = rules.map((rule) => ({rule, remaining: rule.times ?? Number.POSITIVE_INFINITY}));
	}

	/** The fault for this request, consuming one hit of its rule. */
	take(pathname: string): FaultRule | undefined {
		const entry = this.#rules.find(
			({rule, remaining}) => remaining > 0 && matches(rule.path, pathname),
		);
		if (entry === undefined) return undefined;
		entry.remaining--;
		return entry.rule;
	}
}

/** A string matches its own path and everything below it: `/services/data` matches `/services/data/v62.0/query`. */
export function matches(path: string | RegExp, pathname: string): boolean {
	if (typeof path !== 'string') {
		path.lastIndex = 0; // a /g or /y RegExp would otherwise remember where it stopped
		return path.test(pathname);
	}
	const base = path.endsWith('/') ? path.slice(0, -1) : path;
	return pathname === path || pathname === base || pathname.startsWith(`${base}/`);
}
