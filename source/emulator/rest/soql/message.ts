// Salesforce's SOQL error text: the offending line, a caret under the token, the position, then
// the reason. For example (message starts with a newline):
//   SELECT Id, Nme FROM Account
//              ^
//   ERROR at Row:1:Column:12
//   No such column 'Nme' on entity 'Account'. …

/** Lines longer than this are cut to a window around the caret, as Salesforce does. */
const maxLine = 120;

export function soqlErrorMessage(soql: string, offset: number, reason: string): string {
	const before = soql.slice(0, offset);
	const row = before.split('\n').length;
	const lineStart = before.lastIndexOf('\n') + 1;
	const lineEnd = soql.indexOf('\n', lineStart);
	const line = soql.slice(lineStart, lineEnd === -1 ? soql.length : lineEnd).replace(/\r$/, '');
	const column = offset - lineStart + 1;
	const windowStart = line.length > maxLine ? Math.max(0, column - 1 - maxLine / 2) : 0;
	const snippet = line.slice(windowStart, windowStart + maxLine);
	const caret = ' '.repeat(Math.max(0, column - 1 - windowStart));
	return `\n${snippet}\n${caret}^\nERROR at Row:${row}:Column:${column}\n${reason}`;
}
