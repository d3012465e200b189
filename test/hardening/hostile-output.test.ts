// Server text is untrusted: an OAuth error description, an HTML page title or a REST error message
// full of escape sequences must not reach the terminal raw through a headless command's output
// (no cursor moves, title change, OSC 52 clipboard write, OSC 8 link or bell).
import assert from 'node:assert/strict';
import type {ServerResponse} from 'node:http';
import {test} from 'node:test';
import {createLoginCommand} from '../../source/headless/login.js';
import {noWait, runCommand, temporaryDirectory, testEnv} from '../auth/helpers.js';
import {startLocalServer} from '../salesforce/local-server.js';

const hostile =
	'\u001B[2J\u001B[H\u001B]0;pwned\u0007\u001B]52;c;ZWNobyBwd25lZA==\u0007\u001B]8;;https://evil.example\u001B\\link\u001B]8;;\u001B\\\u0007\u009B31m\u0090dcs\u009C\u001B[?1049h';

// What a terminal acts on: ESC, BEL and the C1 controls (CSI, OSC, DCS, ST …). The QR code's own
// colour sequences (SGR, ESC [ … m) are the app's and are taken out first.
const controls = /[\u0007\u001B\u0080-\u009F]/u;
const ownColours = /\u001B\[[\d;]*m/gu;

const answers: Record<string, (response: ServerResponse) => void> = {
	'an OAuth error description': (response) => {
		response.writeHead(400, {'content-type': 'application/json'});
		response.end(JSON.stringify({error: 'invalid_client_id', error_description: hostile}));
	},
	'an HTML page title': (response) => {
		response.writeHead(200, {'content-type': 'text/html'});
		response.end(`<html><head><title>${hostile}</title></head><body>${hostile}</body></html>`);
	},
	'a REST error array': (response) => {
		response.writeHead(503, {'content-type': 'application/json'});
		response.end(JSON.stringify([{errorCode: `X${hostile}`, message: hostile}]));
	},
	'a plain-text error body': (response) => {
		response.writeHead(418, {'content-type': 'text/plain', 'x-note': 'a'});
		response.end(hostile);
	},
	'a device code with escapes in its fields': (response) => {
		response.writeHead(200, {'content-type': 'application/json'});
		response.end(
			JSON.stringify({
				device_code: 'dc',
				user_code: `AB${hostile}`,
				verification_uri: `http://127.0.0.1:9/${hostile}`,
				interval: 1,
			}),
		);
	},
};

const login = createLoginCommand({sleep: noWait});

for (const [name, answer] of Object.entries(answers)) {
	for (const json of [false, true]) {
		test(`sftoken login on a terminal: ${name} is shown without raw controls${json ? ' (--json)' : ''}`, async (t) => {
			const server = await startLocalServer((_request, response) => {
				answer(response);
			});
			t.after(async () => server.close());
			const result = await runCommand(
				login,
				['--device', '--domain', server.url, '--client-id', 'cid', ...(json ? ['--json'] : [])],
				{env: testEnv(temporaryDirectory(t))},
			);
			assert.notEqual(result.code, 0);
			assert.ok(result.stdout.length + result.stderr.length > 0, 'something was said');
			for (const text of [result.stdout, result.stderr]) {
				const server = text.replaceAll(ownColours, '');
				assert.doesNotMatch(server, controls, JSON.stringify(server.slice(0, 400)));
			}
		});
	}
}
