import type {DemoSetup} from '../../app-state.js';
import {orgKindLabels} from '../../core/domain.js';
import {productionLogin, sandboxLogin} from '../../core/login-target.js';
import type {LoginTarget} from '../../core/login-target.js';
import type {SelectItem} from '../../components/select-list/select-list-state.js';

/** A row of the first screen: log in at a target, or open the My Domain input. */
export type DomainChoice =
	{readonly type: 'target'; readonly target: LoginTarget} | {readonly type: 'my-domain'};

/** The org kind in words, or nothing when the host does not tell (login.salesforce.com). */
export function kindWords(kind: LoginTarget['kind']): string {
	return kind === 'unknown' ? '' : orgKindLabels[kind];
}

function demoChoices(demo: DemoSetup): Array<SelectItem<DomainChoice>> {
	const service: LoginTarget = {
		loginUrl: demo.loginUrl,
		label: 'Demo login service (emulator)',
		kind: 'unknown',
		source: 'emulator',
	};
	return [
		{
			key: `demo ${demo.loginUrl}`,
			label: service.label,
			detail: demo.loginUrl,
			value: {type: 'target', target: service},
		},
		...demo.orgs.map((org): SelectItem<DomainChoice> => {
			const target: LoginTarget = {
				loginUrl: org.myDomainUrl,
				label: org.name,
				kind: org.sandbox ? 'sandbox' : 'production',
				source: 'emulator',
			};
			return {
				key: `demo ${org.myDomainUrl}`,
				label: `Demo org ${org.name}`,
				detail: `${org.myDomainUrl}  ${kindWords(target.kind)}`,
				value: {type: 'target', target},
			};
		}),
	];
}

/**
 * The rows of "Where do you log in?": the demo's choices first in demo mode, then the logins
 * used recently (the likeliest answer, and removable), then the three fixed ways.
 */
export function domainChoices(
	recent: readonly LoginTarget[],
	demo: DemoSetup | undefined,
): Array<SelectItem<DomainChoice>> {
	const fixed = (target: LoginTarget): SelectItem<DomainChoice> => ({
		key: `fixed ${target.loginUrl}`,
		label: target.label,
		detail: target.loginUrl,
		value: {type: 'target', target},
	});
	return [
		...(demo === undefined ? [] : demoChoices(demo)),
		...recent.map((target): SelectItem<DomainChoice> => ({
			key: `recent ${target.loginUrl}`,
			label: target.loginUrl,
			detail: ['recent', kindWords(target.kind)].filter(Boolean).join(' · '),
			value: {type: 'target', target},
			removable: true,
		})),
		fixed(productionLogin),
		fixed(sandboxLogin),
		{
			key: 'my-domain',
			label: 'My Domain',
			detail: "paste any URL from your org's browser tab",
			value: {type: 'my-domain'},
		},
	];
}
