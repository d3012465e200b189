import {useEffect, useState} from 'react';

/**
 * The clock's time, re-read every `everyMs` while `running`: countdowns and "checked 3 s ago"
 * redraw once a second without any state of their own.
 */
export function useNow(now: () => number, running: boolean, everyMs = 1000): number {
	const [time, setTime] = useState(now);
	useEffect(() => {
		if (!running) return;
		// The first tick comes a second after `running` turns on; until then the time of the
		// previous tick shows, which the texts clamp (nothing reads negative).
		const timer = setInterval(() => {
			setTime(now());
		}, everyMs);
		return () => {
			clearInterval(timer);
		};
	}, [now, running, everyMs]);
	return time;
}
