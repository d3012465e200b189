import {test} from 'node:test';
import assert from 'node:assert/strict';
import {Text, useInput} from 'ink';
import {parseLoginTarget} from '../../source/core/login-target.js';
import {useRecentLogins} from '../../source/hooks/use-recent-logins.js';
import {inMemoryStore} from '../../source/store/config-store.js';
import {recentLogins} from '../../source/store/recent-logins.js';
import type {RecentLogins} from '../../source/store/recent-logins.js';
import {renderTerminal} from '../helpers/render-terminal.js';
import {waitForText} from '../helpers/wait-for.js';

const acme = parseLoginTarget('https://acme.lightning.force.com');
const beta = parseLoginTarget('https://beta.my.salesforce.com');

/** `a`/`b` remember a login, `x` forgets acme. */
function Show({store}: {readonly store: RecentLogins}) {
	const recent = useRecentLogins(store);
	useInput((input) => {
		if (input === 'a' && acme.ok) recent.remember(acme.target);
		if (input === 'b' && beta.ok) recent.remember(beta.target);
		if (input === 'x') recent.forget('https://acme.my.salesforce.com');
	});
	return (
		<Text>{`recent=${recent.recent.map((login) => login.loginUrl).join(',') || 'none'}`}</Text>
	);
}

test('the list follows what the store keeps', async () => {
	const store = recentLogins(inMemoryStore());
	const terminal = renderTerminal(<Show store={store} />);
	await waitForText(terminal.lastFrame, 'recent=none');
	terminal.write('a');
	await waitForText(terminal.lastFrame, 'recent=https://acme.my.salesforce.com');
	terminal.write('b');
	await waitForText(
		terminal.lastFrame,
		'recent=https://beta.my.salesforce.com,https://acme.my.salesforce.com',
	);
	terminal.write('x');
	await waitForText(terminal.lastFrame, 'recent=https://beta.my.salesforce.com');
	assert.deepEqual(
		store.list().map((login) => login.loginUrl),
		['https://beta.my.salesforce.com'],
	);
	terminal.unmount();
});

test('logins remembered in an earlier run show from the first frame', async () => {
	const store = recentLogins(inMemoryStore());
	if (acme.ok) store.remember(acme.target);
	const terminal = renderTerminal(<Show store={store} />);
	await waitForText(terminal.lastFrame, 'recent=https://acme.my.salesforce.com');
	terminal.unmount();
});
