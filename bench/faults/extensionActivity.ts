// The extension's activity list (what the popup shows under auto-reply), read
// from storage.local through the service worker. The list keeps the newest
// 200 entries, so over a run of hundreds of messages it is read every few
// seconds and every entry seen is kept: an entry the popup listed counts even
// after newer replies pushed it out.
import type { Worker } from '@playwright/test';
import type { ExtensionBrowser } from '../../tests/e2e/extension.ts';
import type { ListedActivity } from './messageOutcome.ts';

export interface ActivityWatch {
  /** Reads the list now and adds what is new. */
  refresh(): Promise<void>;
  /** Every entry seen so far. */
  entries(): ListedActivity[];
  stop(): void;
}

/** The service worker, woken by opening an extension page when Chromium had stopped it. */
async function liveServiceWorker(browser: ExtensionBrowser): Promise<Worker> {
  const ours = () => browser.context.serviceWorkers().find((worker) => worker.url().startsWith(`chrome-extension://${browser.extensionId}/`));
  const running = ours();
  if (running) return running;
  const page = await browser.context.newPage();
  try {
    const started = browser.context.waitForEvent('serviceworker', { timeout: 10_000 });
    await page.goto(`chrome-extension://${browser.extensionId}/src/popup/popup.html`);
    return ours() ?? (await started);
  } finally {
    await page.close();
  }
}

async function readActivity(browser: ExtensionBrowser, userId: string): Promise<ListedActivity[]> {
  const suffix = `:account:${userId}:activity`;
  const read = async () =>
    (await liveServiceWorker(browser)).evaluate(async (keySuffix) => {
      const stored = await chrome.storage.local.get(null);
      return Object.entries(stored)
        .filter(([key]) => key.startsWith('autoReply:') && key.endsWith(keySuffix))
        .flatMap(([, value]) => (Array.isArray(value) ? (value as unknown[]) : []));
    }, suffix);
  // A worker Chromium stops while it is being asked is asked again once.
  const stored = await read().catch(read);
  return stored.flatMap((entry) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { kind, postId, reason } = entry as Record<string, unknown>;
    if (typeof kind !== 'string' || typeof postId !== 'string') return [];
    return [{ kind, postId, ...(typeof reason === 'string' ? { reason } : {}) }];
  });
}

export function watchActivity(browser: ExtensionBrowser, userId: string, everyMs: number): ActivityWatch {
  const seen = new Map<string, ListedActivity>();
  let reading: Promise<void> | undefined;
  const refresh = () => {
    reading ??= readActivity(browser, userId)
      .then((entries) => {
        for (const entry of entries) seen.set(`${entry.kind}:${entry.postId}`, entry);
      })
      .finally(() => (reading = undefined));
    return reading;
  };
  const timer = setInterval(() => {
    refresh().catch((error: unknown) => console.error('  could not read the activity list:', error instanceof Error ? error.message : error));
  }, everyMs);
  return {
    refresh,
    entries: () => [...seen.values()],
    stop: () => clearInterval(timer),
  };
}
