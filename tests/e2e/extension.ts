import { mkdtemp, rm, writeFile } from 'node:fs/promises';
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

export interface LaunchOptions {
  /** Runs the whole browser with its wall clock shifted, as libfaketime reads it: `+20m`, `-20m`. */
  readonly clockShift?: string;
}

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const faketimeLibrary = '/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1';

/**
 * A launcher that starts Chromium under libfaketime. Monotonic clocks stay
 * real so timers behave, and libfaketime's rewrite of monotonic condition
 * waits stays off: with it, Chromium spins for a minute before it starts.
 */
async function shiftedClockChromium(profileDir: string, shift: string): Promise<string> {
  const launcher = path.join(profileDir, 'chromium-with-shifted-clock.sh');
  await writeFile(
    launcher,
    [
      '#!/bin/sh',
      `export LD_PRELOAD=${faketimeLibrary}`,
      `export FAKETIME=${shift}`,
      'export FAKETIME_DONT_FAKE_MONOTONIC=1',
      'export FAKETIME_FORCE_MONOTONIC_FIX=0',
      `exec ${chromiumPath} "$@"`,
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
  return launcher;
}

export async function launchExtensionBrowser(profileDir: string, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: options.clockShift ? await shiftedClockChromium(profileDir, options.clockShift) : chromiumPath,
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

/** The toolbar badge the extension shows on the tab showing `page`. */
export async function badgeText(browser: ExtensionBrowser, page: Page): Promise<string> {
  const tabId = await tabIdOf(browser, page);
  return browser.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Whether the browser may discard the tab showing `page` to save memory. */
export async function isAutoDiscardable(browser: ExtensionBrowser, page: Page): Promise<boolean | undefined> {
  const tabId = await tabIdOf(browser, page);
  return browser.serviceWorker.evaluate(async (id) => (await chrome.tabs.get(id)).autoDiscardable, tabId);
}

/**
 * Starts the extension's isolated-world script in an already-open page, as a
 * browser does after an extension update or an enable without reload: the
 * page's WebSocket is already open, so the script never sees it.
 */
export async function startContentScriptInOpenPage(browser: ExtensionBrowser, page: Page): Promise<void> {
  const tabId = await tabIdOf(browser, page);
  await browser.serviceWorker.evaluate(async (id) => {
    const [registered] = await chrome.scripting.getRegisteredContentScripts({ ids: ['companion-mattermost'] });
    if (!registered?.js) throw new Error('the content script is not registered');
    await chrome.scripting.executeScript({ target: { tabId: id }, files: registered.js });
  }, tabId);
}
