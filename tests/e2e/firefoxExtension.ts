import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/**
 * Debian's Firefox ESR with the Firefox build of the extension, driven over
 * WebDriver BiDi (Playwright drives only its own patched Firefox, which cannot
 * be downloaded here). With the optional-permission prompt switched off,
 * `permissions.request()` resolves at once, as a click on "Allow" would.
 */
export const firefoxExtensionDir = path.resolve(import.meta.dirname, '../../dist/firefox-e2e');
const geckoId = 'companion@companion-for-mattermost.org';
/** Fixed so the test knows the extension's moz-extension:// origin. */
const extensionUuid = '6f0e3c2a-1b7d-4c1e-9a55-0c3b2d7e8f10';

export interface FirefoxWithExtension {
  readonly browser: Browser;
  readonly downloadDir: string;
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(): Promise<FirefoxWithExtension> {
  const downloadDir = await mkdtemp(path.join(os.tmpdir(), 'companion-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    // Lets the test open the extension's own pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextOptionalPermissionPrompts': false,
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: extensionUuid }),
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
    },
  });
  await browser.installExtension(firefoxExtensionDir);
  return {
    browser,
    downloadDir,
    close: async () => {
      await browser.close();
      await rm(downloadDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the popup as a page acting on the tab that shows `tabUrlPrefix`.
 * BiDi reports no load for moz-extension:// pages although they load, so the
 * first navigation is not awaited; the page then finds the tab with the
 * extension's own `tabs` API and moves to `?tab=<id>`.
 */
export async function openFirefoxPopupFor(firefox: FirefoxWithExtension, tabUrlPrefix: string): Promise<Page> {
  const popup = await firefox.browser.newPage();
  await popup.goto(`moz-extension://${extensionUuid}/src/popup/popup.html`, { timeout: 3_000 }).catch(() => undefined);
  await popup.waitForFunction(() => document.readyState === 'complete' && typeof browser !== 'undefined');
  const tabId = await popup.evaluate(async (prefix) => {
    const tabs = await browser.tabs.query({});
    return tabs.find((tab) => (tab.url ?? '').startsWith(prefix))?.id;
  }, tabUrlPrefix);
  if (tabId === undefined) throw new Error(`no Firefox tab shows ${tabUrlPrefix}`);
  await popup.evaluate((id) => {
    location.search = `?tab=${id}`;
  }, tabId);
  await waitForText(popup, 'Companion for Mattermost');
  return popup;
}

/** Opens the options page, as the extension menu does; like the popup, its load is not awaited. */
export async function openFirefoxOptions(firefox: FirefoxWithExtension): Promise<Page> {
  const options = await firefox.browser.newPage();
  await options.goto(`moz-extension://${extensionUuid}/src/options/options.html`, { timeout: 3_000 }).catch(() => undefined);
  await waitForText(options, 'Workspace and account');
  return options;
}

/** `pollingMs` for a page in the background, which gets no animation frames to poll on. */
export async function waitForText(page: Page, text: string, timeout = 30_000, pollingMs?: number): Promise<void> {
  await page.waitForFunction((expected) => document.body?.innerText.includes(expected), { timeout, ...(pollingMs ? { polling: pollingMs } : {}) }, text);
}
