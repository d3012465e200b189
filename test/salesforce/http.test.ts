import assert from 'node:assert/strict';
import http from 'node:http';
import type {LookupFunction} from 'node:net';
import {after, test} from 'node:test';
import {
	checkDestination,
	createHttpClient,
	isLoopbackHost,
	sendHttp,
	type HttpMethod,
} from '../../source/salesforce/http.js';
import type {Failure, Result} from '../../source/salesforce/failure.js';
import {startLocalServer} from './local-server.js';

const token =
	'00D5g000004ABCD!AQ0AQFakeTokenForTests.1234567890abcdefghijklmnopqrstuvwxyzABCDEFGHIJ';
// Retries wait through this: it records the delay and returns at once.
const sleeps: number[] = [];
const client = createHttpClient({
	timeoutMs: 200,
	totalTimeoutMs: 400,
	sleep(ms) {
		sleeps.push(ms);
		return Promise.resolve();
	},
});
const failures: Failure[] = [];

function failureOf<T>(result: Result<T>): Failure {
	assert.equal(result.ok, false, 'expected a failure');
	if (result.ok) throw new Error('unreachable');
	failures.push(result.failure);
	return result.failure;
}

const busy = await startLocalServer((_request, response) => {
	response.writeHead(503, {'retry-after': '2', 'content-type': 'text/plain'});
	response.end('busy');
});
const badGateway = await startLocalServer((_request, response) => {
	response.writeHead(502);
	response.end();
});
const slowRetryAfter = await startLocalServer((_request, response) => {
	response.writeHead(503, {'retry-after': '3600'});
	response.end('later');
});
const resetting = await startLocalServer((request) => {
	request.socket.destroy();
});
const silent = await startLocalServer(() => undefined);
const dripping = await startLocalServer((_request, response) => {
	response.writeHead(200, {'content-type': 'application/json'});
	const timer = setInterval(() => response.write(' '), 20);
	response.once('close', () => {
		clearInterval(timer);
	});
});
const echo = await startLocalServer((request, response) => {
	let body = '';
	request.on('data', (chunk: Buffer) => (body += chunk.toString()));
	request.on('end', () => {
		response.writeHead(200, {'content-type': 'application/json'});
		response.end(
			JSON.stringify({
				method: request.method,
				body,
				contentType: request.headers['content-type'],
				userAgent: request.headers['user-agent'],
				authorization: request.headers.authorization,
			}),
		);
	});
});
const big = await startLocalServer((_request, response) => {
	response.end('x'.repeat(200_000));
});
const selfSigned = await startLocalServer(
	(_request, response) => {
		response.end('{}');
	},
	{tls: true},
);

after(async () => {
	await Promise.all(
		[busy, badGateway, slowRetryAfter, resetting, silent, dripping, echo, big, selfSigned].map(
			async (server) => server.close(),
		),
	);
});

test('GET is retried on 503 after the Retry-After delay, and the last answer is returned', async () => {
	busy.hits.length = 0;
	sleeps.length = 0;
	const result = await sendHttp(
		{step: 'versions', method: 'GET', url: `${busy.url}/services/data/`},
		client,
	);
	assert.equal(result.ok && result.value.status, 503);
	assert.equal(result.ok && result.value.body, 'busy');
	assert.equal(busy.hits.length, 3);
	assert.deepEqual(sleeps, [2000, 2000]);
});

test('without Retry-After the retries back off exponentially', async () => {
	badGateway.hits.length = 0;
	sleeps.length = 0;
	const result = await sendHttp({step: 'request', method: 'GET', url: badGateway.url}, client);
	assert.equal(result.ok && result.value.status, 502);
	assert.equal(badGateway.hits.length, 3);
	assert.deepEqual(sleeps, [1000, 2000]);
});

for (const method of ['POST', 'PATCH', 'PUT', 'DELETE'] as const satisfies HttpMethod[]) {
	test(`${method} is never retried`, async () => {
		busy.hits.length = 0;
		const result = await sendHttp(
			{step: 'request', method, url: `${busy.url}/x`, body: '{}'},
			client,
		);
		assert.equal(result.ok && result.value.status, 503);
		assert.equal(busy.hits.length, 1);
	});
}

