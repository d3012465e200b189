import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {Text} from 'ink';
import {useHistoryNotice} from '../../source/hooks/use-history.js';
import {openHistoryStore, type HistoryStore} from '../../source/store/history.js';
import {input} from '../helpers/history-entries.js';
import {renderTerminal} from '../helpers/render-terminal.js';
import {waitForText} from '../helpers/wait-for.js';

function NoticeLine({store}: {readonly store: HistoryStore}) {
	const notice = useHistoryNotice(store);
	return <Text>{notice ?? 'no notice'}</Text>;
}

test('a notice shows as soon as the store has one (here: the first append fails), and only once', async (t) => {
	const base = mkdtempSync(path.join(tmpdir(), 'sftoken-history-hook-'));
	t.after(() => {
		rmSync(base, {recursive: true, force: true});
	});
	writeFileSync(path.join(base, 'file'), 'x');
	const store = openHistoryStore({directory: path.join(base, 'file', 'sftoken')});
	const terminal = renderTerminal(<NoticeLine store={store} />);
	await waitForText(terminal.lastFrame, 'no notice');
	await store.append(input());
	await waitForText(terminal.lastFrame, 'kept in memory only');
	assert.equal(store.takeNotice(), undefined, 'taken by the hook');
	terminal.unmount();
});
