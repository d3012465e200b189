// Kept apart from config-store.ts, which loads conf: the stores read through a KeyValueStore and
// should not pull conf in just for this.
import type {KeyValueStore} from './config-store.js';

/**
 * The list stored under `key`, for the stores that keep one in the config file. A value that cannot
 * be read, or is not a list (a hand-edited file), reads as an empty list: callers then check each
 * item themselves.
 */
export function readList(store: KeyValueStore, key: string): readonly unknown[] {
	let raw: unknown;
	try {
		raw = store.get(key);
	} catch {
		return [];
	}

	return Array.isArray(raw) ? (raw as unknown[]) : [];
}
