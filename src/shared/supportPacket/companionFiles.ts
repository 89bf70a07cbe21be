import { valueOf, type CollectedData } from './collectedData.ts';
import { textAt } from './jsonValues.ts';

/**
 * Our own files under companion/, beyond the native packet: what the browser
 * saw, and REST answers the native packet has no place for. Values, not text:
 * the packet layout redacts and writes them.
 */
export interface CompanionValue {
  readonly path: string;
  readonly value: unknown;
}

export function companionValues(data: CollectedData): CompanionValue[] {
  const status = valueOf(data.serverStatus);
  const pluginStatuses = valueOf(data.pluginStatuses);
  const appsInventory = valueOf(data.appsInventory);
  return [
    { path: 'companion/client_environment.yaml', value: clientEnvironment(data) },
    { path: 'companion/server_build.yaml', value: serverBuild(data) },
    ...(status ? [{ path: 'companion/health.yaml', value: status }] : []),
    ...(pluginStatuses ? [{ path: 'companion/plugin_statuses.yaml', value: pluginStatuses }] : []),
    ...(appsInventory !== undefined ? [{ path: 'companion/apps_inventory.yaml', value: appsInventory }] : []),
  ];
}

/** What the browser measured; null where it could not tell. */
function clientEnvironment({ client, serverUrl }: CollectedData) {
  return {
    browser: client.browser,
    extension_version: client.extensionVersion,
    workspace_url: serverUrl,
    clock_skew_ms: client.clockSkewMs ?? null,
    rest_latency_ms: latencySummary(client.restLatencyMs),
    websocket_reachable: client.websocketReachable ?? null,
  };
}

function latencySummary(samples: readonly number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { samples: [...samples], min: sorted[0] ?? null, median: median(sorted), max: sorted.at(-1) ?? null };
}

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/** The build details the native diagnostics.yaml has no fields for. */
function serverBuild(data: CollectedData) {
  const clientConfig = valueOf(data.clientConfig);
  return {
    version_id: data.serverVersionId,
    version: textAt(clientConfig, 'Version'),
    build_number: textAt(clientConfig, 'BuildNumber'),
    build_date: textAt(clientConfig, 'BuildDate'),
    build_hash: textAt(clientConfig, 'BuildHash'),
    build_hash_enterprise: textAt(clientConfig, 'BuildHashEnterprise'),
    build_enterprise_ready: textAt(clientConfig, 'BuildEnterpriseReady'),
  };
}
