import { expect, type Page } from '@playwright/test';
import { actAsDesktopApp } from './desktopApp.ts';
import { openPopupFor, type ExtensionBrowser } from './extension.ts';
import { directMessageUrl, signIn, type SeededUser } from './mattermost.ts';
import { expectSocketConnected, waitForSocketHello } from './webappSocket.ts';

/**
 * Signs the user in and opens the webapp at a direct message, with its
 * WebSocket connected. Works in the stand-in page and in Mattermost's webapp,
 * whose controls the stand-in names alike. `workspaceUrl` is the server's
 * unless the tab should reach it through a proxy on another port (same host,
 * so the session cookies apply).
 */
export async function openMattermostAs(browser: ExtensionBrowser, user: SeededUser, withUsername: string, workspaceUrl?: string): Promise<Page> {
  await signIn(browser.context, user);
  const tab = await browser.context.newPage();
  await actAsDesktopApp(tab);
  await waitForSocketHello(tab, async () => {
    await tab.goto(directMessageUrl(withUsername, workspaceUrl));
    await viewInBrowserIfAsked(tab);
  });
  return tab;
}

/** Mattermost's webapp asks once per browser profile where to open a link ("Where would you like to view this?"). */
export async function viewInBrowserIfAsked(tab: Page): Promise<void> {
  const viewInBrowser = tab.getByText('View in Browser', { exact: true });
  await expect(viewInBrowser.or(accountMenu(tab)).first()).toBeVisible({ timeout: 30_000 });
  if (await viewInBrowser.isVisible()) await viewInBrowser.click();
}

const accountMenu = (tab: Page) => tab.getByRole('button', { name: "User's account menu" });

/** Signs in through the page's own form, which (in both pages) does it without a page load. */
export async function signInThroughLoginForm(tab: Page, user: SeededUser): Promise<void> {
  await waitForSocketHello(tab, async () => {
    await tab.getByRole('textbox', { name: 'Email or Username' }).fill(user.username);
    await tab.getByLabel('Password', { exact: true }).fill(user.password);
    await tab.getByRole('button', { name: 'Log in' }).click();
  });
}

/**
 * Signs out through the account menu and waits for the sign-in form. The
 * stand-in stays on the same page; Mattermost's webapp loads /login afresh.
 */
export async function signOutThroughMenu(tab: Page): Promise<void> {
  await accountMenu(tab).click();
  await tab.getByRole('menuitem', { name: 'Log out' }).click();
  await expect(tab.getByRole('textbox', { name: 'Email or Username' })).toBeVisible();
  await expectSocketConnected(tab, false);
}

/**
 * Enables the extension on the tab's workspace through the popup. Enabling
 * reloads the tab, so the socket observer is in place before the webapp's
 * WebSocket opens, as it is on every later page load.
 */
export async function enableCompanion(browser: ExtensionBrowser, tab: Page): Promise<Page> {
  const popup = await openPopupFor(browser, tab);
  const enable = popup.getByRole('button', { name: 'Enable on this workspace' });
  const session = popup.locator('.session');
  // Another tab of this profile may have enabled the workspace already.
  await expect(enable.or(session)).toBeVisible().catch(async (error: unknown) => {
    throw new Error(`The popup offers neither to enable nor a session; it shows: ${await popup.locator('body').innerText()}`, { cause: error });
  });
  if (await enable.isVisible()) await waitForSocketHello(tab, () => enable.click());
  await expect(session).toHaveText(/Running in this tab as @/);
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

/** Opens the options page from the popup's "All settings", on the popup's workspace and account. */
export async function openAllSettings(browser: ExtensionBrowser, popup: Page): Promise<Page> {
  const [options] = await Promise.all([browser.context.waitForEvent('page'), popup.getByRole('button', { name: 'All settings' }).click()]);
  await options.waitForURL(/\/src\/options\/options\.html\?/);
  await expect(options.getByRole('switch', { name: 'Auto-reply' })).toBeVisible();
  return options;
}

/** Opens the options page in a tab of its own, as the browser's extension menu does; the popup stays as it is. */
export async function openSettingsPage(browser: ExtensionBrowser): Promise<Page> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/src/options/options.html`);
  await expect(options.getByRole('switch', { name: 'Auto-reply' })).toBeVisible();
  return options;
}