test('a POST marked idempotent (device polling) is retried', async () => {
	busy.hits.length = 0;
	await sendHttp(
		{step: 'device-poll', method: 'POST', url: `${busy.url}/t`, form: {a: 'b'}, idempotent: true},
		client,
	);
	assert.equal(busy.hits.length, 3);
});

test('a Retry-After longer than the cap is not waited for: the 503 is reported at once', async () => {
	slowRetryAfter.hits.length = 0;
	const result = await sendHttp({step: 'versions', method: 'GET', url: slowRetryAfter.url}, client);
	assert.equal(result.ok && result.value.status, 503);
	assert.equal(slowRetryAfter.hits.length, 1);
});

test('a connection reset is retried for GET and reported as reset', async () => {
	resetting.hits.length = 0;
	const failure = failureOf(
		await sendHttp({step: 'userinfo', method: 'GET', url: resetting.url}, client),
	);
	assert.equal(failure.kind === 'network' && failure.code, 'reset');
	assert.equal(resetting.hits.length, 3);
});

test('a connection reset is not retried for POST', async () => {
	resetting.hits.length = 0;
	const failure = failureOf(
		await sendHttp(
			{step: 'token-exchange', method: 'POST', url: resetting.url, form: {code: 'x'}},
			client,
		),
	);
	assert.equal(failure.kind === 'network' && failure.code, 'reset');
	assert.equal(resetting.hits.length, 1);
});

test('a server that never answers times out once (timeouts are not retried)', async () => {
	silent.hits.length = 0;
	const failure = failureOf(
		await sendHttp({step: 'request', method: 'GET', url: silent.url, accessToken: token}, client),
	);
	assert.equal(failure.kind === 'network' && failure.code, 'timeout');
	assert.match(failure.kind === 'network' ? failure.message : '', /200 ms/u);
	assert.equal(silent.hits.length, 1);
});

test('a server dripping bytes hits the total timeout', async () => {
	const failure = failureOf(
		await sendHttp({step: 'request', method: 'GET', url: dripping.url}, client),
	);
	assert.equal(failure.kind === 'network' && failure.code, 'timeout');
	assert.match(
		failure.kind === 'network' ? failure.message : '',
		/did not finish answering within 400 ms/u,
	);
});

test('nothing listening is "refused"', async () => {
	const closed = await startLocalServer(() => undefined);
	await closed.close();
	const failure = failureOf(
		await sendHttp({step: 'device-code', method: 'POST', url: closed.url}, client),
	);
	assert.equal(failure.kind === 'network' && failure.code, 'refused');
});

test('an unknown host name is "dns"', async () => {
	// The lookup fails locally: tests never reach a real resolver.
	const lookup: LookupFunction = (hostname, _options, callback) => {
		const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
			code: 'ENOTFOUND',
		});
		callback(error, '', 4);
	};
	const agent = new http.Agent({lookup});
	const dnsClient = createHttpClient({timeoutMs: 500, agent: {http: agent}});
	const failure = failureOf(
		await sendHttp(
			{step: 'device-code', method: 'POST', url: 'http://nohost.localhost:9/'},
			dnsClient,
		),
	);
	assert.equal(failure.kind === 'network' && failure.code, 'dns');
	agent.destroy();
});

test('a self-signed certificate is "tls"', async () => {
	const failure = failureOf(
		await sendHttp(
			{step: 'userinfo', method: 'GET', url: selfSigned.url, accessToken: token},
			client,
		),
	);
	assert.equal(failure.kind === 'network' && failure.code, 'tls');
	assert.match(
		failure.kind === 'network' ? failure.message : '',
		/not signed by a trusted authority/u,
	);
});

test('an aborted signal cancels the request', async () => {
	const controller = new AbortController();
	const pending = sendHttp(
		{
			step: 'device-poll',
			method: 'POST',
			url: silent.url,
			signal: controller.signal,
			idempotent: true,
		},
		createHttpClient({timeoutMs: 60_000}),
	);
	controller.abort();
	const failure = failureOf(await pending);
	assert.equal(failure.kind === 'network' && failure.code, 'aborted');
});

