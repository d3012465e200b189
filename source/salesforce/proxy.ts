// Proxies for every request the app makes. `defaultHttpClient` asks `currentProxyAgents()` for
// its agents, so the one place that sends (sendHttp) honours them without any caller knowing.
//
// Where the settings come from, first match wins:
//   1. `configureProxy(settings)` — headless commands call it with `--proxy URL` and their env;
//   2. otherwise the process environment, read once: https_proxy / HTTPS_PROXY for https URLs,
//      http_proxy / HTTP_PROXY for http ones (lower case first, as curl does), and
//      no_proxy / NO_PROXY (a comma list of host names, domain suffixes with or without a
//      leading dot or `*.`, optional `:port`, or `*` for everything) for hosts that go direct.
// Loopback (127.0.0.0/8, ::1, localhost) always goes direct, unlike curl: a proxy on another
// machine cannot reach this machine's loopback, and a token for the local emulator must not
// travel to a proxy at all. The send guard allows plain http only to loopback, so in practice
// only https requests ever go through a proxy (tunnelled with CONNECT, end-to-end TLS).
import http from 'node:http';
import https from 'node:https';
import type {Duplex} from 'node:stream';
import type {Agents} from 'got';
import {HttpProxyAgent, HttpsProxyAgent} from 'hpagent';
import {printable} from '../core/history-format.js';
import {isLoopbackHost} from './http.js';

export type ProxySettings = {
	/** The proxy for https URLs. */
	readonly https?: URL;
	/** The proxy for http URLs. */
	readonly http?: URL;
	/** NO_PROXY entries, lower case, without empty ones. */
	readonly noProxy: readonly string[];
};

export type ProxyResult<T> = {ok: true; value: T} | {ok: false; message: string};

/**
 * The proxy URL for messages: the password never appears, the user name does (it helps to see
 * which login was used). `http://me:secret@proxy:3128` → `http://me:***@proxy:3128`.
 */
export function describeProxy(proxy: URL): string {
	const credentials =
		proxy.username === '' && proxy.password === ''
			? ''
			: `${proxy.username}${proxy.password === '' ? '' : ':***'}@`;
	return `${proxy.protocol}//${credentials}${proxy.host}`;
}

/** Masks the password of anything that looks like `scheme://user:password@host` in `text`. */
function maskCredentials(text: string): string {
	return text.replace(/(\/\/[^/@:\s]*):[^/@\s]*@/gu, '$1:***@');
}

/**
 * Parses a proxy address as curl does: `proxy:3128` means `http://proxy:3128`; http and https
 * proxies only; credentials as `http://user:password@proxy:3128` (percent-encoded).
 */
export function parseProxyUrl(text: string, source: string): ProxyResult<URL> {
	const trimmed = text.trim();
	const example = 'http://proxy.example.com:3128 (with a login: http://user:password@host:3128)';
	if (trimmed === '') return {ok: false, message: `${source} is empty; expected ${example}`};
	const withScheme = /^[a-z][a-z\d+.-]*:\/\//iu.test(trimmed) ? trimmed : `http://${trimmed}`;
	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		return {
			ok: false,
			// What was typed, its password masked and control characters made visible (never raw).
			message: `${source} (${printable(maskCredentials(trimmed))}) is not a URL; expected ${example}`,
		};
	}

	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		return {
			ok: false,
			message: `${source} uses ${url.protocol}//, which sftoken does not support (SOCKS is not supported); expected ${example}`,
		};
	}

	if (url.hostname === '') {
		return {ok: false, message: `${source} names no host; expected ${example}`};
	}

	return {ok: true, value: url};
}

function pick(
	env: Readonly<Record<string, string | undefined>>,
	name: string,
): [string, string] | undefined {
	for (const key of [name.toLowerCase(), name.toUpperCase()]) {
		const value = env[key];
		if (value !== undefined && value.trim() !== '') return [key, value];
	}

	return undefined;
}

/**
 * Reads the proxy settings from an environment, with `override` (the `--proxy` flag) for both
 * http and https. Undefined when no proxy is set. An unusable value is an error naming the
 * variable, so a request never silently bypasses a proxy the user meant to use.
 */
export function readProxySettings(
	env: Readonly<Record<string, string | undefined>>,
	override?: string,
): ProxyResult<ProxySettings | undefined> {
	const noProxy = (pick(env, 'no_proxy')?.[1] ?? '')
		.split(/[\s,]+/u)
		.map((entry) => entry.trim().toLowerCase())
		.filter((entry) => entry !== '');
	if (override !== undefined) {
		const parsed = parseProxyUrl(override, '--proxy');
		if (!parsed.ok) return parsed;
		return {ok: true, value: {https: parsed.value, http: parsed.value, noProxy}};
	}

	const settings: {https?: URL; http?: URL} = {};
	for (const protocol of ['https', 'http'] as const) {
		const found = pick(env, `${protocol}_proxy`);
		if (found === undefined) continue;
		const parsed = parseProxyUrl(found[1], found[0]);
		if (!parsed.ok) return parsed;
		settings[protocol] = parsed.value;
	}

	if (settings.https === undefined && settings.http === undefined)
		return {ok: true, value: undefined};
	return {ok: true, value: {...settings, noProxy}};
}

