// History's settings, in the config file (small, rarely changed; the history itself is not there):
//   historyLimit           most entries kept (default 1000)
//   historyPreviewChars    characters of each response body kept (default 8192)
//   historyRequestBodyChars characters of each request body kept (default 32768)
// A value that is missing or not a sensible whole number reads as the default.
import {defaultHistoryCaps, type HistoryCaps} from '../core/history-entry.js';
import type {KeyValueStore} from './config-store.js';
import {defaultHistoryLimit} from './history.js';

export type HistorySettings = {
	readonly limit: number;
	readonly caps: HistoryCaps;
};

export const historySettingKeys = {
	limit: 'historyLimit',
	previewChars: 'historyPreviewChars',
	requestBodyChars: 'historyRequestBodyChars',
} as const;

function wholeNumber(store: KeyValueStore, key: string, fallback: number, max: number): number {
	let value: unknown;
	try {
		value = store.get(key);
	} catch {
		return fallback;
	}

	return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max
		? value
		: fallback;
}

/** The settings as the config holds them, defaults where it holds nothing usable. */
export function readHistorySettings(store: KeyValueStore): HistorySettings {
	return {
		limit: wholeNumber(store, historySettingKeys.limit, defaultHistoryLimit, 1_000_000),
		caps: {
			previewChars: wholeNumber(
				store,
				historySettingKeys.previewChars,
				defaultHistoryCaps.previewChars,
				16_777_216,
			),
			requestBodyChars: wholeNumber(
				store,
				historySettingKeys.requestBodyChars,
				defaultHistoryCaps.requestBodyChars,
				16_777_216,
			),
		},
	};
}
