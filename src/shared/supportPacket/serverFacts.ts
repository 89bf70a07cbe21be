import { clusterNodes, type ClusterNode } from './clusterLayout.ts';
import { valueOf, type CollectedData } from './collectedData.ts';
import { flagAt, integerTextAt, objectAt, textAt } from './jsonValues.ts';

/**
 * Facts about the server that several native files share (diagnostics.yaml,
 * stats.yaml, the legacy support_packet.yaml), read once from the REST
 * answers. Undefined means the REST API did not say.
 */
export interface ServerFacts {
  readonly version: string | undefined;
  readonly buildHash: string | undefined;
  readonly enterpriseBuild: boolean | undefined;
  readonly databaseType: string | undefined;
  readonly schemaVersion: string | undefined;
  readonly fileDriver: string | undefined;
  /** As the native packet writes it: OK, or FAIL when the server could not reach its file store. */
  readonly fileStatus: 'OK' | 'FAIL' | undefined;
  /** Analytics rows (standard and extra counts) by name. */
  readonly counts: ReadonlyMap<string, number>;
  readonly license: LicenseFacts | undefined;
  /** The nodes the cluster status lists; a lone clustered node lists none. */
  readonly nodes: readonly ClusterNode[] | undefined;
  /**
   * Whether the native packet would put each node's files in a `<hostname>/`
   * folder: an enterprise build (which has the cluster code) with
   * `ClusterSettings.Enable` on, whatever the number of nodes.
   */
  readonly clustered: boolean;
  /** As the native diagnostics counts: 0 without the cluster code, else the listed nodes, at least 1. */
  readonly numberOfNodes: number;
}

export interface LicenseFacts {
  readonly licensed: boolean;
  /** Only shown to users who may read licence information. */
  readonly id: string | undefined;
  readonly company: string | undefined;
  readonly users: number | undefined;
  readonly skuShortName: string | undefined;
  readonly isTrial: boolean;
  readonly isGovSku: boolean;
}

export function serverFacts(data: CollectedData): ServerFacts {
  const clientConfig = valueOf(data.clientConfig);
  const config = valueOf(data.config);
  const status = valueOf(data.serverStatus);
  const migrations = valueOf(data.appliedSchemaMigrations);
  const clusterStatus = valueOf(data.clusterStatus);
  const nodes = clusterStatus && clusterNodes(clusterStatus);
  const license = valueOf(data.license);
  const fileStatus = textAt(status, 'filestore_status');
  return {
    version: textAt(clientConfig, 'Version'),
    buildHash: textAt(clientConfig, 'BuildHash'),
    enterpriseBuild: flagAt(clientConfig, 'BuildEnterpriseReady'),
    databaseType: textAt(clientConfig, 'SQLDriverName'),
    schemaVersion: migrations && migrations.length > 0 ? String(Math.max(...migrations.map((migration) => migration.version))) : undefined,
    fileDriver: textAt(objectAt(config, 'FileSettings'), 'DriverName'),
    // The ping says UNHEALTHY where the native file says FAIL.
    fileStatus: fileStatus === 'OK' ? 'OK' : fileStatus === undefined ? undefined : 'FAIL',
    counts: new Map([...(valueOf(data.analyticsStandard) ?? []), ...(valueOf(data.analyticsExtra) ?? [])].map((row) => [row.name, row.value])),
    license: license && licenseFacts(license),
    nodes,
    clustered: flagAt(clientConfig, 'BuildEnterpriseReady') === true && objectAt(config, 'ClusterSettings')?.Enable === true,
    numberOfNodes: flagAt(clientConfig, 'BuildEnterpriseReady') === true ? Math.max(nodes?.length ?? 0, 1) : 0,
  };
}

function licenseFacts(license: Readonly<Record<string, string>>): LicenseFacts {
  return {
    licensed: flagAt(license, 'IsLicensed') === true,
    id: textAt(license, 'Id') || undefined,
    company: textAt(license, 'Company'),
    users: integerTextAt(license, 'Users'),
    skuShortName: textAt(license, 'SkuShortName'),
    isTrial: flagAt(license, 'IsTrial') === true,
    isGovSku: flagAt(license, 'IsGovSku') === true,
  };
}
