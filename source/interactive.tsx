import {render} from 'ink';
import {App} from './app.js';

export type InteractiveOptions = {
	readonly demo: boolean;
};

/**
 * Renders the app and resolves to the process exit code once it unmounts. Only called when
 * stdin and stdout are terminals (cli.tsx decides), so interactivity is forced on: Ink would
 * otherwise turn itself off under CI=true and draw only the last frame.
 */
export async function runInteractive(options: InteractiveOptions): Promise<number> {
	const instance = render(<App demo={options.demo} />, {
		interactive: true,
		exitOnCtrlC: false,
	});
	const result = await instance.waitUntilExit();
	return typeof result === 'number' ? result : 0;
}
