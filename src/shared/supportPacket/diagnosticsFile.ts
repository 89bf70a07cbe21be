import type { ClusterNode } from './clusterLayout.ts';
import { valueOf, type CollectedData } from './collectedData.ts';
import type { Drafted } from './drafted.ts';
import { objectAt, textAt } from './jsonValues.ts';
import { samlProviderType } from './samlProvider.ts';
import type { ServerFacts } from './serverFacts.ts';

/**
 * diagnostics.yaml, the native model.SupportPacketDiagnostics with what the
 * REST API can tell. In a cluster there is one per node, but the REST answers
 * come from whichever node served them, so node-local measures are left out
 * of the per-node files instead of being credited to the wrong node.
 */
export type DiagnosticsScope =
  /** One server, or a cluster of one: `node` names it when the cluster status lists it. */
  | { readonly kind: 'server'; readonly node: ClusterNode | undefined }
  /** One node of several. */
  | { readonly kind: 'node'; readonly node: ClusterNode };

/** model.CurrentSupportPacketVersion: the version of the diagnostics format. */
const diagnosticsVersion = 2;

export function diagnosticsFile(data: CollectedData, facts: ServerFacts, scope: DiagnosticsScope): Drafted<Record<string, unknown>> {
  const config = valueOf(data.config);
  const perNode = scope.kind === 'node';
  /** What only the answering node can tell: a zero value in a folder of several, as REST does not say which node answered. */
  const local = <T>(value: T | undefined, zero: T): T => (perNode ? zero : (value ?? zero));
  const value = {
    version: diagnosticsVersion,
    license: licenseSection(facts),
    server: {
      os: '',
      architecture: '',
      cpu_cores: 0,
      total_memory_mb: 0,
      hostname: scope.node?.hostname ?? '',
      version: (perNode ? scope.node.version : undefined) ?? facts.version ?? '',
      build_hash: local(facts.buildHash, ''),
      installation_type: '',
    },
    config: { store_type: '' },
    database: {
      type: facts.databaseType ?? '',
      version: '',
      schema_version: facts.schemaVersion ?? '',
      master_connections: local(facts.counts.get('total_master_db_connections'), 0),
      replica_connections: local(facts.counts.get('total_read_db_connections'), 0),
      search_connections: 0,
    },
    file_store: { file_status: local(facts.fileStatus, ''), file_driver: facts.fileDriver ?? '' },
    websocket: { connections: local(facts.counts.get('total_websocket_connections'), 0) },
    cluster: { id: '', number_of_nodes: facts.numberOfNodes ?? 0 },
    // Enabled LDAP gets a live test natively, which REST cannot run: its fields stay empty then, as on a failed native test's omitted fields.
    ldap: {},
    saml: samlSection(config),
    elastic: elasticSection(config, facts),
  };
  return { value, leftOut: leftOut(data, facts, scope, config) };
}

/** model.SupportPacketDiagnostics' license: zero values without a licence, as natively. */
function licenseSection({ license }: ServerFacts) {
  if (!license?.licensed) return { company: '', users: 0, sku_short_name: '' };
  return {
    company: license.company ?? '',
    users: license.users ?? 0,
    sku_short_name: license.skuShortName ?? '',
    ...(license.isTrial ? { is_trial: true } : {}),
    ...(license.isGovSku ? { is_gov_sku: true } : {}),
  };
}

function samlSection(config: Readonly<Record<string, unknown>> | undefined) {
  const idpDescriptorUrl = textAt(objectAt(config, 'SamlSettings'), 'IdpDescriptorURL');
  return idpDescriptorUrl ? { provider_type: samlProviderType(idpDescriptorUrl) } : {};
}

/** Only enterprise builds have the Elasticsearch engine the native file asks. */
function elasticSection(config: Readonly<Record<string, unknown>> | undefined, facts: ServerFacts) {
  const backend = facts.enterpriseBuild ? textAt(objectAt(config, 'ElasticsearchSettings'), 'Backend') : undefined;
  return backend ? { backend } : {};
}

function ldapEnabled(config: Readonly<Record<string, unknown>>): boolean {
  const ldap = objectAt(config, 'LdapSettings');
  return ldap?.Enable === true || ldap?.EnableSync === true;
}

function leftOut(data: CollectedData, facts: ServerFacts, scope: DiagnosticsScope, config: Readonly<Record<string, unknown>> | undefined): string[] {
  const notOverRest = (fields: string) => `diagnostics.yaml: ${fields} not available over the REST API (written as empty or 0)`;
  const lines = [
    notOverRest(
      'server.os, server.architecture, server.cpu_cores, server.total_memory_mb, server.installation_type, ' +
        'config.store_type, database.version and database.search_connections are',
    ),
  ];
  if (facts.numberOfNodes !== undefined && facts.numberOfNodes > 0) lines.push(notOverRest('cluster.id is'));
  if (scope.kind === 'server' && !scope.node) lines.push('diagnostics.yaml: server.hostname is only known for clustered servers (written as empty)');
  if (scope.kind === 'node') {
    lines.push(
      'diagnostics.yaml in each node folder: server.build_hash, database.master_connections, database.replica_connections, ' +
        'websocket.connections and file_store.file_status are written as empty or 0, since the REST answers do not say which node gave them',
    );
  }
  if (facts.fileStatus === 'FAIL') lines.push(notOverRest('file_store.erorr (why the file store failed) is'));
  if (data.appliedSchemaMigrations === undefined) {
    lines.push('diagnostics.yaml: database.schema_version needs GET /api/v4/system/schema/version, which was not collected (written as empty)');
  }
  if (config && ldapEnabled(config)) lines.push(notOverRest('ldap (status, error, server name and version) is'));
  if (config && facts.enterpriseBuild && objectAt(config, 'ElasticsearchSettings')?.EnableIndexing === true) {
    lines.push(notOverRest('elastic.server_version, elastic.server_plugins and elastic.error are'));
  }
  return lines;
}
