// GET /setup/secur/RemoteAccessErrorPage.apexp: where the non-redirectable OAuth errors land.
import {messagePage} from '../html/message-page.js';
import {describeSite, type Incoming} from '../incoming.js';
import {html, type Reply} from '../reply.js';

export function showErrorPage(request: Incoming): Reply {
	const params = request.url.searchParams;
	return html(
		200,
		messagePage({
			banner: describeSite(request.site),
			title: 'OAUTH_APPROVAL_ERROR_GENERIC',
			error: `error=${params.get('error') ?? ''}`,
			message:
				params.get('error_description') ??
				'An unexpected error has occurred during authentication.',
		}),
	);
}
