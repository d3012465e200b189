// Form bodies: application/x-www-form-urlencoded (what the docs use and browsers send) and
// multipart/form-data (sfdx-core's device flow and Salesforce's Postman collection send it).
import busboy from 'busboy';
import type {Incoming} from './incoming.js';

export async function readForm(request: Incoming): Promise<URLSearchParams> {
	const type = (request.headers['content-type'] ?? '').toLowerCase();
	if (type.startsWith('application/x-www-form-urlencoded')) {
		return new URLSearchParams(request.body.toString('utf8'));
	}
	if (type.startsWith('multipart/form-data')) return readMultipart(request);
	return new URLSearchParams();
}

async function readMultipart(request: Incoming): Promise<URLSearchParams> {
	const form = new URLSearchParams();
	return new Promise((resolve) => {
		let parser: busboy.Busboy;
		try {
			parser = busboy({headers: request.headers});
		} catch {
			resolve(form); // no boundary: treat as an empty form, the grant checks answer the error
			return;
		}
		parser.on('field', (name, value) => {
			form.append(name, value);
		});
		parser.on('file', (_name, stream) => {
			stream.resume();
		});
		parser.on('close', () => {
			resolve(form);
		});
		parser.on('error', () => {
			resolve(form);
		});
		parser.end(request.body);
	});
}

/** Client credentials sent as `Authorization: Basic base64(id:secret)`, as RFC 6749 allows. */
export function basicCredentials(
	request: Incoming,
): {readonly clientId: string; readonly clientSecret: string} | undefined {
	const match = /^basic\s+(\S+)$/i.exec(request.headers.authorization ?? '');
	if (match?.[1] === undefined) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return undefined;
	return {
		clientId: formDecode(decoded.slice(0, colon)),
		clientSecret: formDecode(decoded.slice(colon + 1)),
	};
}

/** RFC 6749 §2.3.1 form-encodes id and secret before base64; a bad escape is taken literally. */
function formDecode(value: string): string {
	try {
		return decodeURIComponent(value.replaceAll('+', ' '));
	} catch {
		return value;
	}
}
