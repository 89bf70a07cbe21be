// The extension saves a packet through the downloads API from its service
// worker, not from a page, so Playwright sees no download event: the worker
// is asked for the browser's downloads instead.
import type { ExtensionBrowser } from '../../tests/e2e/extension.ts';
import { sleep } from '../support/concurrency.ts';

export interface SavedDownload {
  readonly bytes: number;
}

/** The id of the newest download so far, or -1. */
export function newestDownloadId(browser: ExtensionBrowser): Promise<number> {
  return browser.serviceWorker.evaluate(async () => (await chrome.downloads.search({ orderBy: ['-startTime'], limit: 1 }))[0]?.id ?? -1);
}

/** Waits for a download newer than `afterId` to complete. */
export async function completedDownloadAfter(browser: ExtensionBrowser, afterId: number, timeoutMs: number): Promise<SavedDownload> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const newest = await browser.serviceWorker.evaluate(async () => {
      const [item] = await chrome.downloads.search({ orderBy: ['-startTime'], limit: 1 });
      return item && { id: item.id, state: item.state, bytes: item.fileSize };
    });
    if (newest && newest.id !== afterId && newest.state === 'complete') return { bytes: newest.bytes };
    if (newest && newest.id !== afterId && newest.state === 'interrupted') throw new Error('Saving the packet was interrupted.');
    if (Date.now() > deadline) throw new Error(`No saved packet appeared in the downloads within ${timeoutMs / 1000} s.`);
    await sleep(100);
  }
}
