import type { Drafted } from './drafted.ts';
import type { JsonObject } from './jsonValues.ts';
import { newestRuns, type JobsByType } from './jobsFile.ts';
import type { ServerFacts } from './serverFacts.ts';

/**
 * support_packet.yaml, the single file servers before 10.5 wrote (the old
 * model.SupportPacket), for the scripts written against it. Its jobs are the
 * two latest runs per type, marshalled the way that version did: model.Job had
 * no YAML tags then, so the keys are the Go field names in lower case
 * (`createat`, `lastactivityat`) and times are epoch milliseconds.
 */
export const legacyJobGroups: ReadonlyArray<readonly [key: string, jobType: string]> = [
  ['data_retention_jobs', 'data_retention'],
  ['message_export_jobs', 'message_export'],
  ['elastic_post_indexing_jobs', 'elasticsearch_post_indexing'],
  ['elastic_post_aggregation_jobs', 'elasticsearch_post_aggregation'],
  // The native key is misspelt ("indexin"); scripts expect it so.
  ['bleve_post_indexin_jobs', 'bleve_post_indexing'],
  ['ldap_sync_jobs', 'ldap_sync'],
  ['migration_jobs', 'migrations'],
];
const legacyRunsPerType = 2;

export function legacySupportPacketFile(facts: ServerFacts, jobsByType: JobsByType): Drafted<Record<string, unknown>> {
  const count = (row: string) => facts.counts.get(row);
  const open = count('channel_open_count');
  const closed = count('channel_private_count');
  const license = facts.license;
  const value = {
    server_version: facts.version,
    build_hash: facts.buildHash,
    database_type: facts.databaseType,
    database_schema_version: facts.schemaVersion,
    websocket_connections: count('total_websocket_connections'),
    master_db_connections: count('total_master_db_connections'),
    read_db_connections: count('total_read_db_connections'),
    cluster_id: facts.numberOfNodes === 0 ? '' : undefined,
    file_driver: facts.fileDriver,
    file_status: facts.fileStatus,
    license_to: license && (license.licensed ? license.company : ''),
    license_supported_users: license && (license.licensed ? license.users : 0),
    license_is_trial: license?.isTrial || undefined,
    active_users: count('unique_user_count'),
    daily_active_users: count('daily_active_users'),
    monthly_active_users: count('monthly_active_users'),
    inactive_user_count: count('inactive_user_count'),
    total_posts: count('post_count'),
    total_channels: open !== undefined && closed !== undefined ? open + closed : undefined,
    total_teams: count('team_count'),
    ...Object.fromEntries(
      legacyJobGroups.flatMap(([key, jobType]) => {
        const runs = jobsByType[jobType];
        return runs?.ok ? [[key, newestRuns(runs.value, legacyRunsPerType).map(legacyJob)]] : [];
      }),
    ),
  };
  const notOverRest = (fields: string) => `support_packet.yaml: ${fields} not available over the REST API`;
  const leftOut = [notOverRest('server_os, server_architecture, database_version, ldap_vendor_* and elastic_server_* are')];
  if (facts.numberOfNodes !== undefined && facts.numberOfNodes > 0) leftOut.push(notOverRest('cluster_id is'));
  return { value, leftOut };
}

function legacyJob(job: JsonObject) {
  return {
    id: job.id,
    type: job.type,
    priority: job.priority,
    createat: job.create_at,
    startat: job.start_at,
    lastactivityat: job.last_activity_at,
    status: job.status,
    progress: job.progress,
    data: job.data,
  };
}
