import type { ClusterNode } from './clusterLayout.ts';
import { valueOf, type CollectedData } from './collectedData.ts';
import type { Drafted } from './drafted.ts';
import { knownFields, objectAt, textAt } from './jsonValues.ts';
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
  const local = <T>(value: T) => (perNode ? undefined : value);
  const value = {
    version: diagnosticsVersion,
    license: facts.license && licenseSection(facts),
    server: knownFields({
      hostname: scope.node?.hostname,
      version: (perNode ? scope.node.version : undefined) ?? facts.version,
      build_hash: local(facts.buildHash),
    }),
    database: knownFields({
      type: facts.databaseType,
      schema_version: facts.schemaVersion,
      master_connections: local(facts.counts.get('total_master_db_connections')),
      replica_connections: local(facts.counts.get('total_read_db_connections')),
    }),
    file_store: knownFields({ file_status: local(facts.fileStatus), file_driver: facts.fileDriver }),
    websocket: knownFields({ connections: local(facts.counts.get('total_websocket_connections')) }),
    cluster: knownFields({ id: facts.numberOfNodes === 0 ? '' : undefined, number_of_nodes: facts.numberOfNodes }),
    ...(config && configuredSections(config, facts)),
  };
  return { value, leftOut: leftOut(data, facts, scope, config) };
}

function licenseSection({ license }: ServerFacts) {
  if (!license?.licensed) return { company: '', users: 0, sku_short_name: '' };
  return {
    company: license.company,
    users: license.users,
    sku_short_name: license.skuShortName,
    is_trial: license.isTrial || undefined,
    is_gov_sku: license.isGovSku || undefined,
  };
}

/** The LDAP, SAML and Elasticsearch sections, which the native file fills from the configuration and live checks. */
function configuredSections(config: Readonly<Record<string, unknown>>, facts: ServerFacts) {
  const idpDescriptorUrl = textAt(objectAt(config, 'SamlSettings'), 'IdpDescriptorURL');
  return {
    // Enabled LDAP gets a live test natively, which REST cannot run: the section is left out then.
    ldap: ldapEnabled(config) ? undefined : {},
    saml: idpDescriptorUrl ? { provider_type: samlProviderType(idpDescriptorUrl) } : {},
    // Only enterprise builds have the Elasticsearch engine the native file asks.
    elastic: facts.enterpriseBuild ? knownFields({ backend: textAt(objectAt(config, 'ElasticsearchSettings'), 'Backend') }) ?? {} : {},
  };
}

function ldapEnabled(config: Readonly<Record<string, unknown>>): boolean {
  const ldap = objectAt(config, 'LdapSettings');
  return ldap?.Enable === true || ldap?.EnableSync === true;
}

function leftOut(data: CollectedData, facts: ServerFacts, scope: DiagnosticsScope, config: Readonly<Record<string, unknown>> | undefined): string[] {
  const notOverRest = (fields: string) => `diagnostics.yaml: ${fields} not available over the REST API`;
  const lines = [
    notOverRest(
      'server.os, server.architecture, server.cpu_cores, server.total_memory_mb, server.installation_type, ' +
        'config.store_type, database.version and database.search_connections are',
    ),
  ];
  if (facts.numberOfNodes !== undefined && facts.numberOfNodes > 0) lines.push(notOverRest('cluster.id is'));
  if (scope.kind === 'server' && !scope.node) lines.push('diagnostics.yaml: server.hostname is only known for clustered servers');
  if (scope.kind === 'node') {
    lines.push(
      'diagnostics.yaml in each node folder: server.build_hash, database.master_connections, database.replica_connections, ' +
        'websocket.connections and file_store.file_status are left out, since the REST answers do not say which node gave them',
    );
  }
  if (facts.fileStatus === 'FAIL') lines.push(notOverRest('file_store.erorr (why the file store failed) is'));
  if (data.appliedSchemaMigrations === undefined) {
    lines.push('diagnostics.yaml: database.schema_version needs GET /api/v4/system/schema/version, which was not collected');
  }
  if (config && ldapEnabled(config)) lines.push(notOverRest('ldap (status, error, server name and version) is'));
  if (config && facts.enterpriseBuild && objectAt(config, 'ElasticsearchSettings')?.EnableIndexing === true) {
    lines.push(notOverRest('elastic.server_version, elastic.server_plugins and elastic.error are'));
  }
  return lines;
}