function defaultPort(protocol: string): string {
	return protocol === 'http:' ? '80' : '443';
}

/** Whether one NO_PROXY entry covers `host` (lower case, no brackets) on `port`. */
function matchesNoProxy(entry: string, host: string, port: string): boolean {
	if (entry === '*') return true;
	let name = entry;
	const bracketed = /^\[([^\]]+)\](?::(\d+))?$/u.exec(entry);
	const withPort = /^([^:]+):(\d+)$/u.exec(entry);
	if (bracketed) {
		name = bracketed[1] ?? '';
		if (bracketed[2] !== undefined && bracketed[2] !== port) return false;
	} else if (withPort) {
		name = withPort[1] ?? '';
		if (withPort[2] !== port) return false;
	}

	name = name.replace(/^\*?\./u, '');
	return host === name || host.endsWith(`.${name}`);
}

/**
 * The proxy a request to `url` goes through, or undefined when it goes direct (no proxy for its
 * protocol, loopback, or covered by NO_PROXY).
 */
export function proxyFor(url: URL, settings: ProxySettings | undefined): URL | undefined {
	if (settings === undefined) return undefined;
	const proxy = url.protocol === 'https:' ? settings.https : settings.http;
	if (proxy === undefined) return undefined;
	return goesDirect(url.hostname, url.port || defaultPort(url.protocol), settings)
		? undefined
		: proxy;
}

function goesDirect(hostname: string, port: string, settings: ProxySettings): boolean {
	const host = hostname
		.replace(/^\[|\]$/gu, '')
		.toLowerCase()
		.replace(/\.$/u, '');
	if (isLoopbackHost(host)) return true;
	return settings.noProxy.some((entry) => matchesNoProxy(entry, host, port));
}

/** The destination of one connection as Node's agent hands it over. */
function destination(
	options: http.ClientRequestArgs,
	protocol: 'http:' | 'https:',
): [string, string] {
	const host = options.host ?? options.hostname ?? '';
	const port = options.port === undefined || options.port === null ? '' : String(options.port);
	return [host, port === '' ? defaultPort(protocol) : port];
}

type Callback = (error: Error | null, socket: Duplex) => void;

export type ProxyAgentOptions = {
	/** Extra agent options: tests trust their own certificate authority and resolve test hosts. */
	readonly agentOptions?: https.AgentOptions;
};

/**
 * got agents that tunnel through the proxy with CONNECT (hpagent), connection by connection:
 * each new connection checks loopback and NO_PROXY and goes direct when they cover its host.
 * Sockets are pooled per host:port, so a pooled socket always took the same route.
 */
export function createProxyAgents(
	settings: ProxySettings,
	options: ProxyAgentOptions = {},
): Agents {
	const base = {keepAlive: true, ...options.agentOptions};
	const agents: Agents = {};
	if (settings.https !== undefined) {
		agents.https = new (class extends HttpsProxyAgent {
			override createConnection(connection: https.RequestOptions, callback?: Callback) {
				const [host, port] = destination(connection, 'https:');
				return goesDirect(host, port, settings)
					? https.Agent.prototype.createConnection.call(this, connection, callback)
					: super.createConnection(connection, callback);
			}
		})({...base, proxy: settings.https});
	}

	if (settings.http !== undefined) {
		agents.http = new (class extends HttpProxyAgent {
			override createConnection(connection: http.ClientRequestArgs, callback?: Callback) {
				const [host, port] = destination(connection, 'http:');
				return goesDirect(host, port, settings)
					? http.Agent.prototype.createConnection.call(this, connection, callback)
					: super.createConnection(connection, callback);
			}
		})({...base, proxy: settings.http});
	}

	return agents;
}

let configured: {settings: ProxySettings | undefined} | undefined;
let current: {agents: Agents | undefined} | undefined;

function destroyAgents(agents: Agents | undefined): void {
	if (agents?.http) agents.http.destroy();
	if (agents?.https) agents.https.destroy();
}

/**
 * Sets the proxy for every later request of this process (undefined: none, go direct),
 * replacing what the environment said. Headless commands call it once with `--proxy` and their
 * environment, before their first request.
 */
export function configureProxy(settings: ProxySettings | undefined): void {
	destroyAgents(current?.agents);
	configured = {settings};
	current = undefined;
}

/**
 * The agents for the shared HTTP client: from `configureProxy`, else from process.env (read once).
 * An unusable proxy variable is ignored here — headless commands report it as a usage error
 * before they send anything (see source/headless/proxy-flag.ts).
 */
export function currentProxyAgents(): Agents | undefined {
	if (current === undefined) {
		let settings = configured?.settings;
		if (configured === undefined) {
			const read = readProxySettings(process.env);
			settings = read.ok ? read.value : undefined;
		}

		current = {agents: settings === undefined ? undefined : createProxyAgents(settings)};
	}

	return current.agents;
}
