import { expect, type Page } from '@playwright/test';
import { openPopupFor, type ExtensionBrowser } from './extension.ts';
import { directMessageUrl, signIn, type SeededUser } from './mattermost.ts';

/** Signs the user in and opens the webapp at a direct message, with its WebSocket connected. */
export async function openMattermostAs(browser: ExtensionBrowser, user: SeededUser, withUsername: string): Promise<Page> {
  await signIn(browser.context, user);
  const tab = await browser.context.newPage();
  await tab.goto(directMessageUrl(withUsername));
  await expect(tab.locator('#harness-socket')).toHaveText('connected');
  return tab;
}

/**
 * Enables the extension on the tab's workspace through the popup, then
 * reloads the tab so that the socket observer is in place before the
 * webapp's WebSocket opens, as it is on every later page load.
 */
export async function enableCompanion(browser: ExtensionBrowser, tab: Page): Promise<Page> {
  const popup = await openPopupFor(browser, tab);
  const enable = popup.getByRole('button', { name: 'Enable on this workspace' });
  const session = popup.locator('.session');
  // Another tab of this profile may have enabled the workspace already.
  await expect(enable.or(session)).toBeVisible();
  if (await enable.isVisible()) await enable.click();
  await expect(session).toHaveText(/Running in this tab as @/);
  await tab.reload();
  await expect(tab.locator('#harness-socket')).toHaveText('connected');
  await popup.reload();
  await expect(popup.getByRole('switch', { name: 'Auto-reply' })).toBeVisible();
  return popup;
}

export async function switchAutoReplyOn(popup: Page, options: { message?: string; minutesBetweenReplies?: number } = {}): Promise<void> {
  if (options.message !== undefined) await popup.getByRole('textbox', { name: 'Reply message' }).fill(options.message);
  if (options.minutesBetweenReplies !== undefined) {
    await popup.getByRole('spinbutton', { name: 'Minutes between replies' }).fill(String(options.minutesBetweenReplies));
  }
  const toggle = popup.getByRole('switch', { name: 'Auto-reply' });
  if ((await toggle.getAttribute('aria-checked')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(popup.locator('.auto-reply-state')).toHaveText(/^On:/);
}