test('cancelling during the wait before a retry stops there', async () => {
	busy.hits.length = 0;
	const controller = new AbortController();
	const cancelling = createHttpClient({
		sleep() {
			controller.abort();
			return Promise.resolve();
		},
	});
	const failure = failureOf(
		await sendHttp(
			{step: 'versions', method: 'GET', url: busy.url, signal: controller.signal},
			cancelling,
		),
	);
	assert.equal(failure.kind === 'network' && failure.code, 'aborted');
	assert.equal(busy.hits.length, 1);
});

test('a body over the cap is cut and reported as truncated', async () => {
	const result = await sendHttp(
		{step: 'request', method: 'GET', url: big.url, maxBodyBytes: 1000},
		client,
	);
	assert.ok(result.ok);
	assert.equal(result.value.body.length, 1000);
	assert.equal(result.value.sizeBytes, 1000);
	assert.equal(result.value.truncated, true);
});

test('form bodies, the user agent and the bearer token are sent', async () => {
	const result = await sendHttp(
		{
			step: 'request',
			method: 'POST',
			url: echo.url,
			form: {grant_type: 'device', code: 'a b', skipped: undefined},
			accessToken: token,
		},
		client,
	);
	assert.ok(result.ok);
	const echoed = JSON.parse(result.value.body) as Record<string, string>;
	assert.equal(echoed['body'], 'grant_type=device&code=a+b');
	assert.equal(echoed['contentType'], 'application/x-www-form-urlencoded');
	assert.match(echoed['userAgent'] ?? '', /^sftoken\/\d+\.\d+\.\d+/u);
	assert.equal(echoed['authorization'], `Bearer ${token}`);
	assert.ok(result.value.timeMs >= 0);
});

test('a DELETE without a body is sent and answered', async () => {
	const result = await sendHttp({step: 'request', method: 'DELETE', url: echo.url}, client);
	assert.ok(result.ok);
	assert.equal((JSON.parse(result.value.body) as {method: string}).method, 'DELETE');
});

test('plain http to a non-loopback host is refused before anything is sent', async () => {
	let connections = 0;
	const agent = new (class extends http.Agent {
		override createConnection(...args: Parameters<http.Agent['createConnection']>) {
			connections++;
			return super.createConnection(...args);
		}
	})();
	const guarded = createHttpClient({agent: {http: agent, https: false}});
	for (const url of [
		'http://example.com/services/data/',
		'http://10.1.2.3:8080/',
		'http://[fe80::1]/',
	]) {
		const failure = failureOf(
			await sendHttp({step: 'request', method: 'GET', url, accessToken: token}, guarded),
		);
		assert.equal(failure.kind === 'unsafe-url' && failure.reason, 'insecure-http');
	}

	assert.equal(connections, 0);
	agent.destroy();
});

test('checkDestination: https anywhere, http only to loopback, nothing else', () => {
	assert.ok(checkDestination('https://acme.my.salesforce.com', 'request').ok);
	assert.ok(checkDestination('http://127.0.0.1:8080/x', 'request').ok);
	assert.ok(checkDestination('http://localhost:1/x', 'request').ok);
	assert.ok(checkDestination('http://[::1]:1/x', 'request').ok);
	const invalid = checkDestination('not a url', 'request');
	assert.equal(
		!invalid.ok && invalid.failure.kind === 'unsafe-url' && invalid.failure.reason,
		'invalid-url',
	);
	const ftp = checkDestination('ftp://127.0.0.1/', 'request');
	assert.equal(ftp.ok, false);
});

const loopback: Array<[string, boolean]> = [
	['127.0.0.1', true],
	['127.255.0.9', true],
	['localhost', true],
	['LOCALHOST', true],
	['emulator.localhost', true],
	['[::1]', true],
	['::1', true],
	['128.0.0.1', false],
	['10.0.0.1', false],
	['localhost.example.com', false],
	['127.0.0.1.nip.io', false],
	['0.0.0.0', false],
	['[fe80::1]', false],
];

for (const [host, expected] of loopback) {
	test(`isLoopbackHost(${host}) is ${expected}`, () => {
		assert.equal(isLoopbackHost(host), expected);
	});
}

test('no failure message carries the token', () => {
	assert.ok(failures.length >= 8);
	for (const failure of failures) {
		assert.doesNotMatch(JSON.stringify(failure), /AQ0AQFakeToken/u);
	}
});
