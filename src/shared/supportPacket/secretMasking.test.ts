import { describe, expect, it } from 'vitest';
import { fakeSetting, maskSecrets, type PluginManifest } from './secretMasking.ts';

/** A configuration as a server that forgot to sanitize would send it: every secret holds a distinctive canary. */
function configWithCanaries(): Record<string, unknown> {
  return {
    ServiceSettings: {
      SiteURL: 'https://chat.example.com',
      EnableUserAccessTokens: true,
      GoogleDeveloperKey: 'public-google-developer-key',
      SplitKey: 'CANARY-split-key',
      TLSKeyFile: '/etc/mattermost/tls.key',
      MaximumLoginAttempts: 10,
    },
    SqlSettings: {
      DriverName: 'postgres',
      DataSource: 'postgres://mmuser:CANARY-sql-password@db:5432/mattermost?sslmode=disable',
      DataSourceReplicas: ['postgres://mmuser:CANARY-replica-1@replica1/mattermost', ''],
      DataSourceSearchReplicas: ['postgres://mmuser:CANARY-search-replica@search/mattermost'],
      ReplicaLagSettings: [{ DataSource: 'postgres://mmuser:CANARY-lag-source@replica1/mattermost', QueryAbsoluteLag: 'SELECT 1' }],
      AtRestEncryptKey: 'CANARY-at-rest-encrypt-key',
    },
    FileSettings: {
      DriverName: 'amazons3',
      PublicLinkSalt: 'CANARY-public-link-salt',
      AmazonS3AccessKeyId: 'AKIAEXAMPLEKEYID',
      AmazonS3SecretAccessKey: 'CANARY-s3-secret-access-key',
    },
    EmailSettings: { SMTPUsername: 'mailer', SMTPPassword: 'CANARY-smtp-password', FeedbackEmail: 'chat@acme.example.com' },
    LdapSettings: { BindUsername: 'cn=mattermost,dc=acme', BindPassword: 'CANARY-ldap-bind-password', PrivateKeyFile: 'ldap-private.key' },
    GitLabSettings: { Id: 'gitlab-client', Secret: 'CANARY-gitlab-secret', TokenEndpoint: 'https://gitlab.acme.example.com/oauth/token' },
    GoogleSettings: { Secret: 'CANARY-google-secret' },
    Office365Settings: { Secret: 'CANARY-office365-secret' },
    OpenIdSettings: { Secret: 'CANARY-openid-secret' },
    SupportSettings: { ForgotPasswordLink: 'https://acme.example.com/reset' },
    ElasticsearchSettings: {
      ConnectionURL: 'https://elastic:CANARY-url-password@es.acme.example.com:9200',
      Username: 'elastic',
      Password: 'CANARY-elasticsearch-password',
      ClientKey: '/etc/mattermost/es-client.key',
    },
    MessageExportSettings: { GlobalRelaySettings: { SMTPUsername: 'relay', SMTPPassword: 'CANARY-global-relay-password' } },
    CacheSettings: { RedisAddress: 'redis:6379', RedisPassword: 'CANARY-redis-password' },
    ImageProxySettings: { ImageProxyType: 'atmos/camo', RemoteImageProxyOptions: 'CANARY-image-proxy-signing-key' },
    AutoTranslationSettings: { LibreTranslate: { URL: 'https://translate.acme.example.com', APIKey: 'CANARY-libretranslate-key' } },
    PasswordSettings: { MinimumLength: 8, Lowercase: true },
    LogSettings: {
      AdvancedLoggingJSON: { syslog: { Type: 'syslog', Options: { Host: 'logs.acme.example.com', Password: 'CANARY-syslog-password' } } },
    },
    PluginSettings: {
      Plugins: {
        'com.acme.alerts': { WebhookSecret: 'CANARY-plugin-secret', ChannelName: 'alerts', Retries: 3, Enabled: true },
        'com.acme.removed': { Token: 'dropped-with-the-plugin' },
      },
      PluginStates: { 'com.acme.alerts': { Enable: true } },
    },
  };
}

const manifests: PluginManifest[] = [
  {
    id: 'com.acme.alerts',
    settings_schema: {
      settings: [
        { key: 'webhooksecret', type: 'text', secret: true },
        { key: 'ChannelName', type: 'text' },
        { key: 'Retries', type: 'number' },
      ],
    },
  },
];

const mask = (config: Record<string, unknown> = configWithCanaries()) => maskSecrets(config, manifests).config;

