import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CollectedData } from './collectedData.ts';
import { buildSupportPacket, collectedJobTypes, fileText, type SupportPacket } from './packetLayout.ts';
import { fakeSetting } from './secretMasking.ts';
import { collectedData, failed, job, now, ok, packetOptions, seededUser } from './testData.ts';

const build = (overrides: Partial<CollectedData> = {}, redactPersonalData = true) =>
  buildSupportPacket(collectedData(overrides), packetOptions({ redactPersonalData }));

const paths = (packet: SupportPacket) => packet.files.map((file) => file.path);

function content(packet: SupportPacket, path: string): string {
  const file = packet.files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`${path} is not in the packet: ${paths(packet).join(', ')}`);
  return fileText(file);
}

const yamlOf = (packet: SupportPacket, path: string) => parse(content(packet, path)) as Record<string, unknown>;

describe('support packet layout', () => {
  it('has the native files at the root and ours under companion/', () => {
    expect(paths(build())).toEqual([
      'metadata.yaml',
      'diagnostics.yaml',
      'stats.yaml',
      'jobs.yaml',
      'permissions.yaml',
      'plugins.json',
      'sanitized_config.json',
      'mattermost.log',
      'companion/client_environment.yaml',
      'companion/server_build.yaml',
      'companion/health.yaml',
      'companion/plugin_statuses.yaml',
      'companion/log_level_advice.txt',
      'warning.txt',
    ]);
  });

  it('writes files that YAML and JSON parsers read', () => {
    const packet = build({ appsInventory: ok({ apps: [{ app_id: 'servicenow', version: '1.2.0' }] }) });
    for (const file of packet.files) {
      if (file.path.endsWith('.yaml')) expect(() => parse(fileText(file)), file.path).not.toThrow();
      if (file.path.endsWith('.json')) expect(() => JSON.parse(fileText(file)), file.path).not.toThrow();
    }
    expect(yamlOf(packet, 'companion/apps_inventory.yaml')).toEqual({ apps: [{ app_id: 'servicenow', version: '1.2.0' }] });
  });

  it('writes metadata.yaml as the native packet metadata, with our generator in extras', () => {
    expect(yamlOf(build(), 'metadata.yaml')).toEqual({
      version: 1,
      type: 'support-packet',
      generated_at: now,
      server_version: '11.4.0',
      server_id: 'q4tz8b1wm3kdo9rf7e5ucyxnha',
      license_id: 'n6x2c8vb4mq1kz7wj3hd5ptfey',
      customer_id: '',
      extras: {
        generator: 'Companion for Mattermost',
        generator_version: '0.1.0',
        browser: collectedData().client.browser,
        redaction: 'personal-data',
      },
    });
    expect(yamlOf(build({}, false), 'metadata.yaml')).toMatchObject({ extras: { redaction: 'none' } });
  });

  it('leaves the licence and customer ids empty on an unlicensed server', () => {
    const packet = build({ license: ok({ IsLicensed: 'false' }) });
    expect(yamlOf(packet, 'metadata.yaml')).toMatchObject({ license_id: '', customer_id: '' });
    expect(yamlOf(packet, 'diagnostics.yaml')).toMatchObject({ license: { company: '', users: 0, sku_short_name: '' } });
    expect(packet.warnings.join('\n')).not.toContain('customer_id');
  });

  it('fills diagnostics.yaml with what REST tells, every native key present with its zero value otherwise', () => {
    expect(yamlOf(build(), 'diagnostics.yaml')).toEqual({
      version: 2,
      license: { company: 'Acme Corp', users: 250, sku_short_name: 'enterprise' },
      server: {
        os: '',
        architecture: '',
        cpu_cores: 0,
        total_memory_mb: 0,
        hostname: '',
        version: '11.4.0',
        build_hash: '9e1d4c2072c0a1b2c3d4e5f60718293a4b5c6d7e',
        installation_type: '',
      },
      config: { store_type: '' },
      database: { type: 'postgres', version: '', schema_version: '148', master_connections: 12, replica_connections: 3, search_connections: 0 },
      file_store: { file_status: 'OK', file_driver: 'amazons3' },
      websocket: { connections: 96 },
      // An enterprise build always has the cluster code, which counts itself.
      cluster: { id: '', number_of_nodes: 1 },
      ldap: {},
      saml: { provider_type: 'Okta' },
      elastic: { backend: 'elasticsearch' },
    });
  });

  it('counts no nodes on a build without the cluster code, as natively', () => {
    const teamEdition = build({ clientConfig: ok({ Version: '11.4.0', BuildEnterpriseReady: 'false', DiagnosticId: 'q4tz8b1wm3kdo9rf7e5ucyxnha' }) });
    expect(yamlOf(teamEdition, 'diagnostics.yaml')).toMatchObject({ cluster: { id: '', number_of_nodes: 0 }, elastic: {} });
  });

  it('writes the diagnostics keys with zero values when a source fails, with each gap in warning.txt', () => {
    const packet = build({ config: failed('/api/v4/config', 500, 'boom'), analyticsStandard: failed('/api/v4/analytics/old', 500, 'boom') });
    expect(yamlOf(packet, 'diagnostics.yaml')).toMatchObject({ file_store: { file_driver: '' }, websocket: { connections: 0 }, ldap: {}, saml: {}, elastic: {} });
    expect(packet.warnings).toContain('sanitized_config.json and diagnostics.yaml: /api/v4/config answered 500: boom');
  });

  it('reports an unhealthy file store as the native FAIL', () => {
    const packet = build({ serverStatus: ok({ status: 'UNHEALTHY', database_status: 'OK', filestore_status: 'UNHEALTHY' }) });
    expect(yamlOf(packet, 'diagnostics.yaml')).toMatchObject({ file_store: { file_status: 'FAIL' } });
  });

  it('fills every native stats.yaml field from the user counts and the analytics rows', () => {
    expect(yamlOf(build(), 'stats.yaml')).toEqual({
      registered_users: 191,
      active_users: 180,
      daily_active_users: 75,
      monthly_active_users: 160,
      deactivated_users: 9,
      guests: 4,
      bot_accounts: 6,
      posts: 12_345,
      channels: 59,
      teams: 4,
      slash_commands: 3,
      incoming_webhooks: 5,
      outgoing_webhooks: 2,
    });
  });

  it('lists the last five runs per native job group, newest first, with RFC 3339 times', () => {
    const jobs = yamlOf(build(), 'jobs.yaml') as Record<string, Array<Record<string, unknown>>>;
    expect(Object.keys(jobs)).toEqual([
      'ldap_sync_jobs',
      'data_retention_jobs',
      'message_export_jobs',
      'elastic_post_indexing_jobs',
      'elastic_post_aggregation_jobs',
      'migration_jobs',
    ]);
    expect(jobs.ldap_sync_jobs).toHaveLength(5);
    expect(jobs.ldap_sync_jobs?.[0]).toMatchObject({
      type: 'ldap_sync',
      create_at: '2026-01-13T15:30:00Z',
      start_at: '2026-01-13T15:30:01Z',
      last_activity_at: '2026-01-13T15:31:01.5Z',
      status: 'success',
    });
    expect(jobs.message_export_jobs).toEqual([]);
    expect(jobs.data_retention_jobs?.[0]).toMatchObject({ status: 'error', data: { error: 'deadline exceeded' } });
  });

  it('writes a job without data as data: {}, as model.Job does', () => {
    expect(content(build(), 'jobs.yaml')).toContain('  data: {}\n');
    expect(content(build(), 'jobs.yaml')).not.toContain('null');
  });

  it('quotes the job times, so a YAML 1.1 reader gets strings as from a native file', () => {
    expect(content(build(), 'jobs.yaml')).toContain('create_at: "2026-01-13T15:30:00Z"');
  });

  it('masks role and scheme labels as the native permissions.yaml does', () => {
    const permissions = yamlOf(build(), 'permissions.yaml');
    expect(permissions.roles).toEqual([
      expect.objectContaining({ name: 'system_user', display_name: fakeSetting, description: fakeSetting, create_at: '2024-12-09T16:30:00Z', built_in: true }),
    ]);
    expect(permissions.schemes).toEqual([expect.objectContaining({ name: fakeSetting, display_name: fakeSetting, scope: 'team' })]);
  });

  it('writes plugins.json as enabled and disabled manifests, an empty list as null like Go', () => {
    expect(JSON.parse(content(build(), 'plugins.json'))).toEqual({
      enabled: [expect.objectContaining({ id: 'playbooks' })],
      disabled: [expect.objectContaining({ id: 'com.acme.alerts' })],
    });
    expect(JSON.parse(content(build({ plugins: ok({ active: [], inactive: [] }) }), 'plugins.json'))).toEqual({ enabled: null, disabled: null });
  });

  it('writes sanitized_config.json with four-space indentation and the plugin settings masked', () => {
    const config = content(build(), 'sanitized_config.json');
    expect(config).toMatch(/^\{\n {4}"ServiceSettings": \{\n {8}"SiteURL"/);
    expect(config).not.toContain('kept-by-plugin');
  });

  it('advises DEBUG logging in companion/log_level_advice.txt only when the log is below DEBUG', () => {
    expect(content(build(), 'companion/log_level_advice.txt')).toContain('System Console › Environment › Logging');
    const atDebug = build({ config: ok({ LogSettings: { EnableFile: true, FileLevel: 'DEBUG' } }) });
    expect(paths(atDebug)).not.toContain('companion/log_level_advice.txt');
  });

  it('summarises the REST latency sample in companion/client_environment.yaml', () => {
    expect(yamlOf(build(), 'companion/client_environment.yaml')).toMatchObject({
      extension_version: '0.1.0',
      clock_skew_ms: 850,
      rest_latency_ms: { samples: [44, 38, 120, 41, 39], min: 38, median: 41, max: 120 },
      websocket_reachable: true,
    });
  });
});

describe('support packet warnings', () => {
  it('writes an empty job group when the server refuses that type, and says which endpoint answered what', () => {
    const refused = failed<Array<Record<string, unknown>>>('/api/v4/jobs/type/ldap_sync', 403, 'You do not have the appropriate permissions.');
    const packet = build({ jobsByType: { ...collectedData().jobsByType, ldap_sync: refused } });
    expect(yamlOf(packet, 'jobs.yaml')).toMatchObject({ ldap_sync_jobs: [], data_retention_jobs: [expect.anything()] });
    expect(packet.warnings).toContain(
      'jobs.yaml ldap_sync_jobs: /api/v4/jobs/type/ldap_sync answered 403: You do not have the appropriate permissions. (written as an empty list)',
    );
  });

  it('says when a source gave no answer at all', () => {
    const packet = build({ plugins: failed('/api/v4/plugins', 0, 'Failed to fetch') });
    expect(paths(packet)).not.toContain('plugins.json');
    expect(packet.warnings).toContain('plugins.json: /api/v4/plugins gave no answer: Failed to fetch');
  });

  it('tells the sources that failed this time from what any packet made over REST leaves out', () => {
    expect(build().failures).toEqual([]);
    const packet = build({ plugins: failed('/api/v4/plugins', 0, 'Failed to fetch') });
    expect(packet.failures).toEqual(['plugins.json: /api/v4/plugins gave no answer: Failed to fetch']);
    expect(packet.warnings.slice(0, 1)).toEqual(packet.failures);
    expect(packet.warnings.length).toBeGreaterThan(packet.failures.length);
  });

  it('keeps the other half of a file whose second source failed', () => {
    const packet = build({ schemes: failed('/api/v4/schemes', 501, 'Not implemented') });
    expect(yamlOf(packet, 'permissions.yaml')).toEqual({ roles: [expect.anything()], schemes: [] });
  });

  it('says when the roles were read by name, as a read-only admin must', () => {
    expect(build({ rolesReadByName: true }).warnings).toContain(
      'permissions.yaml: roles are the built-in ones and those the schemes name (read by name, since listing every role needs manage_system)',
    );
  });

  it('says before saving why Mattermost’s tools would refuse metadata.yaml, and in warning.txt', () => {
    const packet = build({ clientConfig: failed('/api/v4/config/client', 503, 'unavailable') });
    expect(packet.metadataProblem).toBe('server_id is unknown: the client configuration (/api/v4/config/client) could not be read');
    expect(packet.warnings).toContain(`metadata.yaml: Mattermost's tools will refuse this file: ${packet.metadataProblem}`);
    expect(build().metadataProblem).toBeUndefined();
  });

  it('counts the settings a read-only admin cannot see', () => {
    const hidden = build({ config: ok({ SqlSettings: { DataSource: null, DriverName: 'postgres' }, FileSettings: { AmazonS3SecretAccessKey: null } }) });
    expect(hidden.warnings).toContain('sanitized_config.json: 2 settings are hidden from your role and written as null (in SqlSettings, FileSettings)');
  });

  it('names the advanced logging files only a native packet has', () => {
    const config = { LogSettings: { AdvancedLoggingJSON: { json: { Type: 'file', Options: { Filename: '/var/log/mattermost/json.log' } }, console: { type: 'console' } } } };
    expect(build({ config: ok(config) }).warnings).toContain('json.log: advanced logging files are only in a native packet: not available over the REST API');
  });

  it('names every native field REST cannot give, in warning.txt as in the packet’s warnings', () => {
    const packet = build();
    expect(packet.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^diagnostics\.yaml: server\.os, .*database\.version.* not available over the REST API \(written as empty or 0\)$/),
        'metadata.yaml: customer_id is not available over the REST API',
        expect.stringMatching(/^cpu\.prof, heap\.prof, goroutines, database_schema\.yaml .* not available over the REST API$/),
      ]),
    );
    expect(content(packet, 'warning.txt')).toBe(`${packet.warnings.join('\n')}\n`);
  });

  it('leaves the log out, as the native packet does, when the server writes no log file', () => {
    const packet = build({ config: ok({ LogSettings: { EnableFile: false } }), logLines: ok(['']) });
    expect(paths(packet)).not.toContain('mattermost.log');
    expect(packet.warnings).toContain('mattermost.log: not included because LogSettings.EnableFile is false');
  });

  it('asks for the schema version endpoint when it was not collected', () => {
    const packet = build({ appliedSchemaMigrations: undefined });
    expect(yamlOf(packet, 'diagnostics.yaml').database).toMatchObject({ schema_version: '' });
    expect(packet.warnings.join('\n')).toContain('GET /api/v4/system/schema/version');
  });
});

