// CPU used by the extension's service worker. Playwright opens CDP sessions
// on pages and frames only, and a worker target has no Performance domain
// (Performance.getMetrics answers "'Performance.getMetrics' wasn't found"),
// so the worker is reached through a page session's Target domain
// (attachToTarget without flattening, commands relayed with
// sendMessageToTarget) and measured with the sampling profiler: the time its
// thread was not idle.
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { summariseProfile, type CpuProfile } from './cpuProfile.ts';

export interface WorkerCpu {
  /** Sampled time the worker's thread was busy, ms. */
  readonly busyMs: number;
  /** How long the profile ran, ms. */
  readonly spanMs: number;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

interface RelayedAnswer {
  id?: number;
  result?: unknown;
  error?: { message: string };
}

const samplingIntervalUs = 200;

export async function startWorkerCpu(context: BrowserContext, anyPage: Page, extensionId: string): Promise<{ stop(): Promise<WorkerCpu> }> {
  const session = await context.newCDPSession(anyPage);
  const { targetInfos } = (await session.send('Target.getTargets' as never)) as { targetInfos: TargetInfo[] };
  const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.startsWith(`chrome-extension://${extensionId}/`));
  if (!worker) throw new Error('The extension has no running service worker to measure.');
  const send = await attachRelay(session, worker.targetId);
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: samplingIntervalUs });
  await send('Profiler.start');
  return {
    async stop() {
      const { profile } = (await send('Profiler.stop')) as { profile: CpuProfile };
      await session.detach();
      const { busyMs, spanMs } = summariseProfile(profile, () => true);
      return { busyMs, spanMs };
    },
  };
}

async function attachRelay(session: CDPSession, targetId: string): Promise<(method: string, params?: object) => Promise<unknown>> {
  const { sessionId } = (await session.send('Target.attachToTarget' as never, { targetId, flatten: false } as never)) as { sessionId: string };
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  session.on('Target.receivedMessageFromTarget' as never, (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const answer = JSON.parse(event.message) as RelayedAnswer;
    const waiter = answer.id === undefined ? undefined : waiting.get(answer.id);
    if (!waiter || answer.id === undefined) return;
    waiting.delete(answer.id);
    if (answer.error) waiter.reject(new Error(answer.error.message));
    else waiter.resolve(answer.result);
  });
  let lastId = 0;
  return (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = ++lastId;
      waiting.set(id, { resolve, reject });
      session
        .send('Target.sendMessageToTarget' as never, { sessionId, message: JSON.stringify({ id, method, params }) } as never)
        .catch((error: unknown) => {
          waiting.delete(id);
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
}
