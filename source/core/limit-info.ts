/**
 * The `Sforce-Limit-Info` response header (SALESFORCE.md §6.3): the org's daily API usage
 * (`api-usage=18/5000`), sometimes the burst usage (`api-bursts=1/750`) and, in an older pilot,
 * per-app usage (`per-app-api-usage=17/250(appName=sample-app)`). Entries are comma-separated.
 */

export type Usage = {readonly used: number; readonly max: number};

export type LimitInfo = {
	/** Org-wide API requests of the last 24 hours. */
	readonly apiUsage?: Usage;
	readonly apiBursts?: Usage;
	readonly perApp?: ReadonlyArray<Usage & {readonly app: string}>;
};

const entryPattern =
	/^\s*([a-z-]+)\s*=\s*(\d+)\s*\/\s*(\d+)\s*(?:\(\s*appName\s*=\s*([^)]*)\))?\s*$/iu;

/**
 * Reads the header; undefined when it is absent or holds nothing recognisable. Unknown entries
 * are skipped, so a new kind of limit does not hide the ones we know.
 *
 * @example
 * parseLimitInfo('api-usage=18/5000') // => {apiUsage: {used: 18, max: 5000}}
 */
export function parseLimitInfo(header: string | undefined): LimitInfo | undefined {
	if (header === undefined) return undefined;
	let apiUsage: Usage | undefined;
	let apiBursts: Usage | undefined;
	const perApp: Array<Usage & {app: string}> = [];
	for (const entry of header.split(',')) {
		const match = entryPattern.exec(entry);
		if (!match?.[1] || !match[2] || !match[3]) continue;
		const usage = {used: Number(match[2]), max: Number(match[3])};
		const name = match[1].toLowerCase();
		if (name === 'api-usage') apiUsage = usage;
		else if (name === 'api-bursts') apiBursts = usage;
		// The app name is server text that reaches the terminal: printable ASCII only.
		else if (name === 'per-app-api-usage') {
			perApp.push({...usage, app: (match[4] ?? '').replaceAll(/[^\x20-\x7E]/gu, '?').trim()});
		}
	}

	if (apiUsage === undefined && apiBursts === undefined && perApp.length === 0) return undefined;
	return {
		...(apiUsage === undefined ? {} : {apiUsage}),
		...(apiBursts === undefined ? {} : {apiBursts}),
		...(perApp.length === 0 ? {} : {perApp}),
	};
}

function percent({used, max}: Usage): string {
	if (max <= 0) return '';
	const share = (used / max) * 100;
	// Below 1 % one decimal says more than "0 %"; above it, whole numbers are enough.
	return ` (${share < 1 ? share.toFixed(1) : Math.round(share).toString()}%)`;
}

/**
 * One short phrase for the response status line.
 *
 * @example
 * describeLimitInfo({apiUsage: {used: 18, max: 5000}}) // => 'API 18/5000 today (0.4%)'
 */
export function describeLimitInfo(info: LimitInfo): string {
	const parts: string[] = [];
	if (info.apiUsage) {
		parts.push(`API ${info.apiUsage.used}/${info.apiUsage.max} today${percent(info.apiUsage)}`);
	}

	if (info.apiBursts) parts.push(`bursts ${info.apiBursts.used}/${info.apiBursts.max}`);
	for (const app of info.perApp ?? []) {
		parts.push(`${app.app === '' ? 'this app' : app.app} ${app.used}/${app.max}`);
	}

	return parts.join(' · ');
}

/** Whether the org is close to its daily limit (90 % or more used): worth a warning colour. */
export function nearLimit(info: LimitInfo | undefined): boolean {
	const usage = info?.apiUsage;
	return usage !== undefined && usage.max > 0 && usage.used / usage.max >= 0.9;
}
