import {createContext, useContext, useEffect} from 'react';
import type {KeyHint} from '../components/key-hints/fit-key-hints.js';

type SetHints = (hints: readonly KeyHint[]) => void;

/** Provided by the root, which draws the footer. */
export const KeyHintsContext = createContext<SetHints | undefined>(undefined);

/**
 * Shows `hints` in the app's footer while the calling screen is mounted. The root adds the
 * Ctrl+C hint itself, so every screen's footer ends with the way out.
 */
export function useKeyHints(hints: readonly KeyHint[]): void {
	const setHints = useContext(KeyHintsContext);
	// Keyed on the text, so a screen that builds a new array on every render causes no loop.
	const text = JSON.stringify(hints);
	useEffect(() => {
		setHints?.(JSON.parse(text) as KeyHint[]);
		return () => {
			setHints?.([]);
		};
	}, [setHints, text]);
}
