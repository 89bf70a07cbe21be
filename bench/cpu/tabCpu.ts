// CPU used by a tab's main thread between start and stop, from the DevTools
// protocol: the renderer's own task and script durations (Performance
// metrics), and a sampled profile that tells the extension's share (its
// isolated-world content script and its page-world observer) from the
// webapp's.
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { summariseProfile, type CpuProfile } from './cpuProfile.ts';

export interface TabCpu {
  /** Main-thread task time, ms (Performance.getMetrics TaskDuration). */
  readonly taskMs: number;
  /** Script execution time, ms (ScriptDuration). */
  readonly scriptMs: number;
  /** Sampled time in code of the extension's scripts, ms. */
  readonly extensionScriptMs: number;
  /** Sampled busy time of the main thread, ms. */
  readonly sampledBusyMs: number;
}

type Metrics = Map<string, number>;

const samplingIntervalUs = 1000;

export async function startTabCpu(context: BrowserContext, tab: Page, extensionId: string): Promise<{ stop(): Promise<TabCpu> }> {
  const session = await context.newCDPSession(tab);
  await session.send('Performance.enable');
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: samplingIntervalUs });
  const before = await metrics(session);
  await session.send('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.send('Profiler.stop');
      const after = await metrics(session);
      await session.detach();
      const summary = summariseProfile(profile as CpuProfile, (url) => url.startsWith(`chrome-extension://${extensionId}/`));
      const delta = (name: string) => ((after.get(name) ?? 0) - (before.get(name) ?? 0)) * 1000;
      return { taskMs: delta('TaskDuration'), scriptMs: delta('ScriptDuration'), extensionScriptMs: summary.oursMs, sampledBusyMs: summary.busyMs };
    },
  };
}

async function metrics(session: CDPSession): Promise<Metrics> {
  const { metrics: list } = await session.send('Performance.getMetrics');
  return new Map(list.map((metric) => [metric.name, metric.value]));
}
