// The longest main-thread task of a page from now on, from the Long Tasks
// API (tasks of 50 ms and more). Registered from the page's main world, it
// also sees tasks of the extension's isolated world, which shares the thread.
import type { Page } from '@playwright/test';

declare global {
  interface Window {
    companionBenchLongestTaskMs?: number;
  }
}

export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.companionBenchLongestTaskMs = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.companionBenchLongestTaskMs = Math.max(window.companionBenchLongestTaskMs ?? 0, entry.duration);
      }
    }).observe({ type: 'longtask' });
  });
}

/** The longest task seen since watchLongTasks, in ms; 0 when none reached 50 ms. */
export function longestTaskMs(page: Page): Promise<number> {
  return page.evaluate(() => window.companionBenchLongestTaskMs ?? 0);
}
