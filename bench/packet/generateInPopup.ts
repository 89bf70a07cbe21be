// One support packet generated through the popup as an admin would: set
// "Redact personal data", press "Generate support packet", wait for "Save
// packet", save it. The time is taken inside the popup, from the click to
// the moment this packet's Save button appears.
import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from '../../tests/e2e/extension.ts';
import { longestTaskMs, watchLongTasks } from './longTasks.ts';
import { watchPeakHeap } from './peakHeap.ts';
import { traceTasks, type LongestTask } from './taskTrace.ts';
import { completedDownloadAfter, newestDownloadId } from './savedDownload.ts';

declare global {
  interface Window {
    companionBenchPacket?: { clickedAt?: number; saveShownAtClick: boolean; progressSeen: boolean; readyAt?: number };
  }
}

export interface GeneratedPacket {
  readonly ms: number;
  readonly popupLongestTaskMs: number;
  readonly tabLongestTaskMs: number;
  /** The tab's longest main-thread task by CPU time, from a DevTools trace, with its wall time. */
  readonly tabLongestTask: LongestTask;
  /** The tab's peak JavaScript heap from the click to the Save button, in bytes. */
  readonly tabPeakHeapBytes: number;
  readonly fileName: string;
  readonly bytes: number;
}

export async function generatePacketInPopup(
  browser: ExtensionBrowser,
  popup: Page,
  tab: Page,
  options: { redact: boolean; timeoutMs: number },
): Promise<GeneratedPacket> {
  const redact = popup.getByRole('checkbox', { name: 'Redact personal data' });
  const generate = popup.getByRole('button', { name: 'Generate support packet' });
  const save = popup.getByRole('button', { name: 'Save packet' });
  await generate.waitFor();
  await redact.setChecked(options.redact);

  await watchLongTasks(popup);
  await watchLongTasks(tab);
  // No named functions in here: the TypeScript loader would wrap them in a __name helper the page lacks.
  await popup.evaluate(() => {
    const marks: NonNullable<Window['companionBenchPacket']> = { saveShownAtClick: false, progressSeen: false };
    window.companionBenchPacket = marks;
    document.addEventListener(
      'click',
      (event) => {
        if (marks.clickedAt !== undefined || !(event.target instanceof Element)) return;
        if (event.target.closest('button')?.textContent?.trim() !== 'Generate support packet') return;
        marks.clickedAt = performance.now();
        marks.saveShownAtClick = [...document.querySelectorAll('button')].some((button) => button.textContent?.trim() === 'Save packet');
      },
      true,
    );
    new MutationObserver(() => {
      if (marks.clickedAt === undefined || marks.readyAt !== undefined) return;
      if (document.querySelector('[role="progressbar"], progress')) marks.progressSeen = true;
      // A Save button left from the previous packet does not count: the new one comes after the progress bar.
      else if (marks.progressSeen || !marks.saveShownAtClick) {
        if ([...document.querySelectorAll('button')].some((button) => button.textContent?.trim() === 'Save packet')) marks.readyAt = performance.now();
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });

  const heap = await watchPeakHeap(tab);
  const trace = await traceTasks(tab, new URL(tab.url()).origin);
  await generate.click();
  await popup.waitForFunction(() => window.companionBenchPacket?.readyAt !== undefined, undefined, { timeout: options.timeoutMs, polling: 100 });
  const tabPeakHeapBytes = await heap.stop();
  const tabLongestTask = await trace.stop();
  const marks = await popup.evaluate(() => window.companionBenchPacket);
  const popupLongestTaskMs = await longestTaskMs(popup);
  const tabLongestTaskMs = await longestTaskMs(tab);

  const downloadsBefore = await newestDownloadId(browser);
  await save.click();
  const saved = await completedDownloadAfter(browser, downloadsBefore, 60_000);
  // Playwright keeps downloads under generated names; the name the extension chose is in the popup.
  const notice = (await popup.getByText(/Saved to your downloads as /).textContent()) ?? '';
  return {
    ms: (marks?.readyAt ?? 0) - (marks?.clickedAt ?? 0),
    popupLongestTaskMs,
    tabLongestTaskMs,
    tabPeakHeapBytes,
    tabLongestTask,
    fileName: notice.replace(/^.* as /, '').replace(/\.$/, ''),
    bytes: saved.bytes,
  };
}
