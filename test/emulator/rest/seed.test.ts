import {test} from 'node:test';
import assert from 'node:assert/strict';
import {seedOrg} from '../../../source/emulator/rest/seed.js';
import {serialBaseFor} from '../../../source/emulator/rest/store.js';
import {orgId, otherOrgId, userId} from './helpers.js';

const options = {
	records: 1000,
	orgId: orgId.slice(0, 15),
	ownerId: userId,
	serialBase: serialBaseFor(orgId),
};

test('about two Contacts per Account, each pointing at its Account', () => {
	const seeded = seedOrg(options);
	assert.equal(seeded.accounts.count, 1000);
	assert.ok(
		seeded.contacts.count > 1800 && seeded.contacts.count < 2200,
		String(seeded.contacts.count),
	);
	const accountId = seeded.accounts.readers['Id'];
	const contactAccount = seeded.contacts.readers['AccountId'];
	assert.ok(accountId && contactAccount);
	for (let index = 0; index < seeded.contacts.count; index += 97) {
		assert.equal(contactAccount(index), accountId(seeded.contacts.accountIndex[index] ?? -1));
	}
});

test('ids are unique and differ between orgs', () => {
	const ids = new Set<unknown>();
	const read = seedOrg(options).accounts.readers['Id'];
	for (let index = 0; index < 1000; index++) ids.add(read?.(index));
	assert.equal(ids.size, 1000);
	assert.notEqual(serialBaseFor(orgId), serialBaseFor(otherOrgId));
	assert.equal(serialBaseFor(orgId), serialBaseFor(orgId.slice(0, 15)));
});

test('every reader gives a value of the declared kind for every record', () => {
	const seeded = seedOrg({...options, records: 300});
	for (const object of [seeded.accounts, seeded.contacts]) {
		for (const [name, read] of Object.entries(object.readers)) {
			for (let index = 0; index < object.count; index++) {
				const value = read(index);
				assert.ok(
					value === null || ['string', 'number', 'boolean'].includes(typeof value),
					`${name}[${index}]`,
				);
				if (typeof value === 'number') assert.ok(Number.isFinite(value), `${name}[${index}]`);
			}
		}
	}
	const email = seeded.contacts.readers['Email'];
	assert.ok(email);
	const emails = Array.from({length: seeded.contacts.count}, (_, index) => email(index)).filter(
		(value) => value !== null,
	);
	assert.ok(
		emails.every((value) => /^[a-z\d.]+@[a-z\d]+\.com$/.test(String(value))),
		emails.find((value) => !/^[a-z\d.]+@[a-z\d]+\.com$/.test(String(value))) as string,
	);
});
