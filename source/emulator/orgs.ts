// The emulated orgs: deterministic names, ids and demo credentials, so a demo or a test run looks
// the same every time. Even indexes are production orgs, odd ones the UAT sandbox of the company
// before them (Salesforce appends the sandbox name to usernames and `.invalid` to emails).
import {makeId15, to18} from './ids.js';

export type OrgUser = {
	readonly userId: string;
	readonly userId15: string;
	readonly username: string;
	readonly password: string;
	readonly firstName: string;
	readonly lastName: string;
	readonly name: string;
	readonly email: string;
};

export type OrgRecord = {
	readonly index: number;
	readonly name: string;
	readonly orgId: string;
	readonly orgId15: string;
	readonly myDomainUrl: string;
	readonly sandbox: boolean;
	readonly user: OrgUser;
};

const companies: ReadonlyArray<readonly [name: string, slug: string]> = [
	['Acme Corporation', 'acme'],
	['Globex Corporation', 'globex'],
	['Initech', 'initech'],
	['Umbrella Corporation', 'umbrella'],
	['Stark Industries', 'stark'],
	['Wayne Enterprises', 'wayne'],
];

export function describeOrg(index: number, myDomainUrl: string): OrgRecord {
	const companyIndex = Math.floor(index / 2);
	const sandbox = index % 2 === 1;
	const [company, slug] = companies[companyIndex] ?? [
		`Demo Company ${companyIndex + 1}`,
		`demo${companyIndex + 1}`,
	];
	// Large serials give ids with mixed case, which exercises the 15/18-character conversion.
	const orgId15 = makeId15('00D', 412_735_190 + index * 7_919_117);
	const userId15 = makeId15('005', 330_217_640 + index * 10_472_911);
	const domain = `${slug}.demo`;
	return {
		index,
		name: sandbox ? `${company} (UAT sandbox)` : company,
		orgId: to18(orgId15),
		orgId15,
		myDomainUrl,
		sandbox,
		user: {
			userId: to18(userId15),
			userId15,
			username: sandbox ? `admin@${domain}.uat` : `admin@${domain}`,
			password: `demo-password-${index + 1}`,
			firstName: 'Admin',
			lastName: 'User',
			name: 'Admin User',
			email: sandbox ? `admin@${domain}.invalid` : `admin@${domain}`,
		},
	};
}
