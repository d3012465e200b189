import {useCallback, useEffect, useRef, useState} from 'react';

export type LoginAttempt = {
	/** Bumped by retry(): list it among the dependencies of the effect that runs the login. */
	readonly run: number;
	/** Starts an attempt, aborting the one before: cancel() now aborts this one. */
	readonly begin: () => AbortController;
	/** Whether `abort` is still the latest attempt: events of one that was replaced are dropped. */
	readonly isCurrent: (abort: AbortController) => boolean;
	readonly cancel: () => void;
	readonly retry: () => void;
};

/**
 * One login attempt at a time, shared by the device, browser and paste logins: a new attempt
 * aborts the previous one, cancel() aborts the current one, retry() asks for a new run, and
 * leaving the screen aborts whatever is in flight, so no login outlives the screen that shows it.
 */
export function useLoginAttempt(): LoginAttempt {
	const [run, setRun] = useState(0);
	const controller = useRef<AbortController | undefined>(undefined);
	const begin = useCallback(() => {
		controller.current?.abort();
		const abort = new AbortController();
		controller.current = abort;
		return abort;
	}, []);
	const isCurrent = useCallback((abort: AbortController) => controller.current === abort, []);
	const cancel = useCallback(() => {
		controller.current?.abort();
	}, []);
	const retry = useCallback(() => {
		setRun((count) => count + 1);
	}, []);
	useEffect(() => cancel, [cancel]);
	return {run, begin, isCurrent, cancel, retry};
}