describe('support packet in a cluster', () => {
  const rule = '-'.repeat(107);
  const header = (hostname: string) => [rule, rule, hostname, rule, rule];
  const cluster = {
    config: ok({ ClusterSettings: { Enable: true }, LogSettings: { EnableFile: true } }),
    clusterStatus: ok([
      { id: 'n1', hostname: 'app-1', version: '11.4.0', config_hash: 'h1', ipaddress: '10.0.0.11', schema_version: '' },
      { id: 'n2', hostname: 'app-2', version: '11.4.0', config_hash: 'h1', ipaddress: '10.0.0.12', schema_version: '' },
    ]),
    // The paged endpoint's answer, two pages oldest first: each node's lines behind its header.
    logLines: ok([...header('app-1'), '{"msg":"one, older"}', ...header('app-2'), '{"msg":"two"}', ...header('app-1'), '{"msg":"one, newer"}']),
  };

  it('puts each node’s diagnostics, configuration and log in a folder named after it', () => {
    const packet = build(cluster);
    expect(paths(packet)).toEqual(
      expect.arrayContaining([
        'app-1/diagnostics.yaml',
        'app-2/diagnostics.yaml',
        'app-1/sanitized_config.json',
        'app-2/sanitized_config.json',
        'app-1/mattermost.log',
        'app-2/mattermost.log',
        'metadata.yaml',
        'stats.yaml',
      ]),
    );
    expect(paths(packet)).not.toContain('diagnostics.yaml');
    expect(paths(packet)).not.toContain('mattermost.log');
    expect(content(packet, 'app-1/mattermost.log')).toBe('{"msg":"one, older"}\n{"msg":"one, newer"}\n');
    expect(content(packet, 'app-2/mattermost.log')).toBe('{"msg":"two"}\n');
  });

  it('gives each node its hostname and zero values for what only the answering node could tell', () => {
    const diagnostics = yamlOf(build(cluster), 'app-1/diagnostics.yaml');
    expect(diagnostics).toMatchObject({
      server: { hostname: 'app-1', version: '11.4.0', build_hash: '' },
      websocket: { connections: 0 },
      cluster: { id: '', number_of_nodes: 2 },
    });
  });

  it('warns when the nodes run different configurations, since REST shows only one', () => {
    const differing = ok([
      { hostname: 'app-1', config_hash: 'h1' },
      { hostname: 'app-2', config_hash: 'h2' },
    ]);
    expect(build({ ...cluster, clusterStatus: differing }).warnings.join('\n')).toContain('the nodes report different configurations');
  });

  it('says which listed node left no lines in the log', () => {
    const packet = build({ ...cluster, logLines: ok([...header('app-1'), '{"msg":"one"}']) });
    expect(packet.warnings).toContain('app-2/mattermost.log: the server log has no lines from this node');
  });

  it('puts the files of a cluster of one under its host, named by the log’s node header, as natively', () => {
    const packet = build({ ...cluster, clusterStatus: ok([]), logLines: ok([...header('app-1'), '{"msg":"alone"}']) });
    expect(paths(packet)).toEqual(expect.arrayContaining(['app-1/diagnostics.yaml', 'app-1/sanitized_config.json', 'app-1/mattermost.log']));
    expect(paths(packet)).not.toContain('diagnostics.yaml');
    expect(yamlOf(packet, 'app-1/diagnostics.yaml')).toMatchObject({ server: { hostname: 'app-1' }, cluster: { number_of_nodes: 1 } });
  });

  it('keeps the files at the root when clustering is off, or on a build without the cluster code', () => {
    expect(paths(build({ clusterStatus: ok([]) }))).toContain('diagnostics.yaml');
    const teamEdition = build({ ...cluster, clientConfig: ok({ Version: '11.4.0', BuildEnterpriseReady: 'false', DiagnosticId: 'q4tz8b1wm3kdo9rf7e5ucyxnha' }) });
    expect(paths(teamEdition)).toContain('diagnostics.yaml');
    expect(paths(teamEdition)).toContain('mattermost.log');
  });
});

