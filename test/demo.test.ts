import {test} from 'node:test';
import assert from 'node:assert/strict';
import {startEmulator} from '../source/emulator/index.js';
import {demoSetupOf} from '../source/demo.js';

test('the demo offers every emulator org with the credentials its login page asks for', async () => {
	const emulator = await startEmulator({records: 10});
	try {
		const setup = demoSetupOf(emulator);
		assert.equal(setup.loginUrl, emulator.loginUrl);
		assert.equal(setup.clientId, emulator.clientId);
		assert.equal(setup.orgs.length, emulator.orgs.length);
		for (const [index, org] of emulator.orgs.entries()) {
			assert.deepEqual(setup.orgs[index], {
				name: org.name,
				myDomainUrl: org.myDomainUrl,
				sandbox: org.sandbox,
				username: org.username,
				password: org.password,
			});
		}
		assert.match(setup.loginUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
	} finally {
		await emulator.close();
	}
});
