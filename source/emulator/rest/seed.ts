// Deterministic seeded records: for a given (records, org id) the same Accounts and Contacts with
// the same ids and values, every run; about two Contacts per Account. Values are kept in typed
// columns (a few bytes per record) and turned into strings only when read, so 300 000 records
// cost milliseconds and a few megabytes instead of seconds and hundreds of megabytes.

import {makeId18} from '../ids.js';
import {createRandom, hashString, type Random} from './random.js';
import {accountTypes, industries, leadSources, ratings, salutations} from './schema.js';
import {
	cities,
	departments,
	descriptions,
	firstNames,
	lastNames,
	nameCores,
	namePrefixes,
	nameSuffixes,
	sampleAccountNames,
	streetNames,
	streetTypes,
	titles,
} from './seed-words.js';

export type FieldValue = string | number | boolean | null;
/** One materialised record; datetimes are epoch milliseconds, ids 18 characters. */
export type Row = Record<string, FieldValue>;

/** Reads one field of the seeded record at an index. */
export type SeedReader = (index: number) => FieldValue;

export type SeededObject = {
	readonly count: number;
	readonly readers: Readonly<Record<string, SeedReader>>;
};

export type SeededOrg = {
	readonly accounts: SeededObject;
	readonly contacts: SeededObject & {
		/** Index of each Contact's Account, for following Contact.AccountId without id parsing. */
		readonly accountIndex: Int32Array;
	};
};

/** Seeded records are created between these instants (a fixed window: no clock). */
export const seedStart = Date.UTC(2019, 0, 1);
export const seedEnd = Date.UTC(2025, 5, 30);

export type SeedOptions = {
	readonly records: number;
	readonly orgId: string;
	readonly ownerId: string;
	/** Serial of the first record's id; record i gets serial base + i. */
	readonly serialBase: number;
};

/** Letters and digits only, accents dropped: `Müller` → `muller`. */
export function asciiSlug(value: string): string {
	return value
		.normalize('NFD')
		.replaceAll(/[\u0300-\u036F]/g, '')
		.replaceAll(/[^A-Za-z\d]/g, '')
		.toLowerCase();
}

// Every generated company name, and its web domain, computed once.
const generatedNames = namePrefixes.flatMap((prefix) =>
	nameCores.flatMap((core) => nameSuffixes.map((suffix) => `${prefix} ${core} ${suffix}`)),
);
const accountNames = [...sampleAccountNames, ...generatedNames];
const domains = accountNames.map((name) => `${asciiSlug(name).slice(0, 24)}.com`);
const streets = streetNames.flatMap((name) => streetTypes.map((type) => `${name} ${type}`));
const firstNameSlugs = firstNames.map((name) => asciiSlug(name));
const lastNameSlugs = lastNames.map((name) => asciiSlug(name));
const phoneDigits = cities.map((city) => city.phone.split('#').length - 1);

/** Fills a phone pattern's # marks with the digits of `value`. */
function formatPhone(pattern: string, digits: number, value: number): string {
	const text = String(value).padStart(digits, '0');
	let next = 0;
	return pattern.replaceAll('#', () => text.charAt(next++));
}

function wholeSecond(epochMs: number): number {
	return Math.floor(epochMs / 1000) * 1000;
}

/** A log-uniform amount: many small companies, a few very large ones. */
function logUniform(random: Random, min: number, max: number): number {
	return Math.exp(Math.log(min) + random.next() * (Math.log(max) - Math.log(min)));
}

/** 0 for null (with the given probability), otherwise 1 + an index into a list of `size`. */
function optionalCode(random: Random, nullProbability: number, size: number): number {
	return random.next() < nullProbability ? 0 : 1 + Math.floor(random.next() * size);
}

function fromCode<T>(list: readonly T[], code: number | undefined): T | null {
	return code === undefined || code === 0 ? null : (list[code - 1] ?? null);
}

/** The picked element for a seeded index, or null for a missing one. */
function at<T>(list: readonly T[], index: number | undefined): T | null {
	return index === undefined ? null : (list[index] ?? null);
}

function cell<T extends Int32Array | Uint8Array | Uint16Array | Float64Array>(
	column: T,
	index: number,
): number {
	return column[index] ?? 0;
}

/** The owner and audit fields, read alike for every seeded object (as schema.ts's auditFields). */
function auditReaders(
	columns: {readonly created: Float64Array; readonly modified: Float64Array},
	options: SeedOptions,
): Record<string, SeedReader> {
	const owner = () => options.ownerId;
	const modified = (index: number) => cell(columns.modified, index);
	return {
		OwnerId: owner,
		CreatedDate: (index) => cell(columns.created, index),
		CreatedById: owner,
		LastModifiedDate: modified,
		LastModifiedById: owner,
		SystemModstamp: modified,
	};
}

