import {test} from 'node:test';
import assert from 'node:assert/strict';
import {render} from 'ink-testing-library';
import {Text} from 'ink';
import {useLoginAttempt, type LoginAttempt} from '../../source/hooks/use-login-attempt.js';
import {waitForText} from '../helpers/wait-for.js';

function Probe({onAttempt}: {readonly onAttempt: (attempt: LoginAttempt) => void}) {
	const attempt = useLoginAttempt();
	onAttempt(attempt);
	return <Text>{`run ${attempt.run}`}</Text>;
}

function mount() {
	let latest: LoginAttempt | undefined;
	const view = render(<Probe onAttempt={(attempt) => (latest = attempt)} />);
	const current = (): LoginAttempt => {
		assert.ok(latest);
		return latest;
	};

	return {view, current};
}

test('a new attempt aborts the one before and is the only current one', () => {
	const {view, current} = mount();
	const first = current().begin();
	const second = current().begin();
	assert.equal(first.signal.aborted, true);
	assert.equal(second.signal.aborted, false);
	assert.equal(current().isCurrent(first), false);
	assert.equal(current().isCurrent(second), true);
	view.unmount();
});

test('cancel aborts the current attempt', () => {
	const {view, current} = mount();
	const abort = current().begin();
	current().cancel();
	assert.equal(abort.signal.aborted, true);
	view.unmount();
});

test('leaving the screen aborts the attempt in flight', () => {
	const {view, current} = mount();
	const abort = current().begin();
	view.unmount();
	assert.equal(abort.signal.aborted, true);
});

test('retry bumps the run an effect depends on', async () => {
	const {view, current} = mount();
	assert.equal(current().run, 0);
	current().retry();
	await waitForText(view.lastFrame, 'run 1');
	assert.equal(current().run, 1);
	view.unmount();
});
