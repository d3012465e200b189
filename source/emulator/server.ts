// The HTTP plumbing: one node:http listener per host, the whole body read before routing, faults
// applied around the handler, and a close() that leaves no socket or timer behind.
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {maintenancePage} from './html/message-page.js';
import type {Incoming, Site} from './incoming.js';
import type {FaultRule} from './options.js';
import {html, type Reply, restError} from './reply.js';
import type {EmulatorState} from './state.js';
import {route} from './hosts.js';

const maxBodyBytes = 20 * 1024 * 1024;

/** Timers of delayed answers, cleared on close so a closed emulator keeps nothing alive. */
export class Timers {
	readonly #pending = new Set<NodeJS.Timeout>();
	#closed = false;

	async sleep(ms: number): Promise<void> {
		if (this.#closed) return new Promise(() => undefined);
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.#pending.delete(timer);
				resolve();
			}, ms);
			this.#pending.add(timer);
		});
	}

	close(): void {
		this.#closed = true;
		for (const timer of this.#pending) clearTimeout(timer);
		this.#pending.clear();
	}
}

export type Listener = {readonly server: Server; readonly port: number};

export async function listen(
	host: string,
	port: number,
	handle: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<Listener> {
	const server = createServer(handle);
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	return {server, port: (server.address() as AddressInfo).port};
}

export async function closeListener({server}: Listener): Promise<void> {
	const closed = new Promise<void>((resolve) => {
		server.close(() => {
			resolve();
		});
	});
	server.closeAllConnections();
	await closed;
}

export function originOf(host: string, port: number): string {
	return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Serves one request on `site`: read, maybe fault, route, write. */
export async function serve(
	state: EmulatorState,
	timers: Timers,
	site: Site,
	message: IncomingMessage,
	response: ServerResponse,
): Promise<void> {
	const body = await readBody(message);
	if (body === undefined) {
		response.destroy();
		return;
	}
	const url = new URL(message.url ?? '/', site.origin);
	const fault = state.faults.take(url.pathname);
	if (fault?.fault === 'reset') {
		message.socket.destroy();
		return;
	}
	if (fault?.fault === 'latency') await timers.sleep(fault.latencyMs ?? 1000);
	const replaced = fault === undefined ? undefined : replacement(fault);
	let reply: Reply;
	if (replaced === undefined) {
		const request: Incoming = {
			method: message.method ?? 'GET',
			url,
			headers: message.headers,
			body,
			site,
		};
		try {
			reply = await route(state, request);
		} catch (error) {
			reply = restError(500, 'UNKNOWN_EXCEPTION', `Emulator error: ${String(error)}`);
		}
	} else {
		reply = replaced;
	}
	await write(response, reply, fault, timers);
}

async function readBody(message: IncomingMessage): Promise<Buffer | undefined> {
	const chunks: Buffer[] = [];
	let size = 0;
	try {
		for await (const chunk of message) {
			const buffer = chunk as Buffer;
			size += buffer.length;
			if (size > maxBodyBytes) return undefined;
			chunks.push(buffer);
		}
	} catch {
		return undefined; // the client went away mid-body
	}
	return Buffer.concat(chunks);
}

/** Faults that answer instead of the handler (which then never runs: nothing is consumed). */
function replacement(fault: FaultRule): Reply | undefined {
	switch (fault.fault) {
		case 'status-500': {
			return restError(500, 'UNKNOWN_EXCEPTION', 'An unexpected error occurred. Please try again.');
		}
		case 'status-503': {
			const reply = restError(503, 'SERVER_UNAVAILABLE', 'Server temporarily unavailable.');
			const retry = fault.retryAfterSeconds;
			return retry === undefined
				? reply
				: {...reply, headers: {...reply.headers, 'Retry-After': String(retry)}};
		}
		case 'html-error-page': {
			return html(200, maintenancePage());
		}
		default: {
			return undefined;
		}
	}
}

async function write(
	response: ServerResponse,
	reply: Reply,
	fault: FaultRule | undefined,
	timers: Timers,
): Promise<void> {
	const body = Buffer.from(reply.body, 'utf8');
	for (const [name, value] of Object.entries(reply.headers)) response.setHeader(name, value);
	if (fault?.fault === 'truncated-json') {
		// No Content-Length: the chunked body ends cleanly after half, so the client sees a complete
		// 200 whose JSON does not parse — what a proxy cutting a response off looks like.
		response.writeHead(reply.status);
		response.end(body.subarray(0, Math.floor(body.length / 2)));
		return;
	}
	response.setHeader('Content-Length', body.length);
	response.writeHead(reply.status);
	if (fault?.fault !== 'slow-drip') {
		response.end(body);
		return;
	}
	// A few bytes at a time; at most ~64 chunks so a big body still finishes.
	const chunkSize = Math.max(16, Math.ceil(body.length / 64));
	for (let offset = 0; offset < body.length; offset += chunkSize) {
		if (response.destroyed) return;
		response.write(body.subarray(offset, offset + chunkSize));
		await timers.sleep(fault.latencyMs ?? 20);
	}
	response.end();
}
