// Proxies: settings read as curl users expect, requests seen passing through a real CONNECT proxy
// on loopback, NO_PROXY and loopback going direct, a 407 explained without printing the password,
// and `--proxy` reaching the shared client every request uses.
import assert from 'node:assert/strict';
import https from 'node:https';
import type {AddressInfo, LookupFunction} from 'node:net';
import {after, before, test} from 'node:test';
import {explainOAuthFailure} from '../../source/core/oauth-errors.js';
import {commands} from '../../source/headless/commands.js';
import type {CommandIo} from '../../source/headless/io.js';
import {takeProxyFlag, withProxyFlag} from '../../source/headless/proxy-flag.js';
import {createHttpClient, defaultHttpClient, sendHttp} from '../../source/salesforce/http.js';
import {getUserInfo} from '../../source/salesforce/identity.js';
import {
	configureProxy,
	createProxyAgents,
	describeProxy,
	proxyFor,
	readProxySettings,
	type ProxySettings,
} from '../../source/salesforce/proxy.js';
import {startForwardProxy, type ForwardProxy} from './forward-proxy.js';
import {testCertificate, testKey} from './test-certificate.js';

const token = '00D5g000004ABCD!AQ0AQProxyTestToken.1234567890abcdefghijklmnopqrstuvwxyz';
let org: {url: string; hits: Array<{path: string; authorization: string | undefined}>};
let server: https.Server;
let proxy: ForwardProxy;
let guarded: ForwardProxy;

before(async () => {
	const hits: typeof org.hits = [];
	server = https.createServer({key: testKey, cert: testCertificate}, (request, response) => {
		hits.push({path: request.url ?? '', authorization: request.headers.authorization});
		response.writeHead(200, {'content-type': 'application/json'});
		response.end('[{"version":"62.0","url":"/services/data/v62.0"}]');
	});
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as AddressInfo;
	org = {url: `https://acme.my.salesforce.test:${port}`, hits};
	proxy = await startForwardProxy();
	guarded = await startForwardProxy({login: {user: 'dev', password: 'p@ss:w0rd'}});
});

after(async () => {
	configureProxy(undefined);
	server.closeAllConnections();
	await new Promise<void>((resolve) => {
		server.close(() => {
			resolve();
		});
	});
	await proxy.close();
	await guarded.close();
});

// Direct connections resolve the test hosts locally; proxied ones are resolved by the proxy.
const lookup: LookupFunction = (_hostname, options, callback) => {
	if (options.all) {
		(callback as unknown as (e: null, a: Array<{address: string; family: number}>) => void)(null, [
			{address: '127.0.0.1', family: 4},
		]);
	} else {
		callback(null, '127.0.0.1', 4);
	}
};

function clientThrough(settings: ProxySettings) {
	return createHttpClient({
		timeoutMs: 2000,
		retryLimit: 0,
		agent: createProxyAgents(settings, {agentOptions: {ca: testCertificate, lookup}}),
	});
}

test('an https request is tunnelled through the proxy with CONNECT, TLS end to end', async () => {
	const before = proxy.tunnels.length;
	org.hits.length = 0;
	const client = clientThrough({https: new URL(proxy.url), noProxy: []});
	const result = await sendHttp(
		{step: 'versions', method: 'GET', url: `${org.url}/services/data/`, accessToken: token},
		client,
	);
	assert.ok(result.ok, JSON.stringify(result));
	assert.equal(result.value.status, 200);
	assert.deepEqual(proxy.tunnels.slice(before), [new URL(org.url).host]);
	assert.equal(org.hits[0]?.authorization, `Bearer ${token}`);
	// The proxy saw only the CONNECT line and its headers: the token travelled inside TLS.
	assert.ok(!JSON.stringify(proxy.requests).includes(token));
});

test('NO_PROXY: a covered host goes direct, the proxy sees nothing', async () => {
	for (const entry of ['.salesforce.test', 'salesforce.test', '*.my.salesforce.test', '*']) {
		const before = proxy.requests.length;
		org.hits.length = 0;
		const client = clientThrough({https: new URL(proxy.url), noProxy: [entry]});
		const result = await sendHttp(
			{step: 'versions', method: 'GET', url: `${org.url}/services/data/`},
			client,
		);
		assert.ok(result.ok, `${entry}: ${JSON.stringify(result)}`);
		assert.equal(proxy.requests.length, before, `${entry} went through the proxy`);
		assert.equal(org.hits.length, 1);
	}
});

