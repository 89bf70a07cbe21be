// Carries out a fault schedule against the answering tab, its browser, the
// proxy in front of the server and the server itself, and records when each
// fault really began and ended. A fault that cannot be carried out is
// recorded with the reason; the run goes on.
import type { Page } from '@playwright/test';
import { restartMattermostServer } from '../../scripts/mattermost/lifecycle.ts';
import { actAsDesktopApp } from '../../tests/e2e/desktopApp.ts';
import type { ExtensionBrowser } from '../../tests/e2e/extension.ts';
import { directMessageUrl, server } from '../../tests/e2e/mattermost.ts';
import { cutTabNetwork, restoreTabNetwork, waitForSocketHello } from '../../tests/e2e/webappSocket.ts';
import { sleep } from '../support/concurrency.ts';
import type { FaultProxy } from './faultProxy.ts';
import { describeFault, plannedDurationMs, type Fault, type InjectedFault, type ScheduledFault } from './faultSchedule.ts';

export interface FaultTargets {
  readonly browser: ExtensionBrowser;
  /** The tab Companion was switched on in. */
  readonly answeringTab: Page;
  readonly proxy: FaultProxy;
}

export interface FaultRun {
  /** Resolves once every fault is over, with what was carried out. */
  readonly done: Promise<InjectedFault[]>;
}

/** Starts the schedule now, `startedAt` (performance.now()) being the time of the first message. */
export function runFaults(schedule: readonly ScheduledFault[], targets: FaultTargets, startedAt: number): FaultRun {
  const elapsed = () => performance.now() - startedAt;
  const injected: InjectedFault[] = [];
  let secondTab: Page | undefined;

  const carryOut = async (fault: Fault): Promise<void> => {
    const { browser, answeringTab, proxy } = targets;
    switch (fault.kind) {
      case 'tab-offline': {
        // The webapp would notice only by a ping going unanswered; a dropped connection it notices at once.
        await cutTabNetwork(answeringTab, () => proxy.dropSockets());
        await sleep(fault.durationMs);
        await restoreTabNetwork(answeringTab);
        return;
      }
      case 'server-errors':
      case 'rate-limited': {
        proxy.answerRestWith(fault.kind === 'rate-limited' ? { status: 429, retryAfterSeconds: fault.retryAfterSeconds } : { status: fault.status });
        try {
          await sleep(fault.durationMs);
        } finally {
          proxy.answerRestWith(undefined);
        }
        return;
      }
      case 'server-restart':
        await restartMattermostServer();
        return;
      case 'answering-tab-reload':
        await waitForSocketHello(answeringTab, () => answeringTab.reload());
        return;
      case 'second-tab-open': {
        const tab = await browser.context.newPage();
        secondTab = tab;
        await actAsDesktopApp(tab);
        await waitForSocketHello(tab, () => tab.goto(directMessageUrl(server.users.bob.username, proxy.url)));
        return;
      }
      case 'second-tab-close':
        await secondTab?.close();
        secondTab = undefined;
        return;
    }
  };

  const done = (async () => {
    for (const { fault, startMs } of schedule) {
      const wait = startMs - elapsed();
      if (wait > 0) await sleep(wait);
      const begun = elapsed();
      console.log(`  ${(begun / 1000).toFixed(0)} s: ${describeFault(fault)}`);
      try {
        await carryOut(fault);
        injected.push({ fault, startMs: begun, endMs: Math.max(elapsed(), begun + plannedDurationMs(fault)) });
      } catch (error) {
        const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
        console.error(`  could not carry out "${describeFault(fault)}": ${reason}`);
        injected.push({ fault, startMs: begun, endMs: elapsed(), error: reason });
      }
    }
    // Whatever happened above, nothing stays faulty for the settle period.
    targets.proxy.answerRestWith(undefined);
    await restoreTabNetwork(targets.answeringTab).catch(() => undefined);
    await secondTab?.close().catch(() => undefined);
    return injected;
  })();
  return { done };
}
