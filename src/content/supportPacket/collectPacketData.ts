import type { Collected, CollectedData } from '../../shared/supportPacket/collectedData.ts';
import { collectedJobTypes } from '../../shared/supportPacket/packetLayout.ts';
import type { MattermostApi } from '../mattermostApi.ts';
import { collectPermissions } from './collectPermissions.ts';
import { collectUserCounts } from './collectUserCounts.ts';
import { collectServerLog } from './collectServerLog.ts';
import { collect } from './collectSource.ts';

/** The steps the popup names while collecting, in order. */
export const collectionSteps = ['server', 'configuration', 'statistics', 'jobs', 'permissions', 'plugins', 'logs', 'environment'] as const;
export type CollectionStep = (typeof collectionSteps)[number];

export interface CollectionContext {
  readonly api: MattermostApi;
  readonly serverUrl: string;
  readonly extensionVersion: string;
  /** Whether the webapp's own WebSocket is connected in this tab: we never open one, since that would set the user online. */
  readonly websocketReachable: boolean | undefined;
  readonly signal: AbortSignal;
  readonly onStep: (step: CollectionStep) => void;
}

const appsPluginId = 'com.mattermost.apps';
const latencySamples = 5;
/** The runs per job type jobs.yaml lists. */
const jobRunsPerType = 5;

/**
 * Calls every REST source of the packet. A source that fails becomes a
 * recorded failure with the endpoint and the server's answer; the others go on.
 */
export async function collectPacketData(context: CollectionContext): Promise<CollectedData> {
  const { api, signal } = context;
  const apiRoot = `${api.client.getBaseRoute()}`;
  const get = <T>(path: string) => collect<T>(`/api/v4${path}`, () => api.request<T>('GET', `${apiRoot}${path}`, undefined, { signal }));

  context.onStep('server');
  // Alone: its round trips are the latency the packet reports.
  const ping = await timedPing(context);
  // Sources that do not depend on each other are asked together, and the log, by far the longest, from the start.
  const logLines = collectServerLog(api, apiRoot, signal);
  // Awaited below; a cancellation before that must not count as unhandled.
  logLines.catch(() => undefined);
  const [clientConfig, license, serverStatus, appliedSchemaMigrations, clusterStatus] = await Promise.all([
    get<Record<string, string>>('/config/client?format=old'),
    get<Record<string, string>>('/license/client?format=old'),
    // With REST semantics an unhealthy server still answers 200 and says what is unhealthy.
    get<Record<string, unknown>>('/system/ping?get_server_status=true&use_rest_semantics=true'),
    get<Array<{ version: number; name: string }>>('/system/schema/version'),
    get<Array<Record<string, unknown>>>('/cluster/status'),
  ]);

  context.onStep('configuration');
  const config = await get<Record<string, unknown>>('/config');

  context.onStep('statistics');
  const [analyticsStandard, analyticsExtra, userCounts] = await Promise.all([
    get<Array<{ name: string; value: number }>>('/analytics/old?name=standard'),
    get<Array<{ name: string; value: number }>>('/analytics/old?name=extra_counts'),
    collectUserCounts(get),
  ]);

  context.onStep('jobs');
  const jobTypes = collectedJobTypes(ping.versionId || api.client.getServerVersion(), clientConfig.ok ? clientConfig.value.Version : undefined);
  const jobRuns = await Promise.all(
    jobTypes.map(async (jobType) => [jobType, await get<Array<Record<string, unknown>>>(`/jobs/type/${jobType}?page=0&per_page=${jobRunsPerType}`)] as const),
  );
  const jobsByType: Record<string, Collected<Array<Record<string, unknown>>>> = Object.fromEntries(jobRuns);

  context.onStep('permissions');
  const permissions = await collectPermissions(api, apiRoot, signal);

  context.onStep('plugins');
  const [plugins, pluginStatuses] = await Promise.all([
    get<{ active: Array<Record<string, unknown>>; inactive: Array<Record<string, unknown>> }>('/plugins'),
    get<Array<Record<string, unknown>>>('/plugins/statuses'),
  ]);
  const appsInstalled = plugins.ok && plugins.value.active.some((manifest) => manifest.id === appsPluginId);
  const appsInventory = appsInstalled
    ? await collect(`/plugins/${appsPluginId}/api/v1/marketplace`, () =>
        api.request<unknown>('GET', `${context.serverUrl}/plugins/${appsPluginId}/api/v1/marketplace?include_plugins=false`, undefined, { signal }),
      )
    : undefined;

  context.onStep('logs');
  const serverLog = await logLines;

  context.onStep('environment');
  return {
    generatedAt: Date.now(),
    serverVersionId: ping.versionId || api.client.getServerVersion(),
    serverUrl: context.serverUrl,
    clientConfig,
    license,
    appliedSchemaMigrations,
    config,
    serverStatus,
    analyticsStandard,
    analyticsExtra,
    userCounts,
    jobsByType,
    roles: permissions.roles,
    rolesReadByName: permissions.rolesByName,
    schemes: permissions.schemes,
    plugins,
    pluginStatuses,
    clusterStatus,
    logLines: serverLog,
    ...(appsInventory ? { appsInventory } : {}),
    client: {
      browser: navigator.userAgent,
      extensionVersion: context.extensionVersion,
      clockSkewMs: ping.clockSkewMs,
      restLatencyMs: ping.latenciesMs,
      websocketReachable: context.websocketReachable,
    },
  };
}

/** REST latency and the clock difference to the server, from a few pings. */
async function timedPing(context: CollectionContext): Promise<{ versionId: string; clockSkewMs: number | undefined; latenciesMs: number[] }> {
  const latenciesMs: number[] = [];
  let clockSkewMs: number | undefined;
  let versionId = '';
  for (let sample = 0; sample < latencySamples; sample += 1) {
    const started = performance.now();
    try {
      const { headers } = await context.api.requestText(`${context.api.client.getBaseRoute()}/system/ping`, { signal: context.signal });
      const finished = performance.now();
      latenciesMs.push(Math.round(finished - started));
      versionId = headers.get('X-Version-Id') ?? versionId;
      const serverDate = Date.parse(headers.get('Date') ?? '');
      // The Date header has whole seconds: compare with the middle of the request.
      if (!Number.isNaN(serverDate)) clockSkewMs = Math.round(Date.now() - (finished - started) / 2 - serverDate);
    } catch {
      break;
    }
  }
  return { versionId, clockSkewMs, latenciesMs };
}