type AccountColumns = {
	name: Uint16Array;
	type: Uint8Array;
	industry: Uint8Array;
	rating: Uint8Array;
	accountNumber: Int32Array;
	streetNumber: Uint16Array;
	street: Uint8Array;
	city: Uint8Array;
	phone: Int32Array;
	revenue: Float64Array;
	employees: Int32Array;
	description: Uint8Array;
	created: Float64Array;
	modified: Float64Array;
};

function seedAccountColumns(random: Random, count: number): AccountColumns {
	const columns: AccountColumns = {
		name: new Uint16Array(count),
		type: new Uint8Array(count),
		industry: new Uint8Array(count),
		rating: new Uint8Array(count),
		accountNumber: new Int32Array(count),
		streetNumber: new Uint16Array(count),
		street: new Uint8Array(count),
		city: new Uint8Array(count),
		phone: new Int32Array(count),
		revenue: new Float64Array(count),
		employees: new Int32Array(count),
		description: new Uint8Array(count),
		created: new Float64Array(count),
		modified: new Float64Array(count),
	};
	const step = (seedEnd - seedStart) / Math.max(count, 1);
	for (let index = 0; index < count; index++) {
		const city = random.integer(0, cities.length - 1);
		columns.city[index] = city;
		columns.name[index] =
			index < sampleAccountNames.length
				? index
				: sampleAccountNames.length + random.integer(0, generatedNames.length - 1);
		columns.type[index] = optionalCode(random, 0.1, accountTypes.length);
		columns.industry[index] = optionalCode(random, 0.1, industries.length);
		columns.rating[index] = optionalCode(random, 0.4, ratings.length);
		columns.accountNumber[index] = random.chance(0.3) ? -1 : random.integer(0, 999_999);
		columns.streetNumber[index] = random.integer(1, 9999);
		columns.street[index] = random.integer(0, streets.length - 1);
		columns.phone[index] = random.integer(0, 10 ** (phoneDigits[city] ?? 4) - 1);
		columns.revenue[index] = random.chance(0.15)
			? Number.NaN
			: Math.round(logUniform(random, 1e5, 5e10) / 1000) * 1000;
		columns.employees[index] = random.chance(0.15)
			? -1
			: Math.round(logUniform(random, 1, 250_000));
		columns.description[index] = optionalCode(random, 0.9, descriptions.length);
		// Creation dates rise with the id, as in a real org.
		const created = wholeSecond(seedStart + index * step + random.next() * step * 0.9);
		columns.created[index] = created;
		columns.modified[index] = wholeSecond(created + random.next() ** 3 * (seedEnd - created));
	}
	return columns;
}

function accountReaders(columns: AccountColumns, options: SeedOptions): Record<string, SeedReader> {
	const city = (index: number) => cities[cell(columns.city, index)];
	return {
		Id: (index) => makeId18('001', options.serialBase + index),
		IsDeleted: () => false,
		Name: (index) => at(accountNames, columns.name[index]),
		Type: (index) => fromCode(accountTypes, columns.type[index]),
		Industry: (index) => fromCode(industries, columns.industry[index]),
		Rating: (index) => fromCode(ratings, columns.rating[index]),
		AccountNumber(index) {
			const number = cell(columns.accountNumber, index);
			return number < 0 ? null : `CD${String(number).padStart(6, '0')}`;
		},
		BillingStreet: (index) =>
			`${cell(columns.streetNumber, index)} ${at(streets, columns.street[index]) ?? ''}`,
		BillingCity: (index) => city(index)?.city ?? null,
		BillingState: (index) => city(index)?.state ?? null,
		BillingPostalCode: (index) => city(index)?.postalCode ?? null,
		BillingCountry: (index) => city(index)?.country ?? null,
		Phone(index) {
			const code = cell(columns.city, index);
			const pattern = cities[code]?.phone ?? '';
			return formatPhone(pattern, phoneDigits[code] ?? 0, cell(columns.phone, index));
		},
		Website: (index) => `www.${at(domains, columns.name[index]) ?? 'example.com'}`,
		AnnualRevenue(index) {
			const revenue = cell(columns.revenue, index);
			return Number.isNaN(revenue) ? null : revenue;
		},
		NumberOfEmployees(index) {
			const employees = cell(columns.employees, index);
			return employees < 0 ? null : employees;
		},
		Description: (index) => fromCode(descriptions, columns.description[index]),
		...auditReaders(columns, options),
	};
}

type ContactColumns = {
	account: Int32Array;
	salutation: Uint8Array;
	firstName: Uint8Array;
	lastName: Uint8Array;
	title: Uint8Array;
	department: Uint8Array;
	hasEmail: Uint8Array;
	phone: Int32Array;
	mobile: Int32Array;
	leadSource: Uint8Array;
	created: Float64Array;
	modified: Float64Array;
};

