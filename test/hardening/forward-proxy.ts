// A real forwarding proxy on loopback for the proxy tests: it answers CONNECT (how hpagent tunnels
// both https and http) by opening a TCP connection and piping bytes both ways, counts every
// tunnel, and can demand a Basic login (407 otherwise). Every host name resolves to 127.0.0.1, as
// if the proxy's own DNS knew the test hosts: the client never resolves a proxied host itself.
import http from 'node:http';
import net from 'node:net';
import type {AddressInfo} from 'node:net';

export type ForwardProxy = {
	readonly url: string;
	/** "host:port" of every CONNECT that was let through, in order. */
	readonly tunnels: string[];
	/** Every CONNECT received, with its Proxy-Authorization header (if any). */
	readonly requests: Array<{target: string; authorization: string | undefined}>;
	close(): Promise<void>;
};

export async function startForwardProxy(
	options: {login?: {user: string; password: string}} = {},
): Promise<ForwardProxy> {
	const tunnels: string[] = [];
	const requests: ForwardProxy['requests'] = [];
	const sockets = new Set<net.Socket>();
	const expected =
		options.login === undefined
			? undefined
			: `Basic ${Buffer.from(`${options.login.user}:${options.login.password}`).toString('base64')}`;
	const server = http.createServer((_request, response) => {
		response.writeHead(405, {'content-type': 'text/plain'});
		response.end('This test proxy only tunnels (CONNECT).');
	});
	server.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
		sockets.add(client);
		client.on('close', () => sockets.delete(client));
		client.on('error', () => undefined);
		const target = request.url ?? '';
		const authorization = request.headers['proxy-authorization'];
		requests.push({target, authorization});
		if (expected !== undefined && authorization !== expected) {
			client.end(
				'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n',
			);
			return;
		}

		const port = Number(/:(\d+)$/u.exec(target)?.[1] ?? '443');
		const upstream = net.connect(port, '127.0.0.1', () => {
			tunnels.push(target);
			client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			if (head.length > 0) upstream.write(head);
			upstream.pipe(client);
			client.pipe(upstream);
		});
		sockets.add(upstream);
		upstream.on('close', () => {
			sockets.delete(upstream);
			client.destroy();
		});
		upstream.on('error', () => {
			client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
		});
	});
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		tunnels,
		requests,
		async close() {
			for (const socket of sockets) socket.destroy();
			server.closeAllConnections();
			await new Promise<void>((resolve) => {
				server.close(() => {
					resolve();
				});
			});
		},
	};
}
