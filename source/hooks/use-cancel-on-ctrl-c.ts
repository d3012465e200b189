import {createContext, useCallback, useContext, useEffect, useMemo, useRef, useState} from 'react';

/** Cancels work in flight; returns false when there was nothing left to cancel. */
type Cancel = () => boolean | void;

type Register = (cancel: Cancel) => () => void;

/** Provided by the root (App), which owns Ctrl+C. */
export const CtrlCContext = createContext<Register | undefined>(undefined);

/**
 * While `cancel` is set, Ctrl+C runs it instead of quitting the app. Screens pass a cancel
 * function while something is in flight (a request, a login poll) and undefined otherwise.
 * A registration is used once: after Ctrl+C has run it, the next Ctrl+C quits, even if the
 * work does not stop, so the user always has a way out. Pass a new function to arm it again.
 * A cancel that returns false found nothing in flight (the work ended between the render that
 * armed it and the key): that Ctrl+C quits, as it would have a moment later.
 */
export function useCancelOnCtrlC(cancel: Cancel | undefined): void {
	const register = useContext(CtrlCContext);
	useEffect(() => {
		if (cancel === undefined || register === undefined) return;
		return register(cancel);
	}, [cancel, register]);
}

export type CtrlCRegistry = {
	/** Goes into CtrlCContext. */
	readonly register: Register;
	/** Whether Ctrl+C would cancel something now (the footer says "cancel", not "quit"). */
	readonly cancelArmed: boolean;
	/** Runs the latest registered cancel and reports 'cancelled', or reports 'quit'. */
	readonly handleCtrlC: () => 'cancelled' | 'quit';
};

/** The root's side of useCancelOnCtrlC. */
export function useCtrlCRegistry(): CtrlCRegistry {
	// A ref, because Ctrl+C must see registrations made since the last render; the count is
	// state only so the footer re-renders.
	const entries = useRef<Array<{readonly cancel: Cancel}>>([]);
	const [armed, setArmed] = useState(0);

	const remove = useCallback((entry: {readonly cancel: Cancel}) => {
		const index = entries.current.indexOf(entry);
		if (index === -1) return;
		entries.current.splice(index, 1);
		setArmed(entries.current.length);
	}, []);

	const register = useCallback<Register>(
		(cancel) => {
			const entry = {cancel};
			entries.current.push(entry);
			setArmed(entries.current.length);
			return () => {
				remove(entry);
			};
		},
		[remove],
	);

	const handleCtrlC = useCallback(() => {
		const entry = entries.current.at(-1);
		if (entry === undefined) return 'quit';
		remove(entry);
		return entry.cancel() === false ? 'quit' : 'cancelled';
	}, [remove]);

	return useMemo(
		() => ({register, cancelArmed: armed > 0, handleCtrlC}),
		[register, armed, handleCtrlC],
	);
}
