// The login form. Field names follow Salesforce's own login page (`username`, `pw`), posted to `/`.
import {escapeHtml} from './escape.js';
import {errorLine, hiddenFields, page} from './layout.js';

export type LoginPageOptions = {
	readonly banner: string;
	/** The approval this login continues (hidden field), if any. */
	readonly request?: string;
	readonly username?: string;
	readonly error?: string;
};

export function loginPage(options: LoginPageOptions): string {
	return page({
		title: 'Log In',
		banner: options.banner,
		content: `${errorLine(options.error)}
<form method="post" action="/" id="login_form">
${hiddenFields({request: options.request})}
<label for="username">Username</label>
<input type="text" id="username" name="username" autocomplete="username" value="${escapeHtml(options.username ?? '')}">
<label for="password">Password</label>
<input type="password" id="password" name="pw" autocomplete="current-password">
<input type="submit" id="Login" name="Login" value="Log In">
</form>`,
	});
}
