import {useCallback, useMemo, useState} from 'react';
import type {LoginTarget} from '../core/login-target.js';
import type {RecentLogin, RecentLogins} from '../store/recent-logins.js';

export type RecentLoginsState = {
	readonly recent: readonly RecentLogin[];
	readonly remember: (target: LoginTarget) => void;
	readonly forget: (loginUrl: string) => void;
};

/**
 * Recent logins as React state: read once when the app starts, re-read after each change so the
 * list shows what the store really kept (deduplicated, capped, validated).
 */
export function useRecentLogins(store: RecentLogins): RecentLoginsState {
	const [recent, setRecent] = useState(() => store.list());
	const remember = useCallback(
		(target: LoginTarget) => {
			store.remember(target);
			setRecent(store.list());
		},
		[store],
	);
	const forget = useCallback(
		(loginUrl: string) => {
			store.forget(loginUrl);
			setRecent(store.list());
		},
		[store],
	);
	return useMemo(() => ({recent, remember, forget}), [recent, remember, forget]);
}
