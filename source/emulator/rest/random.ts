// Deterministic randomness for seeded data: the same org id always yields the same records.

/** FNV-1a 32-bit hash, used to turn an org id into a seed. */
export function hashString(value: string): number {
	let hash = 0x81_1c_9d_c5;
	for (let index = 0; index < value.length; index++) {
		hash ^= value.charCodeAt(index);
		hash = Math.imul(hash, 0x01_00_01_93);
	}
	return hash >>> 0;
}

export type Random = {
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [min, max]. */
	integer(min: number, max: number): number;
	pick<T>(items: readonly T[]): T;
	chance(probability: number): boolean;
};

/** mulberry32: tiny, fast and good enough for fake CRM data. */
export function createRandom(seed: number): Random {
	let state = seed >>> 0;
	const next = (): number => {
		state = (state + 0x6d_2b_79_f5) >>> 0;
		let mixed = state;
		mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
		mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
		return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
	};
	return {
		next,
		integer: (min, max) => min + Math.floor(next() * (max - min + 1)),
		pick<T>(items: readonly T[]): T {
			const item = items[Math.floor(next() * items.length)];
			if (item === undefined) throw new Error('pick from an empty list');
			return item;
		},
		chance: (probability) => next() < probability,
	};
}