describe('secret masking', () => {
  it('leaves no secret in the masked configuration', () => {
    expect(JSON.stringify(mask())).not.toContain('CANARY');
  });

  it('uses the server’s own mask, model.FakeSetting, 32 asterisks', () => {
    expect(fakeSetting).toBe('********************************');
    expect(mask()).toMatchObject({ EmailSettings: { SMTPPassword: fakeSetting }, FileSettings: { PublicLinkSalt: fakeSetting } });
  });

  it('masks each replica data source, empty ones too, as Config.Sanitize does', () => {
    expect(mask()).toMatchObject({
      SqlSettings: { DataSource: fakeSetting, DataSourceReplicas: [fakeSetting, fakeSetting], ReplicaLagSettings: [{ DataSource: fakeSetting, QueryAbsoluteLag: 'SELECT 1' }] },
    });
  });

  it('masks the settings Config.Sanitize always masks even when empty, and keeps the others empty', () => {
    const config = { FileSettings: { PublicLinkSalt: '', AmazonS3SecretAccessKey: '' }, ServiceSettings: { SplitKey: '' }, EmailSettings: { SMTPPassword: '' } };
    expect(mask(config)).toEqual({ FileSettings: { PublicLinkSalt: fakeSetting, AmazonS3SecretAccessKey: '' }, ServiceSettings: { SplitKey: fakeSetting }, EmailSettings: { SMTPPassword: '' } });
  });

  it('keeps the nulls a read-only admin gets for settings hidden from them', () => {
    expect(mask({ SqlSettings: { DataSource: null, AtRestEncryptKey: null } })).toEqual({ SqlSettings: { DataSource: null, AtRestEncryptKey: null } });
  });

  it('masks a plugin setting only when its manifest declares it secret, keys compared without case, types kept', () => {
    expect(mask()).toMatchObject({
      PluginSettings: {
        Plugins: { 'com.acme.alerts': { WebhookSecret: fakeSetting, ChannelName: 'alerts', Retries: 3, Enabled: true } },
        PluginStates: { 'com.acme.alerts': { Enable: true } },
      },
    });
  });

  it('drops the settings of plugins that are not installed, as the server does', () => {
    expect(mask()).not.toHaveProperty(['PluginSettings', 'Plugins', 'com.acme.removed']);
  });

  it('masks every text plugin setting when the manifests could not be read, and says so', () => {
    const masked = maskSecrets(configWithCanaries(), undefined);
    expect(masked.config).toMatchObject({ PluginSettings: { Plugins: { 'com.acme.alerts': { ChannelName: fakeSetting, Retries: 3 } } } });
    expect(masked.leftOut).toEqual([expect.stringContaining('every text setting of every plugin is masked')]);
  });

  it('also masks the secrets the server leaves in: the image proxy key, the translation API key, URL and logging target passwords', () => {
    expect(mask()).toMatchObject({
      ImageProxySettings: { RemoteImageProxyOptions: fakeSetting },
      AutoTranslationSettings: { LibreTranslate: { URL: 'https://translate.acme.example.com', APIKey: fakeSetting } },
      ElasticsearchSettings: { ConnectionURL: `https://elastic:${fakeSetting}@es.acme.example.com:9200` },
      LogSettings: { AdvancedLoggingJSON: { syslog: { Options: { Host: 'logs.acme.example.com', Password: fakeSetting } } } },
    });
  });

  it('masks nothing that is not a secret: access key ids, key file paths, links, flags and numbers stay', () => {
    expect(mask()).toMatchObject({
      ServiceSettings: { EnableUserAccessTokens: true, GoogleDeveloperKey: 'public-google-developer-key', TLSKeyFile: '/etc/mattermost/tls.key', MaximumLoginAttempts: 10 },
      FileSettings: { AmazonS3AccessKeyId: 'AKIAEXAMPLEKEYID' },
      ElasticsearchSettings: { ClientKey: '/etc/mattermost/es-client.key', Username: 'elastic' },
      SupportSettings: { ForgotPasswordLink: 'https://acme.example.com/reset' },
      LdapSettings: { PrivateKeyFile: 'ldap-private.key' },
      GitLabSettings: { Id: 'gitlab-client', TokenEndpoint: 'https://gitlab.acme.example.com/oauth/token' },
      PasswordSettings: { MinimumLength: 8, Lowercase: true },
    });
  });

  it('does not change the configuration it was given', () => {
    const config = configWithCanaries();
    const before = JSON.stringify(config);
    mask(config);
    expect(JSON.stringify(config)).toBe(before);
  });
});
