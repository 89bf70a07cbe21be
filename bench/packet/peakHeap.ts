// The peak of a tab's JavaScript heap while something runs, sampled through
// the DevTools protocol (Performance.getMetrics, JSHeapUsedSize) every
// 100 ms. The heap is the page's and the extension's isolated world's
// together: they share one V8 isolate, and its heap limit is what a packet
// built in the tab must stay well within.
import type { Page } from '@playwright/test';

const sampleEveryMs = 100;

export interface HeapWatch {
  /** Stops sampling; the highest JSHeapUsedSize seen, in bytes. */
  stop(): Promise<number>;
}

export async function watchPeakHeap(page: Page): Promise<HeapWatch> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  let peak = 0;
  let sampling = true;
  const sample = async () => {
    const { metrics } = await session.send('Performance.getMetrics');
    peak = Math.max(peak, metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0);
  };
  const loop = (async () => {
    while (sampling) {
      await sample();
      await new Promise((resolve) => setTimeout(resolve, sampleEveryMs));
    }
  })();
  return {
    async stop() {
      sampling = false;
      await loop;
      await sample();
      await session.detach();
      return peak;
    },
  };
}
