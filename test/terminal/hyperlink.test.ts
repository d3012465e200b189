import {test} from 'node:test';
import assert from 'node:assert/strict';
import {stripVTControlCharacters} from 'node:util';
import {hyperlink, supportsHyperlinks} from '../../source/terminal/hyperlink.js';

const url = 'https://login.salesforce.com/setup/connect?user_code=X1D9SEET';

test('an OSC 8 link keeps the plain URL as its text', () => {
	assert.equal(hyperlink(url), `\u001B]8;;${url}\u001B\\${url}\u001B]8;;\u001B\\`);
	assert.equal(stripVTControlCharacters(hyperlink(url)), url);
});

test('a link may show a piece of the URL and carry an id so the pieces underline together', () => {
	assert.equal(
		hyperlink(url, 'https://login', 'sftoken-1'),
		`\u001B]8;id=sftoken-1;${url}\u001B\\https://login\u001B]8;;\u001B\\`,
	);
	// An id that could end the parameters is dropped, not passed on.
	assert.equal(hyperlink(url, url, 'a;b'), `\u001B]8;;${url}\u001B\\${url}\u001B]8;;\u001B\\`);
});

test('a control character in the URL or the text never goes into an escape sequence', () => {
	assert.equal(hyperlink('https://x.test/\u001B]8;;evil', 'click'), 'click');
	assert.equal(hyperlink(url, 'a\u0007b'), 'a\u0007b');
});

test('links are drawn only for terminals known to support them; FORCE_HYPERLINK decides', () => {
	assert.equal(supportsHyperlinks({}), false);
	assert.equal(supportsHyperlinks({TERM: 'dumb', FORCE_HYPERLINK: ''}), false);
	assert.equal(
		supportsHyperlinks({TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.4.19'}),
		true,
	);
	assert.equal(
		supportsHyperlinks({TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.0.1'}),
		false,
	);
	assert.equal(supportsHyperlinks({TERM_PROGRAM: 'vscode', TERM_PROGRAM_VERSION: '1.95.0'}), true);
	assert.equal(supportsHyperlinks({WT_SESSION: 'abc'}), true);
	assert.equal(supportsHyperlinks({VTE_VERSION: '7200'}), true);
	assert.equal(supportsHyperlinks({VTE_VERSION: '4800'}), false);
	assert.equal(supportsHyperlinks({TERM: 'xterm-kitty'}), true);
	assert.equal(supportsHyperlinks({TMUX: '/tmp/tmux', VTE_VERSION: '7200'}), false);
	assert.equal(supportsHyperlinks({FORCE_HYPERLINK: '1'}), true);
	assert.equal(supportsHyperlinks({FORCE_HYPERLINK: '0', WT_SESSION: 'abc'}), false);
});
