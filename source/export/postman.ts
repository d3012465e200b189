// History as a Postman Collection v2.1, built with Postman's own library: the shape a Postman user
// builds by hand — bearer auth set ONCE on the collection from `{{access_token}}`, every request
// on `{{instance_url}}` and inheriting that auth. The file carries no token: access_token is empty
// and the user fills it in Postman (from `sftoken token`).
import postman from 'postman-collection';
import type {
	CollectionDefinition,
	ItemDefinition,
	ItemGroupDefinition,
	RequestAuthDefinition,
	RequestBodyDefinition,
	VariableDefinition,
} from 'postman-collection';
import type {HistoryEntry, HistoryOrg} from '../core/history-entry.js';

const {Collection} = postman;

export type PostmanExportOptions = {
	/** The collection's name; from the org when absent. */
	readonly name?: string;
};

function bearer(variable: string): RequestAuthDefinition {
	return {type: 'bearer', bearer: [{key: 'token', value: `{{${variable}}}`, type: 'string'}]};
}

function variable(key: string, value: string, description: string): VariableDefinition {
	return {key, value, type: 'string', description};
}

function jsonBody(raw: string): RequestBodyDefinition {
	// `options.raw.language` (Postman's body type menu) is in the v2.1 schema, not in the typings.
	const body = {mode: 'raw', raw, options: {raw: {language: 'json'}}};
	return body;
}

function hasBody(method: string): boolean {
	return method !== 'GET' && method !== 'HEAD';
}

function item(entry: HistoryEntry, instanceVariable: string): ItemDefinition {
	const headers = Object.entries(entry.requestHeaders).map(([key, value]) => ({key, value}));
	const body = hasBody(entry.method) ? entry.requestBody : undefined;
	if (body !== undefined && !headers.some(({key}) => key.toLowerCase() === 'content-type')) {
		headers.push({key: 'Content-Type', value: 'application/json'});
	}

	const path = entry.path.startsWith('/') ? entry.path : `/${entry.path}`;
	const notes = [
		`Sent by sftoken on ${new Date(entry.time).toISOString()} to ${entry.org.username} (${entry.org.alias}).`,
		entry.requestBodyTruncated === true
			? 'The body was cut short in sftoken history: only its beginning is here.'
			: undefined,
	].filter((note) => note !== undefined);
	return {
		name: `${entry.method} ${entry.path}`.slice(0, 200),
		description: notes.join(' '),
		// No `auth`: the request inherits the collection's (or its folder's).
		request: {
			method: entry.method,
			url: `{{${instanceVariable}}}${path}`,
			header: headers,
			...(body === undefined ? {} : {body: jsonBody(body)}),
		},
		...(entry.status === undefined
			? {}
			: {
					response: [
						{
							name:
								entry.responseTruncated === true
									? 'Response saved by sftoken (beginning only)'
									: 'Response saved by sftoken',
							code: entry.status,
							header:
								entry.contentType === undefined
									? []
									: [{key: 'Content-Type', value: entry.contentType}],
							body: entry.responsePreview ?? '',
							responseTime: entry.durationMs,
						},
					],
				}),
	};
}

function orgKey(org: HistoryOrg): string {
	return `${org.orgId.slice(0, 15)} ${org.username}`;
}

/** A variable-name-safe form of an alias: `ada@acme.com.uat` → `ada_acme_com_uat`. */
function slug(alias: string): string {
	return alias.replaceAll(/[^A-Za-z\d]+/gu, '_').replaceAll(/^_+|_+$/gu, '') || 'org';
}

/**
 * The collection for `entries` (in the order given), as pretty-printed JSON. One org: requests at
 * the top level. Several: one folder per org; the first org's folder uses `{{instance_url}}` and
 * the collection's auth, every other folder its own `{{<alias>_instance_url}}` and bearer auth
 * from `{{<alias>_access_token}}`, so no request ever sends one org's token to another.
 */
export function postmanCollection(
	entries: readonly HistoryEntry[],
	options: PostmanExportOptions = {},
): string {
	const groups = new Map<string, {org: HistoryOrg; entries: HistoryEntry[]}>();
	for (const entry of entries) {
		const key = orgKey(entry.org);
		const group = groups.get(key);
		if (group === undefined) groups.set(key, {org: entry.org, entries: [entry]});
		else group.entries.push(entry);
	}

	const [first, ...others] = [...groups.values()];
	const variables: VariableDefinition[] = [
		variable(
			'instance_url',
			first?.org.instanceUrl ?? '',
			first === undefined ? 'The org’s instance URL' : `Instance URL of ${first.org.alias}`,
		),
		variable(
			'access_token',
			'',
			first === undefined
				? 'Paste an access token (sftoken token)'
				: `Paste an access token: sftoken token --org ${first.org.alias}`,
		),
	];
	let items: Array<ItemDefinition | ItemGroupDefinition>;
	if (others.length === 0) {
		items = (first?.entries ?? []).map((entry) => item(entry, 'instance_url'));
	} else {
		const taken = new Set<string>();
		items = [
			{
				name: first?.org.alias ?? 'org',
				item: (first?.entries ?? []).map((entry) => item(entry, 'instance_url')),
			},
			...others.map((group) => {
				let prefix = slug(group.org.alias);
				for (let suffix = 2; taken.has(prefix); suffix++)
					prefix = `${slug(group.org.alias)}_${suffix}`;
				taken.add(prefix);
				variables.push(
					variable(
						`${prefix}_instance_url`,
						group.org.instanceUrl,
						`Instance URL of ${group.org.alias}`,
					),
					variable(
						`${prefix}_access_token`,
						'',
						`Paste an access token: sftoken token --org ${group.org.alias}`,
					),
				);
				return {
					name: group.org.alias,
					auth: bearer(`${prefix}_access_token`),
					item: group.entries.map((entry) => item(entry, `${prefix}_instance_url`)),
				};
			}),
		];
	}

	const definition: CollectionDefinition = {
		info: {
			name:
				options.name ??
				(others.length === 0 && first !== undefined
					? `sftoken — ${first.org.alias}`
					: 'sftoken requests'),
		},
		auth: bearer('access_token'),
		variable: variables,
		item: items,
	};
	return `${JSON.stringify(new Collection(definition).toJSON(), undefined, '\t')}\n`;
}
