import { describe, expect, it } from 'vitest';
import { isSecretSettingName, maskedValue, maskSecrets } from './secretMasking.ts';

/** A configuration as a server that forgot to sanitize would send it: every secret holds a distinctive canary. */
function configWithCanaries(): Record<string, unknown> {
  return {
    ServiceSettings: {
      SiteURL: 'https://chat.example.com',
      EnableUserAccessTokens: true,
      GoogleDeveloperKey: 'CANARY-google-developer-key',
      GiphySdkKey: 'CANARY-giphy-sdk-key',
      GfycatAPIKey: 'CANARY-gfycat-api-key',
      GfycatAPISecret: 'CANARY-gfycat-api-secret',
      SplitKey: 'CANARY-split-key',
      TLSKeyFile: '/etc/mattermost/tls.key',
      TLSCertFile: '/etc/mattermost/tls.crt',
      MaximumLoginAttempts: 10,
    },
    SqlSettings: {
      DriverName: 'postgres',
      DataSource: 'postgres://mmuser:CANARY-sql-password@db:5432/mattermost?sslmode=disable',
      DataSourceReplicas: ['postgres://mmuser:CANARY-replica-1@replica1/mattermost', 'postgres://mmuser:CANARY-replica-2@replica2/mattermost'],
      DataSourceSearchReplicas: ['postgres://mmuser:CANARY-search-replica@search/mattermost'],
      ReplicaLagSettings: [{ DataSource: 'postgres://mmuser:CANARY-lag-source@replica1/mattermost', QueryAbsoluteLag: 'SELECT 1' }],
      AtRestEncryptKey: 'CANARY-at-rest-encrypt-key',
    },
    FileSettings: {
      DriverName: 'amazons3',
      PublicLinkSalt: 'CANARY-public-link-salt',
      AmazonS3AccessKeyId: 'CANARY-s3-access-key-id',
      AmazonS3SecretAccessKey: 'CANARY-s3-secret-access-key',
      ExportAmazonS3SecretAccessKey: 'CANARY-export-s3-secret',
    },
    EmailSettings: { SMTPUsername: 'mailer', SMTPPassword: 'CANARY-smtp-password', FeedbackEmail: 'chat@acme.example.com' },
    LdapSettings: { BindUsername: 'cn=mattermost,dc=acme', BindPassword: 'CANARY-ldap-bind-password', PrivateKey: 'CANARY-ldap-private-key' },
    GitLabSettings: { Id: 'gitlab-client', Secret: 'CANARY-gitlab-secret', TokenEndpoint: 'https://gitlab.acme.example.com/oauth/token' },
    GoogleSettings: { Secret: 'CANARY-google-secret' },
    Office365Settings: { Secret: 'CANARY-office365-secret' },
    OpenIdSettings: { Secret: 'CANARY-openid-secret', DiscoveryEndpoint: 'https://id.acme.example.com/.well-known/openid-configuration' },
    SamlSettings: { PrivateKeyFile: 'saml-private.key', IdpCertificateFile: 'saml-idp.crt' },
    ElasticsearchSettings: {
      ConnectionURL: 'https://elastic:CANARY-url-password@es.acme.example.com:9200',
      Username: 'elastic',
      Password: 'CANARY-elasticsearch-password',
    },
    MessageExportSettings: { GlobalRelaySettings: { SMTPUsername: 'relay', SMTPPassword: 'CANARY-global-relay-password' } },
    CacheSettings: { RedisAddress: 'redis:6379', RedisPassword: 'CANARY-redis-password' },
    ImageProxySettings: { ImageProxyType: 'atmos/camo', RemoteImageProxyOptions: 'CANARY-image-proxy-signing-key' },
    PasswordSettings: { MinimumLength: 8, Lowercase: true },
    LogSettings: {
      AdvancedLoggingJSON: { syslog: { Type: 'syslog', Options: { Host: 'logs.acme.example.com', Password: 'CANARY-syslog-password' } } },
      AdvancedLoggingConfig: '{"tcp":{"Type":"tcp","Options":{"Password":"CANARY-advanced-logging-text"}}}',
    },
    ExperimentalSettings: { ClientSideCertCheck: 'secondary', EnableKeyboardShortcuts: 'on' },
    PluginSettings: {
      Plugins: {
        'com.acme.alerts': { WebhookURL: 'https://hooks.acme.example.com/CANARY-plugin-webhook', ChannelName: 'CANARY-plugin-plain-setting', Retries: 3 },
        jira: { EncryptionKey: 'CANARY-jira-encryption-key', nested: { list: ['CANARY-plugin-list-item'] } },
      },
      PluginStates: { jira: { Enable: true } },
    },
  };
}