test('loopback goes direct even with a proxy set for http and https', async () => {
	const local = https.createServer({key: testKey, cert: testCertificate}, (_request, response) => {
		response.end('{}');
	});
	await new Promise<void>((resolve) => {
		local.listen(0, '127.0.0.1', resolve);
	});
	const {port} = local.address() as AddressInfo;
	const before = proxy.requests.length;
	const settings = {https: new URL(proxy.url), http: new URL(proxy.url), noProxy: []};
	const client = createHttpClient({
		retryLimit: 0,
		agent: createProxyAgents(settings, {agentOptions: {rejectUnauthorized: false}}),
	});
	const plain = await sendHttp(
		{step: 'request', method: 'GET', url: `http://127.0.0.1:${proxy.url.split(':')[2]}/`},
		client,
	);
	// The proxy's own port answers plain GETs with 405: reached directly, not tunnelled.
	assert.equal(plain.ok && plain.value.status, 405);
	const secure = await sendHttp(
		{step: 'request', method: 'GET', url: `https://localhost:${port}/`},
		client,
	);
	assert.equal(secure.ok && secure.value.status, 200, JSON.stringify(secure));
	assert.equal(proxy.requests.length, before);
	local.closeAllConnections();
	local.close();
});

test('a proxy that wants a login: 407 is a proxy failure whose fix names user:password', async () => {
	const client = clientThrough({https: new URL(guarded.url), noProxy: []});
	const result = await sendHttp(
		{step: 'userinfo', method: 'GET', url: `${org.url}/services/oauth2/userinfo`},
		client,
	);
	assert.equal(result.ok, false);
	if (result.ok) return;
	const {failure} = result;
	assert.equal(failure.kind === 'network' && failure.code, 'proxy', JSON.stringify(failure));
	assert.match(JSON.stringify(failure), /407/u);
	const explanation = explainOAuthFailure(failure);
	assert.match(explanation.title, /proxy/iu);
	assert.match(explanation.cause, /checking who you are/u);
	assert.match(explanation.fix, /user:password/u);
	assert.match(explanation.fix, /407/u);
});

test('the login in the proxy URL (percent-encoded) is sent and accepted; never printed back', async () => {
	const before = guarded.tunnels.length;
	const proxyUrl = `${guarded.url.replace('//', '//dev:p%40ss%3Aw0rd@')}`;
	const settings = readProxySettings({HTTPS_PROXY: proxyUrl});
	assert.ok(settings.ok && settings.value?.https);
	const client = clientThrough(settings.value);
	const result = await sendHttp(
		{step: 'versions', method: 'GET', url: `${org.url}/services/data/`},
		client,
	);
	assert.equal(result.ok && result.value.status, 200, JSON.stringify(result));
	assert.equal(guarded.tunnels.length, before + 1);
	assert.equal(describeProxy(settings.value.https), `${guarded.url.replace('//', '//dev:***@')}`);
});

test('--proxy reaches the shared client: every request without its own client is tunnelled', async () => {
	const before = proxy.tunnels.length;
	let status = -1;
	const probe = withProxyFlag('probe', async (argv) => {
		assert.deepEqual(argv, ['--json']);
		// The shared client does not trust the test certificate: TLS fails after the tunnel.
		const result = await getUserInfo({
			instanceUrl: org.url,
			accessToken: token,
			apiVersion: '62.0',
		});
		status =
			!result.ok && result.failure.kind === 'network' && result.failure.code === 'tls' ? 0 : 1;
		return status;
	});
	const io = captureIo({});
	assert.equal(await probe(['--proxy', proxy.url, '--json'], io), 0);
	assert.equal(status, 0);
	assert.deepEqual(proxy.tunnels.slice(before), [new URL(org.url).host]);
	assert.ok(defaultHttpClient().usesCustomAgent);
	configureProxy(undefined);
	assert.equal(defaultHttpClient().usesCustomAgent, false);
});

test('HTTPS_PROXY from the command environment reaches the shared client too', async () => {
	const before = proxy.tunnels.length;
	const probe = withProxyFlag('probe', async () => {
		await getUserInfo({instanceUrl: org.url, accessToken: token, apiVersion: '62.0'});
		return 0;
	});
	assert.equal(await probe([], captureIo({https_proxy: proxy.url})), 0);
	assert.equal(proxy.tunnels.length, before + 1);
	configureProxy(undefined);
});

test('login, token and logout take --proxy before their own flags are parsed', async () => {
	for (const name of ['login', 'token', 'logout'] as const) {
		const run = await commands[name].load();
		const help = captureIo({});
		assert.equal(await run(['--proxy', proxy.url, '--help'], help), 0, help.err());
		const bad = captureIo({});
		assert.equal(await run(['--proxy', 'socks5://me:hunter2@proxy:1080'], bad), 2);
		assert.match(bad.err(), new RegExp(`^sftoken ${name}: --proxy uses socks5:`, 'u'));
		assert.ok(!bad.err().includes('hunter2'));
	}

	configureProxy(undefined);
});

