// Salesforce record ids: a 3-character key prefix (001 Account, 003 Contact, 005 User,
// 00D Organization), then a case-sensitive base-62 body, 15 characters in all. The 18-character
// form appends a 3-character suffix that encodes which of the 15 characters are upper case,
// so the id survives case-insensitive systems.

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const suffixAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** Builds a 15-character id from a key prefix and a serial number, e.g. `makeId15('001', 7)`. */
export function makeId15(keyPrefix: string, serial: number, podMarker = '5g0'): string {
	let body = '';
	let rest = Math.floor(serial);
	while (rest > 0) {
		body = base62.charAt(rest % 62) + body;
		rest = Math.floor(rest / 62);
	}
	const head = keyPrefix + podMarker;
	return head + body.padStart(15 - head.length, '0');
}

/** Converts a 15-character id into its 18-character case-insensitive form. */
export function to18(id15: string): string {
	if (id15.length !== 15) throw new Error(`Expected a 15-character id, got ${id15.length}`);
	let suffix = '';
	for (let chunk = 0; chunk < 3; chunk++) {
		let bits = 0;
		for (let position = 0; position < 5; position++) {
			const character = id15.charAt(chunk * 5 + position);
			if (character >= 'A' && character <= 'Z') bits |= 1 << position;
		}
		suffix += suffixAlphabet.charAt(bits);
	}
	return id15 + suffix;
}

/** Builds an 18-character id directly. */
export function makeId18(keyPrefix: string, serial: number, podMarker?: string): string {
	return to18(makeId15(keyPrefix, serial, podMarker));
}
