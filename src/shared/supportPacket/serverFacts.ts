import { clusterNodes, type ClusterNode } from './clusterLayout.ts';
import { valueOf, type CollectedData } from './collectedData.ts';
import { flagAt, integerTextAt, objectAt, textAt, type JsonObject } from './jsonValues.ts';

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
  readonly nodes: readonly ClusterNode[] | undefined;
  /** As the native diagnostics counts: 0 without a cluster, at least 1 with one. */
  readonly numberOfNodes: number | undefined;
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
    numberOfNodes: nodes && numberOfNodes(nodes.length, config, license),
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

/**
 * A lone clustered node lists no nodes in its cluster status; the native
 * diagnostics still counts it as one, when clustering is licensed and on.
 */
function numberOfNodes(listed: number, config: JsonObject | undefined, license: JsonObject | undefined): number {
  const clustered = objectAt(config, 'ClusterSettings')?.Enable === true && flagAt(license, 'Cluster') === true;
  return Math.max(listed, clustered ? 1 : 0);
}
