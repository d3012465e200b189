import {test} from 'node:test';
import assert from 'node:assert/strict';
import {fileURLToPath} from 'node:url';
import {demoSetupFrom, startDemoEmulator} from '../source/demo.js';

const cli = fileURLToPath(new URL('../cli.tsx', import.meta.url));

test('the demo emulator runs in a worker and offers every org with its login', async () => {
	const emulator = await startDemoEmulator({entry: cli, execArgv: ['--import', 'tsx'], records: 5});
	try {
		const {setup} = emulator;
		assert.match(setup.loginUrl, /^http:\/\/127\.0\.0\.1:\d+$/u);
		assert.ok(setup.clientId);
		assert.equal(setup.orgs.length, 2);
		assert.deepEqual(
			setup.orgs.map((org) => [org.name, org.sandbox, org.username, org.password]),
			[
				['Acme Corporation', false, 'admin@acme.demo', 'demo-password-1'],
				['Acme Corporation (UAT sandbox)', true, 'admin@acme.demo.uat', 'demo-password-2'],
			],
		);
		// It answers from its own thread.
		const versions = await fetch(`${setup.orgs[0]?.myDomainUrl ?? ''}/services/data/`);
		assert.equal(versions.status, 200);
	} finally {
		await emulator.close();
	}
});

test('a line that is not the emulator summary is refused', () => {
	assert.equal(demoSetupFrom('not json'), undefined);
	assert.equal(demoSetupFrom('{"loginUrl": 5, "orgs": []}'), undefined);
	assert.equal(
		demoSetupFrom('{"loginUrl": "http://127.0.0.1:1", "orgs": [{"name": 1}]}'),
		undefined,
	);
	assert.deepEqual(demoSetupFrom('{"loginUrl": "http://127.0.0.1:1", "orgs": []}'), {
		loginUrl: 'http://127.0.0.1:1',
		orgs: [],
	});
});
