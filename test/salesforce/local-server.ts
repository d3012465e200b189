// A tiny loopback server for the transport tests that need misbehaviour the emulator does not
// offer (counting attempts, never answering, self-signed TLS). Not an emulator: one handler each.
import http from 'node:http';
import https from 'node:https';
import type {AddressInfo} from 'node:net';

export type LocalServer = {
	readonly url: string;
	/** Requests received, in order, as "METHOD /path". */
	readonly hits: string[];
	close(): Promise<void>;
};

type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

export async function startLocalServer(
	handler: Handler,
	options: {tls?: boolean} = {},
): Promise<LocalServer> {
	const hits: string[] = [];
	const listener: Handler = (request, response) => {
		hits.push(`${request.method} ${request.url}`);
		handler(request, response);
	};

	const server = options.tls
		? https.createServer({key: selfSignedKey, cert: selfSignedCert}, listener)
		: http.createServer(listener);
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as AddressInfo;
	return {
		url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
		hits,
		async close() {
			server.closeAllConnections();
			await new Promise<void>((resolve) => {
				server.close(() => {
					resolve();
				});
			});
		},
	};
}

// A self-signed certificate for localhost/127.0.0.1, for the TLS failure tests only.
const selfSignedKey = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgPK4dp9YebWy4KcmL
R2fWaHYphw16LPcW/iBc0+D6DTShRANCAARJcWt+/dryvxgAwk7gGE7+sZ08uuIM
CV2WMmM5/Sdi4jf+xRc9YSfHbufDzsW6GnTT7lEb8kN8TIWdNXYe2fuS
-----END PRIVATE KEY-----`;

const selfSignedCert = `-----BEGIN CERTIFICATE-----
MIIBnDCCAUGgAwIBAgIURQOP5nbco+ktfm9E9Skcxeiwv3kwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyODExMDEyOFoYDzIxMjYxMTA0
MTEwMTI4WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAARJcWt+/dryvxgAwk7gGE7+sZ08uuIMCV2WMmM5/Sdi4jf+xRc9YSfH
bufDzsW6GnTT7lEb8kN8TIWdNXYe2fuSo28wbTAdBgNVHQ4EFgQUFwfFEM/EycZz
XGbWQZqfo2W8jgAwHwYDVR0jBBgwFoAUFwfFEM/EycZzXGbWQZqfo2W8jgAwDwYD
VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARgglsb2NhbGhvc3SHBH8AAAEwCgYIKoZI
zj0EAwIDSQAwRgIhAMKJHJOPC9hEvZYIgv1VZIGEUBxFqCTQ9NbLQ998gcN5AiEA
mqWDStot+9/HMfExahl8mhPyUWiEa60GskbiA6Zj3cc=
-----END CERTIFICATE-----`;
