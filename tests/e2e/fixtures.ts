import { test as base } from '@playwright/test';
import type { Client4 } from '../../scripts/mattermost/mattermost-client.ts';
import { serveWebapp } from '../../scripts/mattermost/served-webapp.ts';
import { directChannelId, newTeamMember, signedInClient, type TeamMember } from './actors.ts';
import { launchExtensionBrowser, makeProfileDir, removeProfileDir, type ExtensionBrowser, type LaunchOptions } from './extension.ts';
import { server } from './mattermost.ts';
import { hasRealWebapp, type WebappKind, type WebappOption } from './servedWebapp.ts';

interface AutoReplyFixtures {
  /** Starts Chromium with the extension in a new profile; every one is closed after the test. */
  newBrowser: (options?: LaunchOptions) => Promise<ExtensionBrowser>;
  /** Alice's REST client, with alice online at the start of each test. */
  asAlice: Client4;
  /** A new colleague per test, so each conversation starts with no history. */
  sender: TeamMember;
  /** The direct-message channel between the sender and alice. */
  conversation: string;
  /** The page served during the test: switched to the project's before it, which is skipped when that page is missing. */
  servedWebapp: WebappKind;
}

export const test = base.extend<AutoReplyFixtures & WebappOption>({
  webapp: ['stand-in', { option: true }],
  servedWebapp: [
    async ({ webapp }, use, testInfo) => {
      testInfo.skip(webapp === 'real-webapp' && !hasRealWebapp(), 'no build of Mattermost’s webapp on this machine');
      await serveWebapp(webapp);
      await use(webapp);
    },
    { auto: true },
  ],
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern.
  newBrowser: async ({}, use) => {
    const started: ExtensionBrowser[] = [];
    await use(async (options) => {
      const browser = await launchExtensionBrowser(await makeProfileDir(), options);
      started.push(browser);
      return browser;
    });
    for (const browser of started) {
      await browser.close();
      await removeProfileDir(browser.profileDir);
    }
  },
  // eslint-disable-next-line no-empty-pattern
  asAlice: async ({}, use) => {
    const client = await signedInClient(server.users.alice);
    await client.updateStatus({ user_id: server.users.alice.id, status: 'online', manual: false } as never);
    await use(client);
  },
  // eslint-disable-next-line no-empty-pattern
  sender: async ({}, use) => {
    await use(await newTeamMember('Dana'));
  },
  conversation: async ({ sender }, use) => {
    await use(await directChannelId(sender.client, server.users.alice.id));
  },
});

export { expect } from '@playwright/test';
