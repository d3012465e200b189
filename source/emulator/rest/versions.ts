// REST API versions. Salesforce ships three releases a year (Spring, Summer, Winter) and each one
// adds an API version; the label year of a Winter release is the following calendar year, so
// v31.0 is Summer '14, v32.0 Winter '15, v33.0 Spring '15. The versions list in the current
// Salesforce docs starts at v31.0, and the docs' own examples go up to v68.0 (Winter '27).

const firstVersion = 31;
/** Newest version served; the `latest` alias and the versions list end here. */
export const latestMajor = 68;
const seasons = ['Summer', 'Winter', 'Spring'] as const;

export type ApiVersion = {readonly label: string; readonly url: string; readonly version: string};

function label(major: number): string {
	const offset = major - firstVersion;
	const season = seasons[offset % 3] ?? 'Summer';
	const year = 14 + Math.floor((offset + 2) / 3);
	return `${season} '${String(year).padStart(2, '0')}`;
}

/** Every served version, oldest first, in the wire shape of `GET /services/data/`. */
export const apiVersions: readonly ApiVersion[] = Array.from(
	{length: latestMajor - firstVersion + 1},
	(_, index) => {
		const version = `${firstVersion + index}.0`;
		return {label: label(firstVersion + index), url: `/services/data/v${version}`, version};
	},
);

export const latestApiVersion = `${latestMajor}.0`;

/**
 * Reads the version segment of `/services/data/<segment>/…`: `v66.0` gives '66.0', `latest` gives
 * the newest version, anything else (v12.0, v99.0, v66, 66.0) gives undefined.
 */
export function parseVersionSegment(segment: string): string | undefined {
	if (segment === 'latest') return latestApiVersion;
	const match = /^v(\d+)\.0$/.exec(segment);
	if (!match) return undefined;
	const major = Number(match[1]);
	return major >= firstVersion && major <= latestMajor ? `${major}.0` : undefined;
}
