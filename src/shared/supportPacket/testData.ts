import type { Collected, CollectedData, PacketOptions } from './collectedData.ts';
import { fakeSetting } from './secretMasking.ts';

/**
 * Realistic REST answers of a licensed single-server 11.4 installation, for
 * tests only. Every value is what the server sends, in its JSON shapes.
 */

export const now = Date.UTC(2026, 0, 13, 16, 30);
const minute = 60_000;

/** One person who shows up in the log: none of this may survive redaction. */
export const seededUser = {
  id: 'k8e3w1qz5pbg7ydm4x9n2cjhar',
  username: 'dana.scully',
  email: 'dana.scully@fbi.example.com',
  ip: '203.0.113.42',
  ipv6: '2001:db8:85a3::8a2e:370:7334',
} as const;

export const ok = <T>(value: T): Collected<T> => ({ ok: true, value });
export const failed = <T>(endpoint: string, status: number, reason: string): Collected<T> => ({ ok: false, endpoint, status, reason });

export function job(type: string, createAt: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `job${type.replace(/[^a-z]/g, '').slice(0, 10)}${String(createAt).slice(-13)}`.padEnd(26, 'x').slice(0, 26),
    type,
    priority: 0,
    create_at: createAt,
    start_at: createAt + 1_000,
    last_activity_at: createAt + 61_500,
    status: 'success',
    progress: 100,
    data: {},
    ...overrides,
  };
}

export function serverLog(): string[] {
  const at = (offsetMinutes: number) => new Date(now - offsetMinutes * minute).toISOString().replace('T', ' ').replace('Z', ' Z');
  return [
    `{"timestamp":"${at(30)}","level":"info","msg":"Server is initializing...","caller":"app/server.go:270","go_version":"go1.24.6"}`,
    `{"timestamp":"${at(29)}","level":"info","msg":"Starting Server...","caller":"app/server.go:1067","listen_address":"127.0.0.1:8065"}`,
    `{"timestamp":"${at(20)}","level":"debug","msg":"Received HTTP request","caller":"web/handlers.go:187","method":"POST","url":"/api/v4/users/login","request_id":"7f3qk9w1zbd8xjm5c2n4ye6tra","ip_addr":"${seededUser.ip}"}`,
    `{"timestamp":"${at(20)}","level":"info","msg":"Login","caller":"app/login.go:98","user_id":"${seededUser.id}","username":"${seededUser.username}","email":"${seededUser.email}"}`,
    `{"timestamp":"${at(12)}","level":"warn","msg":"Failed to send email to ${seededUser.email}: dial tcp 10.0.4.12:25: connect: connection refused","caller":"app/notification_email.go:112"}`,
    `{"timestamp":"${at(5)}","level":"debug","msg":"WebSocket connection for ${seededUser.username} from [${seededUser.ipv6}]:51234","caller":"app/web_conn.go:205","user_id":"${seededUser.id}"}`,
    `{"timestamp":"${at(1)}","level":"error","msg":"Unable to get the user's channels","caller":"app/channel.go:2021","path":"/api/v4/users/${seededUser.id}/channels","err":"context canceled"}`,
  ];
}

