// The longest task on the main thread of a tab's renderer, in CPU time and
// wall time, from a DevTools trace. On a loaded machine the Long Tasks API's
// wall time also counts the time the thread waited for a core; the CPU time
// says how long the page's own work held the thread.
import type { Page } from '@playwright/test';

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string; readonly data?: { readonly frames?: ReadonlyArray<{ readonly url?: string; readonly processId?: number }> } };
}

export interface LongestTask {
  readonly cpuMs: number;
  readonly wallMs: number;
}

export interface TaskTrace {
  stop(): Promise<LongestTask>;
}

export async function traceTasks(page: Page, pageOrigin: string): Promise<TaskTrace> {
  const session = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  // Playwright types trace events as string maps; their fields are numbers and objects.
  session.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
  await session.send('Tracing.start', { categories: 'toplevel,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  return {
    async stop() {
      const complete = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
      await session.send('Tracing.end');
      await complete;
      await session.detach();
      return longestMainThreadTask(events, pageOrigin);
    },
  };
}

function longestMainThreadTask(events: readonly TraceEvent[], pageOrigin: string): LongestTask {
  const frames = events.flatMap((event) => event.args?.data?.frames ?? []);
  const pid = frames.find((frame) => frame.url?.startsWith(pageOrigin))?.processId;
  const mainThread = events.find((event) => event.ph === 'M' && event.name === 'thread_name' && event.pid === pid && event.args?.name === 'CrRendererMain')?.tid;
  let longest: LongestTask = { cpuMs: 0, wallMs: 0 };
  for (const event of events) {
    if (event.pid !== pid || event.tid !== mainThread || !event.name.includes('RunTask')) continue;
    const cpuMs = (event.tdur ?? 0) / 1000;
    if (cpuMs > longest.cpuMs) longest = { cpuMs, wallMs: (event.dur ?? 0) / 1000 };
  }
  return longest;
}
