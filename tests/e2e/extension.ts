import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { watchWebappSocket } from './webappSocket.ts';

export const extensionDir = path.resolve(import.meta.dirname, '../../dist/chrome-e2e');

/** Chromium with the extension loaded, in a profile that lives as long as the test wants. */
export interface ExtensionBrowser {
  readonly context: BrowserContext;
  readonly extensionId: string;
  readonly serviceWorker: Worker;
  readonly profileDir: string;
  close(): Promise<void>;
}

export async function makeProfileDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'companion-e2e-profile-'));
}

export async function removeProfileDir(profileDir: string): Promise<void> {
  await rm(profileDir, { recursive: true, force: true });
}

export async function launchExtensionBrowser(profileDir: string): Promise<ExtensionBrowser> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  // Every tab's socket is followed from its first request, so tests can wait for the webapp's `hello`.
  context.on('page', watchWebappSocket);
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, extensionId, serviceWorker, profileDir, close: () => context.close() };
}

/** The browser's id for the tab showing `page`, found by its (unique) URL. */
export async function tabIdOf(browser: ExtensionBrowser, page: Page): Promise<number> {
  const url = page.url();
  const tabId = await browser.serviceWorker.evaluate(async (pageUrl) => {
    const [tab] = await chrome.tabs.query({ url: pageUrl });
    return tab?.id;
  }, url);
  if (tabId === undefined) throw new Error(`no tab shows ${url}`);
  return tabId;
}

/** Opens the popup as a page acting on the given tab, as a keyboard user or a test does. */
export async function openPopupFor(browser: ExtensionBrowser, page: Page): Promise<Page> {
  const tabId = await tabIdOf(browser, page);
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/popup.html?tab=${tabId}`);
  return popup;
}

/** Each registered script as `<world> <match pattern>`, sorted. */
export async function registeredContentScripts(browser: ExtensionBrowser): Promise<string[]> {
  const scripts = await browser.serviceWorker.evaluate(async () =>
    (await chrome.scripting.getRegisteredContentScripts()).flatMap((script) =>
      (script.matches ?? []).map((match) => `${script.world ?? 'ISOLATED'} ${match}`),
    ),
  );
  return scripts.sort();
}

/** Whether the extension's content script answers in the tab showing `page`. */
export async function contentScriptAnswers(browser: ExtensionBrowser, page: Page): Promise<boolean> {
  const tabId = await tabIdOf(browser, page);
  return browser.serviceWorker.evaluate(async (id) => {
    try {
      const answer: unknown = await chrome.tabs.sendMessage(id, { companion: 'describeSession', payload: null });
      return answer !== undefined;
    } catch {
      return false;
    }
  }, tabId);
}
