// A loopback server for the big-response benchmark, in its own process so that generating the
// body costs the measured process nothing: `node bench/lib/query-server.js <megabytes>` prints
// `{"port":…,"bytes":…,"records":…}` once listening, then serves the same query result (compact
// JSON, as Salesforce sends it) to every GET until it is killed.
import http from 'node:http';

const megabytes = Number(process.argv[2] ?? 1);
const target = megabytes * 1024 * 1024;
const records = [];
let size = 40;
for (let index = 0; size < target; index++) {
	const id = `001${String(index).padStart(12, '0')}AAA`;
	const record = JSON.stringify({
		attributes: {type: 'Account', url: `/services/data/v62.0/sobjects/Account/${id}`},
		Id: id,
		Name: `Account ${String(index).padStart(7, '0')}`,
		Industry: ['Technology', 'Energy', 'Retail', 'Banking'][index % 4],
		AnnualRevenue: 1000 * ((index * 7919) % 100_000),
		Phone: `(555) 01${String(index % 100).padStart(2, '0')}-${String(index % 10_000).padStart(4, '0')}`,
		BillingCity: ['San Francisco', 'Paris', 'Tokyo', 'São Paulo'][index % 4],
		Description: `Customer since ${2000 + (index % 25)}; ${'notes '.repeat(index % 7)}`.trim(),
	});
	records.push(record);
	size += record.length + 1;
}

const body = Buffer.from(
	`{"totalSize":${records.length},"done":true,"records":[${records.join(',')}]}`,
);
const server = http.createServer((_request, response) => {
	response.writeHead(200, {
		'content-type': 'application/json;charset=UTF-8',
		'content-length': body.length,
	});
	response.end(body);
});
server.listen(0, '127.0.0.1', () => {
	const {port} = server.address();
	process.stdout.write(`${JSON.stringify({port, bytes: body.length, records: records.length})}\n`);
});
