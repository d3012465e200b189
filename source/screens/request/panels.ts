// The request screen's text panels as wrapped lines (see sign-in/lines.ts): the diagnosis of a
// failed request, the pre-flight stop, a failed refresh, and the one-line form summary.
import type {AuthProblem} from '../../auth/problems.js';
import type {Cause, Diagnosis} from '../../core/diagnose.js';
import {printableLine} from '../../core/json-lines.js';
import type {Preflight} from '../../core/preflight.js';
import type {DraftProblem} from '../../core/request.js';
import {paragraph, type Block, type Line} from '../sign-in/lines.js';

const numbers = ['①', '②', '③', '④', '⑤'];
/** Causes listed at most; the most likely come first. */
const maxCauses = 3;

function causeBlocks(cause: Cause, index: number, width: number, ranked: boolean): Block[] {
	const mark = ranked ? `${numbers[index] ?? '•'} ` : '';
	const blocks = [
		paragraph(`cause-${index}`, `${mark}${cause.cause}`, width, {
			priority: index === 0 ? 0 : index + 1,
		}),
		paragraph(`fix-${index}`, `${ranked ? '  ' : ''}→ ${cause.fix}`, width, {
			priority: index === 0 ? 0 : index + 1,
			style: 'success',
		}),
	];
	if (cause.setupPath !== undefined) {
		blocks.push(
			paragraph(`setup-${index}`, `${ranked ? '  ' : ''}Setup: ${cause.setupPath}`, width, {
				priority: index + 4,
				style: 'dim',
			}),
		);
	}

	return blocks;
}

/** Title, the marked SOQL, then each cause with its fix; ranked causes are numbered. */
export function diagnosisBlocks(diagnosis: Diagnosis, width: number): Block[] {
	const causes = diagnosis.causes.slice(0, maxCauses);
	const ranked = causes.length > 1;
	const blocks: Block[] = [
		paragraph('title', `✗ ${diagnosis.title}`, width, {priority: 0, style: 'error'}),
	];
	if (diagnosis.marked) {
		blocks.push({
			key: 'soql',
			priority: 1,
			lines: [
				{text: diagnosis.marked.query, style: 'code'},
				{text: diagnosis.marked.caret, style: 'error'},
			],
		});
	}

	if (ranked) {
		blocks.push(paragraph('ranked', 'Most likely first:', width, {priority: 5, style: 'dim'}));
	}

	for (const [index, cause] of causes.entries()) {
		blocks.push(...causeBlocks(cause, index, width, ranked));
	}

	return blocks;
}

export type PreflightKeys = {
	/** `y` sends anyway (a confirmation, not a refusal). */
	readonly confirm: boolean;
	/** `f` fixes the token and sends. */
	readonly fix: boolean;
	/** `l` logs in again (the token is another org's). */
	readonly login: boolean;
};

/** What the keys of a pre-flight stop can do. */
export function preflightKeys(checked: Preflight): PreflightKeys {
	const tokenIssue = checked.issues.find((issue) => issue.kind === 'token');
	return {
		confirm: checked.verdict === 'confirm',
		fix: tokenIssue?.kind === 'token' && tokenIssue.fixable && tokenIssue.severity !== 'note',
		login: checked.issues.some((issue) => issue.kind === 'wrong-org'),
	};
}

/** Why the request was not sent, and the keys that go on from here. */
export function preflightBlocks(checked: Preflight, width: number): Block[] {
	const refused = checked.verdict === 'refuse';
	const blocks: Block[] = [
		paragraph(
			'title',
			refused ? '✗ Not sent: this cannot go out as it is' : '! Not sent yet: check this first',
			width,
			{priority: 0, style: refused ? 'error' : 'warning'},
		),
	];
	for (const [index, issue] of checked.issues.entries()) {
		if (issue.severity === 'note') continue;
		const text = issue.kind === 'token' ? `The token: ${issue.message}` : issue.message;
		blocks.push(
			paragraph(`issue-${index}`, `• ${text}`, width, {
				priority: 0,
				style: issue.severity === 'refuse' ? 'error' : 'warning',
			}),
		);
	}

	const keys = preflightKeys(checked);
	const choices = [
		keys.fix ? 'f fix the token and send' : undefined,
		keys.confirm ? 'y send it anyway' : undefined,
		keys.login ? 'l log in to this org again' : undefined,
		'Esc back to editing',
	].filter((choice) => choice !== undefined);
	blocks.push(paragraph('keys', choices.join(' · '), width, {priority: 0, style: 'accent'}));
	return blocks;
}

/** A refresh that failed: the problem and what to do. */
export function refreshProblemBlocks(problem: AuthProblem, width: number): Block[] {
	return [
		paragraph('title', `✗ ${problem.title}`, width, {priority: 0, style: 'error'}),
		paragraph('cause', printableLine(problem.cause), width, {priority: 1}),
		paragraph(
			'fix',
			`→ ${problem.code === 'login-again' ? 'Press l to log in again.' : problem.fix}`,
			width,
			{
				priority: 0,
				style: 'success',
			},
		),
	];
}

/** A form field that cannot be sent as it is. */
export function draftProblemLine(problem: DraftProblem): Line {
	const field = {path: 'Path', headers: 'Headers', body: 'Body'}[problem.field];
	const text = problem.message.startsWith(field) ? problem.message : `${field}: ${problem.message}`;
	return {text: `✗ ${text}`, style: 'error'};
}
