import {deriveLoginUrl, orgKindLabels} from '../../core/domain.js';
import {parseLoginTarget} from '../../core/login-target.js';
import type {LoginTarget} from '../../core/login-target.js';

/** What the My Domain input shows under the field for the text typed so far. */
export type Derivation =
	| {readonly state: 'empty'}
	| {
			readonly state: 'ok';
			readonly target: LoginTarget;
			/** The org in words: "Sandbox 'uat' of acme". */
			readonly summary: string;
			/** Set when the mapping is not certain; says what to check. */
			readonly caution?: string;
	  }
	| {readonly state: 'refused'; readonly message: string};

const unsureWithoutNote =
	'This mapping is not certain. Check that the login page shows your org before you sign in.';

/** The org a derived My Domain login URL belongs to, in words. */
function orgSummary(input: string, target: LoginTarget): string {
	if (target.source === 'generic')
		return `${target.label}: the shared login page, not an org's own`;
	if (target.source === 'emulator') return target.label;
	const derived = deriveLoginUrl(input);
	if (!derived.ok) return target.label;
	if (derived.kind === 'sandbox' && derived.sandboxName !== undefined) {
		return `Sandbox '${derived.sandboxName}' of ${derived.myDomain}`;
	}

	// "Production org acme", "Developer Edition acme-dev-ed", "Scratch org fun-dream-1234".
	const words = orgKindLabels[derived.kind];
	return `${derived.kind === 'production' ? `${words} org` : words} ${derived.myDomain}`;
}

/**
 * Derives the login target from whatever was typed or pasted so far. Empty (or blank) input is
 * not an error yet: the screen shows where to find a URL instead of a refusal.
 */
export function deriveForInput(
	input: string,
	options: {readonly allowLoopback: boolean},
): Derivation {
	if (input.trim() === '') return {state: 'empty'};
	const parsed = parseLoginTarget(input, {allowLoopback: options.allowLoopback});
	if (!parsed.ok) return {state: 'refused', message: parsed.message};
	const summary = orgSummary(input, parsed.target);
	if (!parsed.unsure) return {state: 'ok', target: parsed.target, summary};
	return {state: 'ok', target: parsed.target, summary, caution: parsed.note ?? unsureWithoutNote};
}
