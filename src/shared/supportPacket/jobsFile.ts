import type { Collected } from './collectedData.ts';
import type { Drafted } from './drafted.ts';
import { isRecord, numberAt, textAt, type JsonObject } from './jsonValues.ts';
import { formatMillis } from './nativeEncoding.ts';
import { describeFailure } from './sourceProblems.ts';

/**
 * jobs.yaml, the native model.SupportPacketJobList: the five latest runs of
 * each job type support asks about first, under the native keys. Each type
 * is read on its own (`GET /api/v4/jobs/type/{type}`), as natively, so a
 * daily job shows its runs however busy the other types are.
 */
export const nativeJobGroups: ReadonlyArray<readonly [key: string, jobType: string]> = [
  ['ldap_sync_jobs', 'ldap_sync'],
  ['data_retention_jobs', 'data_retention'],
  ['message_export_jobs', 'message_export'],
  ['elastic_post_indexing_jobs', 'elasticsearch_post_indexing'],
  ['elastic_post_aggregation_jobs', 'elasticsearch_post_aggregation'],
  ['migration_jobs', 'migrations'],
];

export const runsPerType = 5;

export type JobsByType = Readonly<Record<string, Collected<readonly JsonObject[]>>>;

export function jobsFile(jobsByType: JobsByType): Drafted<Record<string, unknown[]>> {
  const value = Object.fromEntries(
    nativeJobGroups.map(([key, jobType]) => {
      const runs = jobsByType[jobType];
      return [key, newestRuns(runs?.ok ? runs.value : [], runsPerType).map(nativeJob)];
    }),
  );
  return { value, leftOut: jobFailures(jobsByType) };
}

/** The job types whose runs could not be read: each a line of warning.txt. */
export function jobFailures(jobsByType: JobsByType): string[] {
  return nativeJobGroups.flatMap(([key, jobType]) => {
    const runs = jobsByType[jobType];
    return runs && !runs.ok ? [`${describeFailure(`jobs.yaml ${key}`, runs)} (written as an empty list)`] : [];
  });
}

export function newestRuns(jobs: readonly JsonObject[], count: number): JsonObject[] {
  return [...jobs].sort((a, b) => (numberAt(b, 'create_at') ?? 0) - (numberAt(a, 'create_at') ?? 0)).slice(0, count);
}

/** A job as model.Job marshals itself to YAML: every field, times in RFC 3339, an empty data map as {}. */
function nativeJob(job: JsonObject) {
  const time = (name: string) => formatMillis(numberAt(job, name) ?? 0);
  return {
    id: textAt(job, 'id') ?? '',
    type: textAt(job, 'type') ?? '',
    priority: numberAt(job, 'priority') ?? 0,
    create_at: time('create_at'),
    start_at: time('start_at'),
    last_activity_at: time('last_activity_at'),
    status: textAt(job, 'status') ?? '',
    progress: numberAt(job, 'progress') ?? 0,
    data: isRecord(job.data) ? job.data : {},
  };
}
