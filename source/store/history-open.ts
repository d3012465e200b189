// The user's history, where and as the config says: the one way the app and the headless commands
// open it.
import {
	configDirectory,
	openConfigStore,
	type ConfigStoreOptions,
	type KeyValueStore,
} from './config-store.js';
import {readHistorySettings} from './history-settings.js';
import {openHistoryStore, type HistoryStore} from './history.js';

export type OpenUserHistoryOptions = ConfigStoreOptions & {
	/** The config already opened (for the settings); opened here when absent. */
	readonly config?: KeyValueStore;
};

/**
 * The history log in the config directory (configDirectory), with the limit and caps the config
 * sets. A config that cannot be read only costs the settings: history opens with the defaults.
 */
export function openUserHistory(options: OpenUserHistoryOptions = {}): HistoryStore {
	const where = {
		...(options.cwd === undefined ? {} : {cwd: options.cwd}),
		...(options.env === undefined ? {} : {env: options.env}),
	};
	let config = options.config;
	if (config === undefined) {
		try {
			config = openConfigStore(where);
		} catch {
			config = undefined;
		}
	}

	const settings = config === undefined ? undefined : readHistorySettings(config);
	return openHistoryStore({directory: configDirectory(where), ...settings});
}
