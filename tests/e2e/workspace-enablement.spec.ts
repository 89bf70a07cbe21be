import {
  contentScriptAnswers,
  launchExtensionBrowser,
  makeProfileDir,
  openPopupFor,
  registeredContentScripts,
  removeProfileDir,
  type ExtensionBrowser,
} from './extension.ts';
import { expect, test } from './fixtures.ts';
import { directMessageUrl, server, signIn } from './mattermost.ts';
import { startPlainPageServer, type PlainPageServer } from './plainPage.ts';

const serverHost = new URL(server.url).host;
const alice = server.users.alice;
/** The socket observer in the page's world and the content script, both for the server's host only. */
const loopbackScripts = ['ISOLATED http://127.0.0.1/*', 'MAIN http://127.0.0.1/*'];

let browser: ExtensionBrowser;
let plainPages: PlainPageServer;

test.beforeEach(async () => {
  browser = await launchExtensionBrowser(await makeProfileDir());
  plainPages = await startPlainPageServer();
});

test.afterEach(async () => {
  await browser.close();
  await removeProfileDir(browser.profileDir);
  await plainPages.close();
});

test('the extension loads without host access and without content scripts', async () => {
  const manifest = await browser.serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.optional_host_permissions).toEqual(expect.arrayContaining(['https://*/*']));
  expect(manifest.content_scripts ?? []).toEqual([]);
  expect(await registeredContentScripts(browser)).toEqual([]);
});

test('on a page that is not Mattermost the popup explains and offers nothing', async () => {
  const page = await browser.context.newPage();
  await page.goto(`http://localhost:${plainPages.port}/some/page`);
  const popup = await openPopupFor(browser, page);

  await expect(popup.getByText(`localhost:${plainPages.port} does not look like a Mattermost server`)).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Enable on this workspace' })).toHaveCount(0);
});

test('enabling a workspace from the popup runs the extension there and nowhere else', async () => {
  await signIn(browser.context, alice);
  const mattermostTab = await browser.context.newPage();
  await mattermostTab.goto(directMessageUrl('bob'));
  await expect(mattermostTab.locator('#harness-socket')).toHaveText('connected');

  const popup = await openPopupFor(browser, mattermostTab);
  await expect(popup.getByText(`Mattermost server found at ${serverHost}.`)).toBeVisible();
  // Keyboard only: the button is the first focusable control.
  await popup.keyboard.press('Tab');
  await expect(popup.getByRole('button', { name: 'Enable on this workspace' })).toBeFocused();
  await popup.keyboard.press('Enter');

  await expect(popup.getByText(`Enabled on ${serverHost}.`)).toBeVisible();
  await expect(popup.getByText('Running in this tab as @alice.')).toBeVisible();
  expect(await registeredContentScripts(browser)).toEqual(loopbackScripts);

  // The registration applies to later page loads as well.
  await mattermostTab.reload();
  await expect.poll(() => contentScriptAnswers(browser, mattermostTab)).toBe(true);

  // Not on another site, and not on another port of the same host, which the
  // port-less match pattern reaches but the script itself declines.
  const otherSite = await browser.context.newPage();
  await otherSite.goto(`http://localhost:${plainPages.port}/elsewhere`);
  const otherPort = await browser.context.newPage();
  await otherPort.goto(`http://127.0.0.1:${plainPages.port}/same-host`);
  await otherPort.waitForLoadState('load');
  expect(await contentScriptAnswers(browser, otherSite)).toBe(false);
  expect(await contentScriptAnswers(browser, otherPort)).toBe(false);
});

test('disabling a workspace removes the registration and stops the running script', async () => {
  await signIn(browser.context, alice);
  const mattermostTab = await browser.context.newPage();
  await mattermostTab.goto(directMessageUrl('carol'));
  const popup = await openPopupFor(browser, mattermostTab);
  await popup.getByRole('button', { name: 'Enable on this workspace' }).click();
  await expect(popup.getByText('Running in this tab as @alice.')).toBeVisible();

  await popup.getByRole('button', { name: 'Disable on this workspace' }).click();

  await expect(popup.getByRole('button', { name: 'Enable on this workspace' })).toBeVisible();
  expect(await registeredContentScripts(browser)).toEqual([]);
  await expect.poll(() => contentScriptAnswers(browser, mattermostTab)).toBe(false);
  await mattermostTab.reload();
  await mattermostTab.waitForLoadState('load');
  expect(await contentScriptAnswers(browser, mattermostTab)).toBe(false);
});

test('an enabled workspace stays enabled after the browser restarts', async () => {
  await signIn(browser.context, alice);
  const firstTab = await browser.context.newPage();
  await firstTab.goto(directMessageUrl('bob'));
  const popup = await openPopupFor(browser, firstTab);
  await popup.getByRole('button', { name: 'Enable on this workspace' }).click();
  await expect(popup.getByText('Running in this tab as @alice.')).toBeVisible();
  await browser.close();

  browser = await launchExtensionBrowser(browser.profileDir);
  const tabAfterRestart = await browser.context.newPage();
  await tabAfterRestart.goto(directMessageUrl('bob'));
  const popupAfterRestart = await openPopupFor(browser, tabAfterRestart);
  // A restarted browser on a loaded machine takes a while to start the tab's script.
  await expect(popupAfterRestart.getByText('Running in this tab as @alice.')).toBeVisible({ timeout: 30_000 });
  expect(await registeredContentScripts(browser)).toEqual(loopbackScripts);
});
