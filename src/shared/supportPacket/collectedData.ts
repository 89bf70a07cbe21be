/**
 * What the popup collected over REST for one support packet: the input of
 * everything in this folder. Each source either answered or says why not, so
 * the packet can still be built and the gap named in warning.txt.
 */

/** One REST source: its value, or why it could not be had. */
export type Collected<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly endpoint: string; readonly status: number; /** 0 = no answer */ readonly reason: string };

export interface AnalyticsRow {
  readonly name: string;
  readonly value: number;
}

/** One entry of `GET /api/v4/system/schema/version` (model.AppliedMigration). */
export interface AppliedMigration {
  readonly version: number;
  readonly name: string;
}

/**
 * Counts from `GET /api/v4/users/stats/filtered` (`total_users_count`), each
 * the same store query the native stats.yaml runs.
 */
export interface FilteredUserCounts {
  /** No filter: active users, bots and remote users excluded (native active_users). */
  readonly active: number;
  /** include_deleted=true (native registered_users). */
  readonly registered: number;
  /** include_bots=true: active users and bots, so bots are this minus `active` (native bot_accounts). */
  readonly activeWithBots: number;
  /** roles=system_guest with bots and remote users included (native guests). */
  readonly guests: number;
}

export interface CollectedData {
  readonly generatedAt: number; // epoch ms, browser clock
  readonly serverVersionId: string; // X-Version-Id header, e.g. "11.4.0.11.4.0-companion.<hash>.false"
  readonly serverUrl: string; // site URL of the workspace
  readonly clientConfig: Collected<Record<string, string>>; // GET /api/v4/config/client?format=old
  readonly license: Collected<Record<string, string>>; // GET /api/v4/license/client?format=old
  readonly config: Collected<Record<string, unknown>>; // GET /api/v4/config (already sanitized by the server, but mask again)
  readonly serverStatus: Collected<Record<string, unknown>>; // GET /api/v4/system/ping?get_server_status=true&use_rest_semantics=true
  readonly analyticsStandard: Collected<AnalyticsRow[]>; // GET /api/v4/analytics/old?name=standard
  readonly analyticsExtra: Collected<AnalyticsRow[]>; // GET /api/v4/analytics/old?name=extra_counts
  readonly userCounts?: Collected<FilteredUserCounts>; // GET /api/v4/users/stats/filtered, four times
  /** GET /api/v4/jobs/type/{type}, newest first (model.Job JSON), for each type the packet lists. */
  readonly jobsByType: Readonly<Record<string, Collected<Array<Record<string, unknown>>>>>;
  readonly roles: Collected<Array<Record<string, unknown>>>; // GET /api/v4/roles, or POST /api/v4/roles/names (see rolesReadByName)
  /** GET /api/v4/roles needs manage_system: other console roles read the built-in roles and the schemes' roles by name. */
  readonly rolesReadByName?: boolean;
  readonly schemes: Collected<Array<Record<string, unknown>>>; // GET /api/v4/schemes, every page
  readonly plugins: Collected<{ active: Array<Record<string, unknown>>; inactive: Array<Record<string, unknown>> }>; // GET /api/v4/plugins
  readonly pluginStatuses: Collected<Array<Record<string, unknown>>>; // GET /api/v4/plugins/statuses
  readonly clusterStatus: Collected<Array<Record<string, unknown>>>; // GET /api/v4/cluster/status (hostname, version, …)
  readonly logLines: Collected<readonly string[]>; // server log lines, oldest first (JSON lines when file JSON logging is on)
  /**
   * GET /api/v4/system/schema/version. Optional because the client config does
   * not carry the database schema version; without this source
   * diagnostics.yaml leaves `database.schema_version` out.
   */
  readonly appliedSchemaMigrations?: Collected<AppliedMigration[]>;
  readonly appsInventory?: Collected<unknown>; // Apps framework inventory, only when the Apps plugin is installed
  readonly client: {
    readonly browser: string; // navigator.userAgent
    readonly extensionVersion: string;
    readonly clockSkewMs: number | undefined; // browser clock minus server Date header
    readonly restLatencyMs: readonly number[]; // a small sample
    readonly websocketReachable: boolean | undefined;
  };
}

export interface PacketOptions {
  readonly redactPersonalData: boolean;
  readonly generatorName: string; // "Companion for Mattermost"
  readonly generatorVersion: string;
}

/** The value of a source that answered, else undefined: for files that simply leave out what is missing. */
export function valueOf<T>(source: Collected<T> | undefined): T | undefined {
  return source?.ok ? source.value : undefined;
}
