// /setup/connect: where the user types the device flow's user code.
import {escapeHtml} from './escape.js';
import {errorLine, hiddenFields, page} from './layout.js';

export function connectPage(options: {
	readonly banner: string;
	readonly userCode: string;
	readonly prompt: string | undefined;
	readonly error?: string;
}): string {
	return page({
		title: 'Connect Your Device',
		banner: options.banner,
		content: `${errorLine(options.error)}
<p>Enter the code shown on your device.</p>
<form method="post" action="/setup/connect" id="connect_form">
${hiddenFields({prompt: options.prompt})}
<label for="user_code">Code</label>
<input type="text" id="user_code" name="user_code" class="code" autocomplete="off" value="${escapeHtml(options.userCode)}">
<input type="submit" name="save" value="Connect">
</form>`,
	});
}
