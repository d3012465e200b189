import {createContext, useContext, useEffect} from 'react';

type SetBare = (bare: boolean) => void;

/** Provided by the root, which draws the header and the blank lines around a screen. */
export const BareFrameContext = createContext<SetBare | undefined>(undefined);

/**
 * While `bare` is true the root draws only the screen and the footer, no header and no blank
 * lines: the QR code view needs every row of a small terminal.
 */
export function useBareFrame(bare: boolean): void {
	const setBare = useContext(BareFrameContext);
	useEffect(() => {
		setBare?.(bare);
		return () => {
			setBare?.(false);
		};
	}, [setBare, bare]);
}
