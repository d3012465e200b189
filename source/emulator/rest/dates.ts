// Salesforce writes datetimes as `2024-03-05T10:15:30.000+0000`. Rows keep them as epoch
// milliseconds so comparisons and sorting are plain number operations.

export function formatDateTime(epochMs: number): string {
	return new Date(epochMs).toISOString().replace('Z', '+0000');
}

const dateTimeLiteral =
	/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$/;

/** Parses a SOQL datetime literal (`2024-01-31T23:00:00Z`, `…+01:00`) to epoch ms. */
export function parseDateTimeLiteral(text: string): number | undefined {
	const match = dateTimeLiteral.exec(text);
	if (!match) return undefined;
	const [, year, month, day, hour, minute, second, fraction, zone] = match;
	const utc = Date.UTC(
		Number(year),
		Number(month) - 1,
		Number(day),
		Number(hour),
		Number(minute),
		Number(second),
		fraction ? Math.round(Number(`0${fraction}`) * 1000) : 0,
	);
	const check = new Date(utc);
	// Date.UTC rolls 2024-02-30 over to March; Salesforce rejects such dates.
	if (check.getUTCDate() !== Number(day) || check.getUTCMonth() !== Number(month) - 1) {
		return undefined;
	}
	if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
	if (!zone || zone === 'Z') return utc;
	const sign = zone.startsWith('-') ? -1 : 1;
	const digits = zone.slice(1).replace(':', '');
	const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
	return utc - sign * offsetMinutes * 60_000;
}
