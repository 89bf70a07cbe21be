import type { Drafted } from './drafted.ts';
import { numberAt, textAt, type JsonObject } from './jsonValues.ts';
import { formatMillis } from './nativeEncoding.ts';

/**
 * jobs.yaml, the native model.SupportPacketJobList: the latest runs of the
 * jobs support asks about first, grouped under the native keys. The native
 * file only has these six groups; other job types are not in it.
 */
const nativeJobGroups: ReadonlyArray<readonly [key: string, jobType: string]> = [
  ['ldap_sync_jobs', 'ldap_sync'],
  ['data_retention_jobs', 'data_retention'],
  ['message_export_jobs', 'message_export'],
  ['elastic_post_indexing_jobs', 'elasticsearch_post_indexing'],
  ['elastic_post_aggregation_jobs', 'elasticsearch_post_aggregation'],
  ['migration_jobs', 'migrations'],
];

const runsPerType = 5;
/** The collector reads one page of jobs, newest first, with per_page=200. */
const jobsPageSize = 200;

export function jobsFile(jobs: readonly JsonObject[]): Drafted<Record<string, unknown[]>> {
  const value = Object.fromEntries(nativeJobGroups.map(([key, jobType]) => [key, newestRuns(jobs, jobType, runsPerType).map(nativeJob)]));
  const leftOut =
    jobs.length >= jobsPageSize
      ? [`jobs.yaml: only the newest ${jobsPageSize} jobs of all types were read, so a type may show fewer than its last ${runsPerType} runs`]
      : [];
  return { value, leftOut };
}

export function newestRuns(jobs: readonly JsonObject[], jobType: string, count: number): JsonObject[] {
  return jobs
    .filter((job) => textAt(job, 'type') === jobType)
    .sort((a, b) => (numberAt(b, 'create_at') ?? 0) - (numberAt(a, 'create_at') ?? 0))
    .slice(0, count);
}

/** A job as model.Job marshals itself to YAML: its times in RFC 3339. */
function nativeJob(job: JsonObject) {
  const time = (name: string) => {
    const millis = numberAt(job, name);
    return millis === undefined ? undefined : formatMillis(millis);
  };
  return {
    id: job.id,
    type: job.type,
    priority: job.priority,
    create_at: time('create_at'),
    start_at: time('start_at'),
    last_activity_at: time('last_activity_at'),
    status: job.status,
    progress: job.progress,
    data: job.data,
  };
}
