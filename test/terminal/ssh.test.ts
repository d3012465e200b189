import {test} from 'node:test';
import assert from 'node:assert/strict';
import {browserAvailability, isSshSession} from '../../source/terminal/ssh.js';

test('an SSH session is recognised by any of the variables OpenSSH sets', () => {
	assert.equal(isSshSession({}), false);
	assert.equal(isSshSession({SSH_CONNECTION: '10.0.0.2 50000 10.0.0.1 22'}), true);
	assert.equal(isSshSession({SSH_CLIENT: '10.0.0.2 50000 22'}), true);
	assert.equal(isSshSession({SSH_TTY: '/dev/pts/1'}), true);
	assert.equal(isSshSession({SSH_TTY: ''}), false);
});

test('a browser can be opened on macOS and Windows, and on Linux only with a display', () => {
	assert.deepEqual(browserAvailability({}, 'darwin'), {ok: true});
	assert.deepEqual(browserAvailability({}, 'win32'), {ok: true});
	assert.deepEqual(browserAvailability({DISPLAY: ':0'}, 'linux'), {ok: true});
	assert.deepEqual(browserAvailability({WAYLAND_DISPLAY: 'wayland-0'}, 'linux'), {ok: true});
	assert.deepEqual(browserAvailability({WSL_DISTRO_NAME: 'Ubuntu'}, 'linux'), {ok: true});
	const headless = browserAvailability({}, 'linux');
	assert.equal(headless.ok, false);
	assert.match(headless.ok ? '' : headless.reason, /no display/u);
});

test('never over SSH, display or not', () => {
	const over = browserAvailability({SSH_TTY: '/dev/pts/0', DISPLAY: 'localhost:10.0'}, 'darwin');
	assert.equal(over.ok, false);
	assert.match(over.ok ? '' : over.reason, /SSH/u);
});
