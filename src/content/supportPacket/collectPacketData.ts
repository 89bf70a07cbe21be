import type { Collected, CollectedData } from '../../shared/supportPacket/collectedData.ts';
import { MattermostApiError, type MattermostApi } from '../mattermostApi.ts';

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
/** Pages of the older paged log endpoint, newest first; 10,000 lines each is the server's maximum. */
const logPageSize = 10_000;
const maxLogPages = 50;

/**
 * Calls every REST source of the packet. A source that fails becomes a
 * recorded failure with the endpoint and the server's answer; the others go on.
 */
export async function collectPacketData(context: CollectionContext): Promise<CollectedData> {
  const { api, signal } = context;
  const apiRoot = `${api.client.getBaseRoute()}`;
  const get = <T>(path: string) => collect<T>(`/api/v4${path}`, () => api.request<T>('GET', `${apiRoot}${path}`, undefined, { signal }));

  context.onStep('server');
  const ping = await timedPing(context);
  const clientConfig = await get<Record<string, string>>('/config/client?format=old');
  const license = await get<Record<string, string>>('/license/client?format=old');
  // With REST semantics an unhealthy server still answers 200 and says what is unhealthy.
  const serverStatus = await get<Record<string, unknown>>('/system/ping?get_server_status=true&use_rest_semantics=true');
  const appliedSchemaMigrations = await get<Array<{ version: number; name: string }>>('/system/schema/version');
  const clusterStatus = await get<Array<Record<string, unknown>>>('/cluster/status');

  context.onStep('configuration');
  const config = await get<Record<string, unknown>>('/config');

  context.onStep('statistics');
  const analyticsStandard = await get<Array<{ name: string; value: number }>>('/analytics/old?name=standard');
  const analyticsExtra = await get<Array<{ name: string; value: number }>>('/analytics/old?name=extra_counts');

  context.onStep('jobs');
  const jobs = await get<Array<Record<string, unknown>>>('/jobs?page=0&per_page=200');

  context.onStep('permissions');
  const roles = await get<Array<Record<string, unknown>>>('/roles');
  const schemes = await get<Array<Record<string, unknown>>>('/schemes?page=0&per_page=200');

  context.onStep('plugins');
  const plugins = await get<{ active: Array<Record<string, unknown>>; inactive: Array<Record<string, unknown>> }>('/plugins');
  const pluginStatuses = await get<Array<Record<string, unknown>>>('/plugins/statuses');
  const appsInstalled = plugins.ok && plugins.value.active.some((manifest) => manifest.id === appsPluginId);
  const appsInventory = appsInstalled
    ? await collect(`/plugins/${appsPluginId}/api/v1/marketplace`, () =>
        api.request<unknown>('GET', `${context.serverUrl}/plugins/${appsPluginId}/api/v1/marketplace?include_plugins=false`, undefined, { signal }),
      )
    : undefined;

  context.onStep('logs');
  const logLines = await collectLogLines(api, apiRoot, signal);

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
    jobs,
    roles,
    schemes,
    plugins,
    pluginStatuses,
    clusterStatus,
    logLines,
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

async function collect<T>(endpoint: string, call: () => Promise<T>): Promise<Collected<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    if (error instanceof MattermostApiError) return { ok: false, endpoint, status: error.status, reason: error.message };
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return { ok: false, endpoint, status: 0, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** The newest log lines: the whole file where the server offers it, else the paged endpoint. */
async function collectLogLines(api: MattermostApi, apiRoot: string, signal: AbortSignal): Promise<Collected<readonly string[]>> {
  const whole = await collect('/api/v4/logs/download', () => api.requestText(`${apiRoot}/logs/download`, { signal }));
  if (whole.ok) return { ok: true, value: whole.value.text.split('\n').filter((line) => line !== '') };
  if (whole.status !== 404 && whole.status !== 405) return whole;

  const pages: string[][] = [];
  for (let page = 0; page < maxLogPages; page += 1) {
    const lines = await collect('/api/v4/logs', () =>
      api.request<string[]>('GET', `${apiRoot}/logs?page=${page}&logs_per_page=${logPageSize}`, undefined, { signal }),
    );
    if (!lines.ok) return pages.length > 0 ? { ok: true, value: pages.reverse().flat() } : lines;
    pages.push(lines.value);
    if (lines.value.length < logPageSize) break;
  }
  // Page 0 holds the newest lines.
  return { ok: true, value: pages.reverse().flat() };
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