describe('job types collected', () => {
  it('are the native groups’, and the legacy file’s only for servers before 10.5', () => {
    expect(collectedJobTypes('11.4.0.11.4.0-companion.abc.false', undefined)).not.toContain('bleve_post_indexing');
    expect(collectedJobTypes('10.4.2.10.4.2.abc123.true', undefined)).toEqual(expect.arrayContaining(['bleve_post_indexing', 'ldap_sync']));
  });
});

describe('support packet for servers before 10.5', () => {
  const older = {
    serverVersionId: '10.4.2.10.4.2.abc123.true',
    clientConfig: ok({ Version: '10.4.2', BuildHash: 'abc123', SQLDriverName: 'postgres', DiagnosticId: 'q4tz8b1wm3kdo9rf7e5ucyxnha' }),
    jobsByType: {
      ...collectedData().jobsByType,
      bleve_post_indexing: ok([job('bleve_post_indexing', now - 60_000), job('bleve_post_indexing', now - 120_000), job('bleve_post_indexing', now - 180_000)]),
    },
  };

  it('also writes the single support_packet.yaml those servers wrote', () => {
    const packet = build(older);
    expect(paths(packet)).toEqual(expect.arrayContaining(['support_packet.yaml', 'diagnostics.yaml', 'jobs.yaml']));
    expect(paths(build())).not.toContain('support_packet.yaml');
  });

  it('uses the old field names and job format, two runs per type', () => {
    const legacy = yamlOf(build(older), 'support_packet.yaml');
    expect(legacy).toMatchObject({
      server_version: '10.4.2',
      database_type: 'postgres',
      database_schema_version: '148',
      file_status: 'OK',
      license_to: 'Acme Corp',
      license_supported_users: 250,
      total_channels: 59,
      active_users: 180,
    });
    expect(legacy.bleve_post_indexin_jobs).toEqual([
      expect.objectContaining({ type: 'bleve_post_indexing', createat: now - 60_000, lastactivityat: now - 60_000 + 61_500 }),
      expect.objectContaining({ createat: now - 120_000 }),
    ]);
  });
});

