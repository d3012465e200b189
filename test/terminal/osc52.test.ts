import {test} from 'node:test';
import assert from 'node:assert/strict';
import {osc52, osc52Copy} from '../../source/terminal/osc52.js';

test('OSC 52 sets the clipboard to the base64 of the UTF-8 text, ended by BEL', () => {
	assert.equal(osc52('X1D9SEET'), '\u001B]52;c;WDFEOVNFRVQ=\u0007');
	assert.equal(osc52('é'), `\u001B]52;c;${Buffer.from('é', 'utf8').toString('base64')}\u0007`);
	assert.equal(osc52(''), '\u001B]52;c;\u0007');
});

test('outside tmux and screen the plain sequence is all that is written', () => {
	assert.equal(osc52Copy('abc', {}), osc52('abc'));
	assert.equal(osc52Copy('abc', {TERM: 'xterm-256color'}), osc52('abc'));
});

test('inside tmux the plain sequence is followed by a passthrough copy with every ESC doubled', () => {
	const text = osc52Copy('abc', {TMUX: '/tmp/tmux-0/default,1,0'});
	const plain = osc52('abc');
	assert.ok(text.startsWith(plain));
	assert.equal(text.slice(plain.length), `\u001BPtmux;\u001B\u001B]52;c;YWJj\u0007\u001B\\`);
});

test('inside GNU screen the sequence goes through in DCS chunks of at most 76 characters', () => {
	const long = 'x'.repeat(200);
	const text = osc52Copy(long, {STY: '123.pts-0', TERM: 'screen-256color'});
	const chunks = [...text.matchAll(/\u001BP([\s\S]*?)\u001B\\/gu)].map((match) => match[1] ?? '');
	assert.ok(chunks.length > 1);
	assert.ok(chunks.every((chunk) => chunk.length <= 76));
	assert.equal(chunks.join(''), osc52(long));
});