export function collectedData(overrides: Partial<CollectedData> = {}): CollectedData {
  return {
    generatedAt: now,
    serverVersionId: '11.4.0.11.4.0-companion.9e1d4c2072c0.true',
    serverUrl: 'https://chat.example.com',
    clientConfig: ok({
      Version: '11.4.0',
      BuildNumber: '11.4.0-companion',
      BuildDate: 'Tue Jan 13 16:23:30 UTC 2026',
      BuildHash: '9e1d4c2072c0a1b2c3d4e5f60718293a4b5c6d7e',
      BuildHashEnterprise: '8e4cadbc88ee1f2e3d4c5b6a79808f7e6d5c4b3a',
      BuildEnterpriseReady: 'true',
      SQLDriverName: 'postgres',
      DiagnosticId: 'q4tz8b1wm3kdo9rf7e5ucyxnha',
      SiteURL: 'https://chat.example.com',
    }),
    license: ok({
      IsLicensed: 'true',
      Id: 'n6x2c8vb4mq1kz7wj3hd5ptfey',
      Company: 'Acme Corp',
      Users: '250',
      SkuShortName: 'enterprise',
      IsTrial: 'false',
      IsGovSku: 'false',
      Cluster: 'true',
      Name: 'Acme Licensing',
      Email: 'licensing@acme.example.com',
    }),
    config: ok({
      ServiceSettings: { SiteURL: 'https://chat.example.com', EnableUserAccessTokens: true, GoogleDeveloperKey: '' },
      SqlSettings: { DriverName: 'postgres', DataSource: fakeSetting, DataSourceReplicas: [], AtRestEncryptKey: fakeSetting },
      FileSettings: { DriverName: 'amazons3', AmazonS3Bucket: 'acme-chat', AmazonS3SecretAccessKey: fakeSetting, PublicLinkSalt: fakeSetting },
      EmailSettings: { SMTPServer: 'smtp.acme.example.com', SMTPUsername: seededUser.email, SMTPPassword: fakeSetting, FeedbackEmail: 'chat@acme.example.com' },
      LogSettings: { EnableConsole: true, EnableFile: true, FileLevel: 'INFO', FileJson: true },
      ClusterSettings: { Enable: false },
      LdapSettings: { Enable: false, EnableSync: false },
      SamlSettings: { Enable: true, IdpDescriptorURL: 'https://acme.okta.com/app/exk1/sso/saml' },
      ElasticsearchSettings: { Backend: 'elasticsearch', EnableIndexing: false },
      PluginSettings: { Enable: true, Plugins: { 'com.acme.alerts': { webhooksecret: 'kept-by-plugin' } }, PluginStates: { playbooks: { Enable: true } } },
    }),
    serverStatus: ok({
      status: 'OK',
      database_status: 'OK',
      filestore_status: 'OK',
      root_status: false,
      ActiveSearchBackend: 'database',
      AndroidLatestVersion: '',
      AndroidMinVersion: '',
      IosLatestVersion: '',
      IosMinVersion: '',
    }),
    analyticsStandard: ok([
      { name: 'channel_open_count', value: 42 },
      { name: 'channel_private_count', value: 17 },
      { name: 'post_count', value: 12_345 },
      { name: 'unique_user_count', value: 180 },
      { name: 'team_count', value: 4 },
      { name: 'total_websocket_connections', value: 96 },
      { name: 'total_master_db_connections', value: 12 },
      { name: 'total_read_db_connections', value: 3 },
      { name: 'daily_active_users', value: 75 },
      { name: 'monthly_active_users', value: 160 },
      { name: 'inactive_user_count', value: 9 },
    ]),
    analyticsExtra: ok([
      { name: 'incoming_webhook_count', value: 5 },
      { name: 'outgoing_webhook_count', value: 2 },
      { name: 'command_count', value: 3 },
      { name: 'session_count', value: 311 },
      { name: 'total_file_count', value: 1_024 },
      { name: 'total_file_size', value: 52_428_800 },
    ]),
    userCounts: ok({ active: 180, registered: 191, activeWithBots: 186, guests: 4 }),
    jobsByType: {
      ldap_sync: ok(Array.from({ length: 5 }, (_, index) => job('ldap_sync', now - (index + 1) * 60 * minute))),
      data_retention: ok([job('data_retention', now - 24 * 60 * minute, { status: 'error', data: { error: 'deadline exceeded' } })]),
      message_export: ok([]),
      elasticsearch_post_indexing: ok([]),
      elasticsearch_post_aggregation: ok([]),
      migrations: ok([job('migrations', now - 3 * 60 * minute, { data: null })]),
      bleve_post_indexing: ok([job('bleve_post_indexing', now - 90 * minute)]),
    },
    roles: ok([
      {
        id: 'r1s2t3u4v5w6x7y8z9a0b1c2d3',
        name: 'system_user',
        display_name: 'authentication.roles.global_user.name',
        description: 'authentication.roles.global_user.description',
        create_at: now - 400 * 24 * 60 * minute,
        update_at: now - 2 * 24 * 60 * minute,
        delete_at: 0,
        permissions: ['create_team', 'list_public_teams'],
        scheme_managed: true,
        built_in: true,
      },
    ]),
    schemes: ok([
      {
        id: 's1t2u3v4w5x6y7z8a9b0c1d2e3',
        name: 'acme-legal',
        display_name: 'Acme Legal team',
        description: 'Stricter channel rules for the legal department',
        create_at: now - 30 * 24 * 60 * minute,
        update_at: now - 30 * 24 * 60 * minute,
        delete_at: 0,
        scope: 'team',
        default_team_admin_role: 'a1b2c3d4e5f6g7h8i9j0k1l2m3',
        default_team_user_role: 'b1c2d3e4f5g6h7i8j9k0l1m2n3',
        default_channel_admin_role: 'c1d2e3f4g5h6i7j8k9l0m1n2o3',
        default_channel_user_role: 'd1e2f3g4h5i6j7k8l9m0n1o2p3',
        default_team_guest_role: 'e1f2g3h4i5j6k7l8m9n0o1p2q3',
        default_channel_guest_role: 'f1g2h3i4j5k6l7m8n9o0p1q2r3',
        default_playbook_admin_role: '',
        default_playbook_member_role: '',
        default_run_admin_role: '',
        default_run_member_role: '',
      },
    ]),
    plugins: ok({
      active: [{ id: 'playbooks', name: 'Playbooks', version: '2.6.1', min_server_version: '10.0.0', webapp: { bundle_path: 'webapp/dist/main.js' } }],
      inactive: [
        { id: 'com.acme.alerts', name: 'Acme Alerts', version: '0.3.0', settings_schema: { settings: [{ key: 'WebhookSecret', type: 'text', secret: true }] } },
      ],
    }),
    pluginStatuses: ok([
      {
        plugin_id: 'playbooks',
        cluster_id: '',
        plugin_path: '/opt/mattermost/plugins/playbooks',
        state: 2,
        error: '',
        name: 'Playbooks',
        description: 'Checklists for recurring processes',
        version: '2.6.1',
      },
    ]),
    clusterStatus: ok([]),
    logLines: ok(serverLog()),
    appliedSchemaMigrations: ok([
      { version: 148, name: 'add_channel_banner' },
      { version: 147, name: 'create_content_flagging_tables' },
    ]),
    client: {
      browser: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36',
      extensionVersion: '0.1.0',
      clockSkewMs: 850,
      restLatencyMs: [44, 38, 120, 41, 39],
      websocketReachable: true,
    },
    ...overrides,
  };
}

export const packetOptions = (overrides: Partial<PacketOptions> = {}): PacketOptions => ({
  redactPersonalData: true,
  generatorName: 'Companion for Mattermost',
  generatorVersion: '0.1.0',
  ...overrides,
});