describe('support packet redaction', () => {
  const everyText = (packet: SupportPacket) => packet.files.map(fileText).join('\n');

  it('leaves none of the seeded user’s personal data anywhere in the packet', () => {
    const text = everyText(build());
    for (const personal of Object.values(seededUser)) expect(text).not.toContain(personal);
  });

  it('redacts e-mail addresses in the configuration, with the log’s pseudonyms, and nothing else there', () => {
    const packet = build();
    const config = JSON.parse(content(packet, 'sanitized_config.json')) as { EmailSettings: Record<string, string>; ServiceSettings: Record<string, string> };
    expect(config.EmailSettings).toMatchObject({ SMTPServer: 'smtp.acme.example.com', SMTPUsername: expect.stringMatching(/^email-\d+@redacted\.invalid$/) });
    expect(content(packet, 'mattermost.log')).toContain(`"email":"${config.EmailSettings.SMTPUsername}"`);
    expect(config.ServiceSettings.SiteURL).toBe('https://chat.example.com');
  });

  it('keeps the configuration’s e-mail addresses when redaction is off', () => {
    expect(content(build({}, false), 'sanitized_config.json')).toContain(seededUser.email);
  });

  it('keeps the log as the server wrote it when redaction is off', () => {
    const log = content(build({}, false), 'mattermost.log');
    for (const personal of Object.values(seededUser)) expect(log).toContain(personal);
  });

  it('does not mistake the browser’s version for an address', () => {
    expect(yamlOf(build(), 'companion/client_environment.yaml').browser).toBe(collectedData().client.browser);
  });
});
