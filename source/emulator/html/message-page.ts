// Pages that only say something: results, errors, the maintenance page of the html-error fault.
import {errorLine, page, paragraph} from './layout.js';

export function messagePage(options: {
	readonly banner: string;
	readonly title: string;
	readonly message: string;
	readonly error?: string;
}): string {
	return page({
		title: options.title,
		banner: options.banner,
		content: `${errorLine(options.error)}\n${paragraph(options.message)}`,
	});
}

/** What a client sees when Salesforce (or a proxy in front of it) answers with an HTML page. */
export function maintenancePage(): string {
	return messagePage({
		banner: 'Salesforce',
		title: 'Down for Maintenance',
		message:
			'This Salesforce instance is currently undergoing maintenance. Please try again later.',
	});
}
