// Daily API request counter per org, reset when the injected clock enters a new UTC day.
// (Salesforce's allocation is a rolling 24 hours; a calendar day is close enough for a demo and
// keeps the count predictable in tests.)
export type UsageCount = {readonly used: number; readonly max: number; readonly exceeded: boolean};

export class ApiUsage {
	readonly #counters = new Map<number, {day: number; used: number}>();

	count(orgIndex: number, now: number, max: number): UsageCount {
		const day = Math.floor(now / 86_400_000);
		let counter = this.#counters.get(orgIndex);
		if (counter === undefined || counter.day !== day) {
			counter = {day, used: 0};
			this.#counters.set(orgIndex, counter);
		}
		if (counter.used >= max) return {used: counter.used, max, exceeded: true};
		counter.used++;
		return {used: counter.used, max, exceeded: false};
	}
}
