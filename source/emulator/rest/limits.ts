// /limits: the org's allocations. DailyApiRequests comes from the server's counter; DataStorageMB
// counts 2 KB per record as Salesforce does; the rest are a typical Enterprise org's values,
// untouched because the emulator has no reports, emails or Bulk API.

import type {RestContext} from './context.js';

type Limit = {Max: number; Remaining: number};

function unused(max: number): Limit {
	return {Max: max, Remaining: max};
}

const dataStorageMaxMb = 10_240;

export function limitsBody(context: RestContext, records: number): Record<string, Limit> {
	const {used, max} = context.apiUsage;
	const usedMb = Math.ceil((records * 2) / 1024);
	return {
		ConcurrentAsyncGetReportInstances: unused(200),
		ConcurrentSyncReportRuns: unused(20),
		DailyApiRequests: {Max: max, Remaining: Math.max(0, max - used)},
		DailyAsyncApexExecutions: unused(250_000),
		DailyAsyncApexTests: unused(500),
		DailyBulkApiBatches: unused(15_000),
		DailyBulkV2QueryFileStorageMB: unused(976_562),
		DailyBulkV2QueryJobs: unused(10_000),
		DailyDurableGenericStreamingApiEvents: unused(10_000),
		DailyDurableStreamingApiEvents: unused(10_000),
		DailyGenericStreamingApiEvents: unused(10_000),
		DailyStandardVolumePlatformEvents: unused(10_000),
		DailyStreamingApiEvents: unused(10_000),
		DailyWorkflowEmails: unused(390),
		DataStorageMB: {Max: dataStorageMaxMb, Remaining: dataStorageMaxMb - usedMb},
		FileStorageMB: unused(20_480),
		HourlyAsyncReportRuns: unused(1200),
		HourlyDashboardRefreshes: unused(200),
		HourlyDashboardResults: unused(5000),
		HourlyODataCallout: unused(10_000),
		HourlySyncReportRuns: unused(500),
		HourlyTimeBasedWorkflow: unused(50),
		MassEmail: unused(5000),
		SingleEmail: unused(5000),
		StreamingApiConcurrentClients: unused(2000),
	};
}