test('an unusable proxy variable is a usage error naming it, password masked', async () => {
	const probe = withProxyFlag('probe', async () => Promise.resolve(0));
	const io = captureIo({HTTPS_PROXY: 'http://me:hunter2@[bad'});
	assert.equal(await probe([], io), 2);
	assert.match(io.err(), /HTTPS_PROXY \(http:\/\/me:\*\*\*@\[bad\) is not a URL/u);
	assert.ok(!io.err().includes('hunter2'));
	configureProxy(undefined);
});

function captureIo(env: Record<string, string>): CommandIo & {err(): string; out(): string} {
	let out = '';
	let error = '';
	return {
		stdout: {
			write(text: string) {
				out += text;
				return true;
			},
		},
		stderr: {
			write(text: string) {
				error += text;
				return true;
			},
		},
		stdin: process.stdin,
		env: {SFTOKEN_CONFIG_DIR: '/nonexistent-sftoken-test', ...env},
		err: () => error,
		out: () => out,
	};
}

test('takeProxyFlag: both spellings, the last wins, a missing value, nothing after --', () => {
	assert.deepEqual(takeProxyFlag(['--json', '--proxy', 'p:1', '--org', 'a']), {
		ok: true,
		argv: ['--json', '--org', 'a'],
		proxy: 'p:1',
	});
	assert.deepEqual(takeProxyFlag(['--proxy=a:1', '--proxy=b:2']), {
		ok: true,
		argv: [],
		proxy: 'b:2',
	});
	assert.equal(takeProxyFlag(['--proxy']).ok, false);
	assert.equal(takeProxyFlag(['--proxy', '--json']).ok, false);
	assert.deepEqual(takeProxyFlag(['--', '--proxy', 'x']), {ok: true, argv: ['--', '--proxy', 'x']});
});

test('readProxySettings: lower case first, HTTP_PROXY for http only, --proxy for both', () => {
	const read = readProxySettings({
		https_proxy: 'http://lower:1',
		HTTPS_PROXY: 'http://upper:2',
		HTTP_PROXY: 'plain:3',
		NO_PROXY: ' .corp.example, Internal:8443 ,,',
	});
	assert.ok(read.ok && read.value);
	assert.equal(read.value.https?.host, 'lower:1');
	assert.equal(read.value.http?.href, 'http://plain:3/');
	assert.deepEqual(read.value.noProxy, ['.corp.example', 'internal:8443']);
	const flag = readProxySettings({HTTPS_PROXY: 'http://env:1'}, 'https://flag:9');
	assert.ok(flag.ok && flag.value);
	assert.equal(flag.value.https?.host, 'flag:9');
	assert.equal(flag.value.http?.host, 'flag:9');
	assert.deepEqual(readProxySettings({NO_PROXY: '*'}), {ok: true, value: undefined});
	assert.deepEqual(readProxySettings({HTTPS_PROXY: '  '}), {ok: true, value: undefined});
	assert.equal(readProxySettings({}, '').ok, false);
	assert.equal(readProxySettings({HTTP_PROXY: 'ftp://x'}).ok, false);
});

const settings: ProxySettings = {
	https: new URL('http://proxy:3128'),
	noProxy: ['.corp.example', 'internal:8443', 'exact.example', '[fd00::1]:443'],
};

const routes: Array<[string, boolean]> = [
	['https://acme.my.salesforce.com/services/data/', true],
	['https://login.salesforce.com/', true],
	['https://corp.example/', false],
	['https://a.b.corp.example/', false],
	['https://notcorp.example/', true],
	['https://internal:8443/', false],
	['https://internal/', true],
	['https://exact.example/', false],
	['https://sub.exact.example/', false],
	['https://[fd00::1]/', false],
	['https://127.0.0.1:8443/', false],
	['https://localhost/', false],
	['https://[::1]:9/', false],
	['http://login.salesforce.com/', false],
];

for (const [url, proxied] of routes) {
	test(`proxyFor ${url}: ${proxied ? 'through the proxy' : 'direct'}`, () => {
		assert.equal(proxyFor(new URL(url), settings) !== undefined, proxied);
	});
}

test('describeProxy never shows the password', () => {
	assert.equal(describeProxy(new URL('http://me:secret@proxy:3128')), 'http://me:***@proxy:3128');
	assert.equal(describeProxy(new URL('https://proxy')), 'https://proxy');
	assert.equal(describeProxy(new URL('http://me@proxy:1')), 'http://me@proxy:1');
});
