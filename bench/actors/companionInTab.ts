// A person with Companion's auto-reply on, in a real Chromium tab: the
// extension enabled on the workspace and auto-reply switched on through the
// popup, exactly as the end-to-end tests do it. The popup is closed again so
// that the extension's process runs nothing but its service worker.
import type { Page } from '@playwright/test';
import { launchExtensionBrowser, makeProfileDir, removeProfileDir, type ExtensionBrowser } from '../../tests/e2e/extension.ts';
import { server, type SeededUser } from '../../tests/e2e/mattermost.ts';
import { expect } from '@playwright/test';
import { enableCompanion, openAllSettings, openMattermostAs, switchAutoReplyOn } from '../../tests/e2e/workflows.ts';

export interface CompanionInTab {
  readonly browser: ExtensionBrowser;
  readonly tab: Page;
  close(): Promise<void>;
}

/** Starts Chromium in a new profile; closing it removes the profile. */
export async function newExtensionBrowser(): Promise<ExtensionBrowser & { dispose(): Promise<void> }> {
  const browser = await launchExtensionBrowser(await makeProfileDir());
  return {
    ...browser,
    async dispose() {
      await browser.close();
      await removeProfileDir(browser.profileDir);
    },
  };
}

export interface CompanionOptions {
  /** The workspace's URL in the tab: the server's unless it is reached through a proxy. */
  readonly workspaceUrl?: string;
  readonly minutesBetweenReplies?: number;
  readonly groupMessages?: boolean;
}

export async function companionAnsweringFor(user: SeededUser, replyMessage: string, options: CompanionOptions = {}): Promise<CompanionInTab> {
  const browser = await newExtensionBrowser();
  try {
    const tab = await openMattermostAs(browser, user, server.users.alice.username, options.workspaceUrl);
    const popup = await enableCompanion(browser, tab);
    await switchAutoReplyOn(popup, { message: replyMessage, minutesBetweenReplies: options.minutesBetweenReplies });
    if (options.groupMessages !== undefined) {
      const settings = await openAllSettings(browser, popup);
      await settings.getByRole('checkbox', { name: 'Group messages' }).setChecked(options.groupMessages);
      await expect(settings.getByText('Saved. Open tabs use the new settings at once.')).toBeVisible();
      await settings.close();
    }
    if (!popup.isClosed()) await popup.close();
    return { browser, tab, close: () => browser.dispose() };
  } catch (error) {
    await browser.dispose();
    throw error;
  }
}