function seedContactColumns(
	random: Random,
	accounts: AccountColumns,
	accountCount: number,
): ContactColumns {
	// 1–3 Contacts per Account: draw the counts first to size the columns.
	const perAccount = Uint8Array.from({length: accountCount}, () => random.integer(1, 3));
	const count = perAccount.reduce((total, value) => total + value, 0);
	const columns: ContactColumns = {
		account: new Int32Array(count),
		salutation: new Uint8Array(count),
		firstName: new Uint8Array(count),
		lastName: new Uint8Array(count),
		title: new Uint8Array(count),
		department: new Uint8Array(count),
		hasEmail: new Uint8Array(count),
		phone: new Int32Array(count),
		mobile: new Int32Array(count),
		leadSource: new Uint8Array(count),
		created: new Float64Array(count),
		modified: new Float64Array(count),
	};
	let index = 0;
	for (let account = 0; account < accountCount; account++) {
		const digits = phoneDigits[cell(accounts.city, account)] ?? 4;
		for (let contact = 0; contact < (perAccount[account] ?? 0); contact++) {
			columns.account[index] = account;
			columns.salutation[index] = optionalCode(random, 0.4, salutations.length);
			columns.firstName[index] = optionalCode(random, 0.03, firstNames.length);
			columns.lastName[index] = random.integer(0, lastNames.length - 1);
			columns.title[index] = optionalCode(random, 0.1, titles.length);
			columns.department[index] = optionalCode(random, 0.3, departments.length);
			columns.hasEmail[index] = random.chance(0.05) ? 0 : 1;
			columns.phone[index] = random.integer(0, 10 ** digits - 1);
			columns.mobile[index] = random.chance(0.5) ? -1 : random.integer(0, 10 ** digits - 1);
			columns.leadSource[index] = optionalCode(random, 0.3, leadSources.length);
			const created = Math.min(
				seedEnd,
				cell(accounts.created, account) + random.integer(60, 86_400 * 30) * 1000,
			);
			columns.created[index] = created;
			columns.modified[index] = wholeSecond(created + random.next() ** 3 * (seedEnd - created));
			index++;
		}
	}
	return columns;
}

function contactReaders(
	columns: ContactColumns,
	accounts: Record<string, SeedReader>,
	accountColumns: AccountColumns,
	options: SeedOptions,
): Record<string, SeedReader> {
	const account = (index: number) => cell(columns.account, index);
	const firstName = (index: number) => fromCode(firstNames, columns.firstName[index]);
	const lastName = (index: number) => at(lastNames, columns.lastName[index]) ?? '';
	const phone = (index: number, value: number) => {
		const code = cell(accountColumns.city, account(index));
		return value < 0 ? null : formatPhone(cities[code]?.phone ?? '', phoneDigits[code] ?? 0, value);
	};
	const fromAccount = (name: string): SeedReader => {
		const read = accounts[name];
		return (index) => (read ? read(account(index)) : null);
	};
	return {
		Id: (index) => makeId18('003', options.serialBase + index),
		IsDeleted: () => false,
		AccountId: (index) => makeId18('001', options.serialBase + account(index)),
		Salutation: (index) => fromCode(salutations, columns.salutation[index]),
		FirstName: firstName,
		LastName: lastName,
		Name(index) {
			const first = firstName(index);
			return first === null ? lastName(index) : `${first} ${lastName(index)}`;
		},
		Title: (index) => fromCode(titles, columns.title[index]),
		Department: (index) => fromCode(departments, columns.department[index]),
		Email(index) {
			if (columns.hasEmail[index] !== 1) return null;
			const first = cell(columns.firstName, index);
			const last = at(lastNameSlugs, columns.lastName[index]) ?? '';
			const local = first === 0 ? last : `${firstNameSlugs[first - 1] ?? ''}.${last}`;
			return `${local}@${at(domains, accountColumns.name[account(index)]) ?? 'example.com'}`;
		},
		Phone: (index) => phone(index, cell(columns.phone, index)),
		MobilePhone: (index) => phone(index, cell(columns.mobile, index)),
		MailingStreet: fromAccount('BillingStreet'),
		MailingCity: fromAccount('BillingCity'),
		MailingState: fromAccount('BillingState'),
		MailingPostalCode: fromAccount('BillingPostalCode'),
		MailingCountry: fromAccount('BillingCountry'),
		LeadSource: (index) => fromCode(leadSources, columns.leadSource[index]),
		...auditReaders(columns, options),
	};
}

/** Seeds `records` Accounts and 1–3 Contacts for each, in id order. */
export function seedOrg(options: SeedOptions): SeededOrg {
	const random = createRandom(hashString(`${options.orgId}:${options.records}`));
	const accountColumns = seedAccountColumns(random, options.records);
	const accounts = accountReaders(accountColumns, options);
	const contactColumns = seedContactColumns(random, accountColumns, options.records);
	return {
		accounts: {count: options.records, readers: accounts},
		contacts: {
			count: contactColumns.account.length,
			readers: contactReaders(contactColumns, accounts, accountColumns, options),
			accountIndex: contactColumns.account,
		},
	};
}
