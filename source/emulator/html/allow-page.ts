// "Allow access?": names the app, the org and the user, and what the app will be able to do.
import {scopeLabels} from '../app.js';
import {escapeHtml} from './escape.js';
import {hiddenFields, page} from './layout.js';

export const decisionPath = '/setup/secur/RemoteAccessAuthorizationPage.apexp';

export type AllowPageOptions = {
	readonly banner: string;
	readonly request: string;
	readonly appName: string;
	readonly orgName: string;
	readonly username: string;
	readonly scopes: readonly string[];
};

export function allowPage(options: AllowPageOptions): string {
	const abilities = [...new Set(options.scopes.map((scope) => scopeLabels[scope] ?? scope))];
	return page({
		title: 'Allow Access?',
		banner: options.banner,
		content: `<p><strong>${escapeHtml(options.appName)}</strong> is asking to:</p>
<ul>
${abilities.map((ability) => `<li>${escapeHtml(ability)}</li>`).join('\n')}
</ul>
<p>You are logged in to <strong>${escapeHtml(options.orgName)}</strong> as <strong>${escapeHtml(options.username)}</strong>.</p>
<p>Do you want to allow access for ${escapeHtml(options.username)}? (Not you? Start over with a forced login.)</p>
<form method="post" action="${decisionPath}" id="oaapprove">
${hiddenFields({request: options.request})}
<button type="submit" name="decision" value="allow" id="oaapprove_allow">Allow</button>
<button type="submit" name="decision" value="deny" id="oaapprove_deny">Deny</button>
</form>`,
	});
}
