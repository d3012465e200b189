/**
 * Human text for a token inspection: one line a user reads under the token field or in
 * `sftoken check-token`. Positions in it are 1-based.
 */
import type {StrayCharacter, TokenInspection, TokenProblem} from './token.js';

/** How many runs of stray characters a summary names before saying "and N more". */
const listedRuns = 3;
const placeholderShown = 40;

function plural(name: string, count: number): string {
	if (count === 1) return name;
	return /^[a-z -]+$/.test(name) ? `${count} ${name}s` : `${count} × ${name}`;
}

/**
 * Describes stray characters in input order, reading consecutive identical characters as one run:
 * "space at 114", "3 spaces at 1–3".
 */
export function describeStrays(
	strays: readonly StrayCharacter[],
): Array<{readonly index: number; readonly text: string}> {
	const runs: Array<{index: number; text: string}> = [];
	let runStart = 0;
	for (let index = 1; index <= strays.length; index++) {
		const previous = strays[index - 1];
		const current = strays[index];
		if (
			current &&
			previous &&
			current.char === previous.char &&
			current.index === previous.index + previous.char.length
		) {
			continue;
		}
		const first = strays[runStart];
		if (first && previous) {
			const count = index - runStart;
			const where = count === 1 ? `${first.index + 1}` : `${first.index + 1}–${previous.index + 1}`;
			runs.push({index: first.index, text: `${plural(first.name, count)} at ${where}`});
		}
		runStart = index;
	}
	return runs;
}

function describeStrayProblem(strays: readonly StrayCharacter[]): string {
	const runs = describeStrays(strays);
	const listed = runs.slice(0, listedRuns).map((run) => run.text);
	if (runs.length > listedRuns) listed.push(`and ${runs.length - listedRuns} more`);
	const count = strays.length;
	return `${count} stray character${count === 1 ? '' : 's'}: ${listed.join(', ')}`;
}

/** Placeholder text goes to a terminal: invisible and control characters become `<U+001B>`. */
function printable(text: string): string {
	const short = text.length > placeholderShown ? `${text.slice(0, placeholderShown - 1)}…` : text;
	return short.replaceAll(
		/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu,
		(char) => `<U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`,
	);
}

/** What the fix would do, e.g. "'Bearer ' prefix; 1 stray character: line break at 120". */
function describeFixes(problems: readonly TokenProblem[]): string {
	const parts: string[] = [];
	for (const problem of problems) {
		if (problem.kind === 'wrapper') parts.push(problem.description);
		if (problem.kind === 'percent-encoded') parts.push("'%21' where the '!' belongs");
	}
	for (const problem of problems) {
		if (problem.kind === 'stray-characters') parts.push(describeStrayProblem(problem.characters));
	}
	return parts.join('; ');
}

/** What makes the token unusable, and what to do instead (when there is a better move). */
function describeBlocker(problem: TokenProblem): readonly [string, string?] | undefined {
	switch (problem.kind) {
		case 'empty': {
			return ['No token'];
		}
		case 'placeholder': {
			return [
				`Not a token but a placeholder: ${printable(problem.text)}`,
				'paste the real access token',
			];
		}
		case 'refresh-token': {
			return ['This is a refresh token (5Aep…), not an access token', 'paste the access token'];
		}
		case 'bad-shape': {
			return [`Not a valid access token: ${problem.detail}`];
		}
		default: {
			return undefined;
		}
	}
}

export type SummaryOptions = {
	/** Appended to a fixable verdict, e.g. 'press f to fix' in the token field. */
	readonly fixHint?: string;
};

/**
 * One-line verdict on an inspection, with 1-based positions.
 *
 * @example
 * summarizeInspection(inspectToken(token + '\n '), {fixHint: 'press f to fix'})
 * // => '2 stray characters: line break at 113, space at 114 — press f to fix'
 * summarizeInspection(inspectToken(token))
 * // => 'Looks like a valid access token for org 00D5g000004XyZa'
 */
export function summarizeInspection(
	inspection: TokenInspection,
	options: SummaryOptions = {},
): string {
	const fixes = describeFixes(inspection.problems);
	if (inspection.clean) {
		if (inspection.format === 'jwt') {
			return 'Looks like a valid JWT access token (it carries no org id to check)';
		}
		const short = inspection.warnings.find((warning) => warning.kind === 'short-secret');
		const caveat = short
			? ` (but only ${short.length} characters after the '!', real ones have about 96)`
			: '';
		return `Looks like a valid access token for org ${inspection.orgId15 ?? '?'}${caveat}`;
	}
	for (const problem of inspection.problems) {
		const blocker = describeBlocker(problem);
		if (blocker === undefined) continue;
		const [what, advice] = blocker;
		if (problem.kind === 'empty' && fixes !== '') return `No token, only ${fixes}`;
		const also = fixes === '' ? '' : `; also ${fixes}`;
		return advice === undefined ? `${what}${also}` : `${what}${also} — ${advice}`;
	}
	return options.fixHint ? `${fixes} — ${options.fixHint}` : fixes;
}

/**
 * Whether two org ids name the same org: compares the first 15 characters, case-sensitively, so
 * the 18-character id of an identity URL matches the 15-character prefix of a session id.
 *
 * @example
 * sameOrg('00D5g000004XyZaEAK', '00D5g000004XyZa') // => true
 */
export function sameOrg(orgIdA: string, orgIdB: string): boolean {
	const valid = (id: string) => id.length === 15 || id.length === 18;
	return valid(orgIdA) && valid(orgIdB) && orgIdA.slice(0, 15) === orgIdB.slice(0, 15);
}