describe('secret masking', () => {
  it('leaves no secret of any kind in the masked configuration', () => {
    const text = JSON.stringify(maskSecrets(configWithCanaries()));
    expect(text).not.toContain('CANARY');
  });

  it('uses the server’s own mask, so masked values look as in a native packet', () => {
    const masked = maskSecrets(configWithCanaries());
    expect(masked).toMatchObject({ EmailSettings: { SMTPPassword: maskedValue }, FileSettings: { PublicLinkSalt: '********' } });
  });

  it('masks each replica data source and keeps the list’s length', () => {
    expect(maskSecrets(configWithCanaries())).toMatchObject({ SqlSettings: { DataSourceReplicas: [maskedValue, maskedValue] } });
  });

  it('masks every value of every plugin’s settings, whatever its name', () => {
    expect(maskSecrets(configWithCanaries())).toMatchObject({
      PluginSettings: {
        Plugins: { 'com.acme.alerts': { ChannelName: maskedValue, Retries: maskedValue }, jira: { nested: { list: [maskedValue] } } },
        PluginStates: { jira: { Enable: true } },
      },
    });
  });

  it('masks only the password in a URL with credentials', () => {
    expect(maskSecrets(configWithCanaries())).toMatchObject({
      ElasticsearchSettings: { ConnectionURL: 'https://elastic:********@es.acme.example.com:9200' },
    });
  });

  it('masks secrets inside settings that hold JSON as text', () => {
    const masked = maskSecrets(configWithCanaries()) as { LogSettings: { AdvancedLoggingConfig: string } };
    expect(JSON.parse(masked.LogSettings.AdvancedLoggingConfig)).toEqual({ tcp: { Type: 'tcp', Options: { Password: maskedValue } } });
  });

  it('keeps what support needs: flags, numbers, file paths, public endpoints and plain settings', () => {
    expect(maskSecrets(configWithCanaries())).toMatchObject({
      ServiceSettings: { EnableUserAccessTokens: true, TLSKeyFile: '/etc/mattermost/tls.key', TLSCertFile: '/etc/mattermost/tls.crt', MaximumLoginAttempts: 10 },
      PasswordSettings: { MinimumLength: 8, Lowercase: true },
      GitLabSettings: { Id: 'gitlab-client', TokenEndpoint: 'https://gitlab.acme.example.com/oauth/token' },
      SamlSettings: { PrivateKeyFile: 'saml-private.key' },
      EmailSettings: { SMTPUsername: 'mailer', FeedbackEmail: 'chat@acme.example.com' },
      ExperimentalSettings: { ClientSideCertCheck: 'secondary', EnableKeyboardShortcuts: 'on' },
    });
  });

  it('keeps empty secrets empty: they only say the setting is unset', () => {
    expect(maskSecrets({ EmailSettings: { SMTPPassword: '' } })).toEqual({ EmailSettings: { SMTPPassword: '' } });
  });

  it('does not change the configuration it was given', () => {
    const config = configWithCanaries();
    const before = JSON.stringify(config);
    maskSecrets(config);
    expect(JSON.stringify(config)).toBe(before);
  });

  it.each([
    ['SMTPPassword', true],
    ['apikey', true],
    ['api_key', true],
    ['ClientSecret', true],
    ['PasswordResetSalt', true],
    ['SentryDSN', true],
    ['DataSource', true],
    ['AzureConnectionString', true],
    ['AccessToken', true],
    ['IncomingWebhook', true],
    ['KeyboardLayout', false],
    ['TLSKeyFile', false],
    ['SignaturePublicKeyFiles', false],
    ['TokenEndpoint', false],
    ['PublicCertificate', false],
  ])('judges the setting name %s as secret: %s', (name, secret) => {
    expect(isSecretSettingName(name)).toBe(secret);
  });
});
