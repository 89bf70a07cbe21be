// The config.json of the local test server. It is partial: the server fills
// in defaults for everything not named here and writes them back to the file.
//
// Two goals shape it: the server must behave like a plain self-hosted
// Mattermost that accounts can be created on and scripted against, and it must
// never reach the internet (tests run offline and must not report to
// Mattermost), so every feature that calls out is switched off explicitly.
import type { AdminConfig } from '@mattermost/types/config';
import type { DeepPartial } from '@mattermost/types/utilities';

export interface TestConfigInput {
  siteUrl: string;
  listenAddress: string;
  dataSource: string;
  /** Absolute paths; the server resolves relative ones against its working dir. */
  dirs: {
    data: string;
    logs: string;
    plugins: string;
    clientPlugins: string;
  };
}

export type TestConfig = DeepPartial<AdminConfig>;

export function mattermostTestConfig({ siteUrl, listenAddress, dataSource, dirs }: TestConfigInput): TestConfig {
  return {
    ServiceSettings: {
      SiteURL: siteUrl,
      ListenAddress: listenAddress,
      // Link and permalink previews make the server fetch URLs found in posts.
      EnableLinkPreviews: false,
      EnablePermalinkPreviews: false,
      // Daily call to securityupdatecheck.mattermost.com, starting at boot.
      EnableSecurityFixAlert: false,
      EnableGifPicker: false,
      EnableInsecureOutgoingConnections: false,
      // Reports usage to AWS Marketplace when on.
      EnableAWSMetering: false,
      // A Split.io key turns on feature-flag syncing from split.io.
      SplitKey: '',
      ExperimentalStrictCSRFEnforcement: true,
      EnableDeveloper: false,
      EnableLocalMode: false,
      EnableOnboardingFlow: false,
      EnableTutorial: false,
      EnableUserAccessTokens: true,
      EnableBotAccountCreation: true,
      EnableAPIUserDeletion: true,
    },
    SqlSettings: {
      DriverName: 'postgres',
      DataSource: dataSource,
    },
    LogSettings: {
      EnableConsole: true,
      ConsoleLevel: 'ERROR',
      EnableFile: true,
      FileLevel: 'INFO',
      FileJson: true,
      FileLocation: dirs.logs,
      // Diagnostics is the telemetry switch (it also enables the NPS survey plugin).
      EnableDiagnostics: false,
      EnableSentry: false,
    },
    // Either switch schedules a job that downloads notices from notices.mattermost.com.
    AnnouncementSettings: {
      AdminNoticesEnabled: false,
      UserNoticesEnabled: false,
    },
    PluginSettings: {
      Enable: true,
      EnableUploads: true,
      EnableMarketplace: false,
      EnableRemoteMarketplace: false,
      AutomaticPrepackagedPlugins: false,
      RequirePluginSignature: false,
      Directory: dirs.plugins,
      ClientDirectory: dirs.clientPlugins,
    },
    EmailSettings: {
      SendPushNotifications: false,
      PushNotificationServer: '',
      SendEmailNotifications: false,
      EnableSignUpWithEmail: true,
      RequireEmailVerification: false,
      EnablePreviewModeBanner: false,
    },
    TeamSettings: {
      EnableUserCreation: true,
      EnableOpenServer: false,
      ExperimentalEnableAutomaticReplies: true,
      // Tests create a new colleague per test, and the database outlives test runs.
      MaxUsersPerTeam: 1_000_000,
    },
    FileSettings: {
      Directory: `${dirs.data}/`,
    },
    ImageProxySettings: {
      Enable: false,
    },
    RateLimitSettings: {
      Enable: false,
    },
  };
}
