// What the content script costs each Mattermost page load: the main-thread
// time V8 spends compiling and running it, from a DevTools trace of a reload
// of a tab on a workspace where Companion is enabled.
import type { Page } from '@playwright/test';
import { server } from '../../tests/e2e/mattermost.ts';
import { enableCompanion, openMattermostAs } from '../../tests/e2e/workflows.ts';
import { newExtensionBrowser } from '../actors/companionInTab.ts';
import { median } from '../report/stats.ts';

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly dur?: number;
  readonly args?: { readonly data?: { readonly url?: string }; readonly fileName?: string };
}

export interface ScriptLoadTime {
  /** Median over the reloads, in ms. */
  readonly compileMs: number;
  /** Compile and first run together. */
  readonly evaluateMs: number;
  readonly reloads: number;
}

const compileEvents = new Set(['v8.compile', 'V8.CompileCode', 'v8.compileModule', 'v8.parseOnBackground']);
/** Compile and top-level run together; functions compiled lazily as they first run count here. */
const evaluateEvents = new Set(['EvaluateScript']);

/** Compile and run time of the scripts whose URL ends with one of `scriptPaths`, per reload of the page. */
export async function measureScriptLoadTime(scriptPaths: readonly string[], reloads: number): Promise<ScriptLoadTime> {
  const browser = await newExtensionBrowser();
  try {
    const tab = await openMattermostAs(browser, server.users.alice, server.users.bob.username);
    const popup = await enableCompanion(browser, tab);
    await popup.close();
    const isOurs = (url: string | undefined) => url !== undefined && url.startsWith(`chrome-extension://${browser.extensionId}/`) && scriptPaths.some((path) => url.endsWith(path));
    const compile: number[] = [];
    const run: number[] = [];
    for (let reload = 0; reload < reloads; reload += 1) {
      const events = await traceReload(tab);
      const total = (names: Set<string>) =>
        events.filter((event) => names.has(event.name) && event.ph === 'X' && isOurs(event.args?.data?.url ?? event.args?.fileName)).reduce((sum, event) => sum + (event.dur ?? 0), 0) / 1000;
      compile.push(total(compileEvents));
      run.push(total(evaluateEvents));
    }
    return { compileMs: median(compile) ?? 0, evaluateMs: median(run) ?? 0, reloads };
  } finally {
    await browser.dispose();
  }
}

async function traceReload(tab: Page): Promise<TraceEvent[]> {
  const session = await tab.context().newCDPSession(tab);
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
  await session.send('Tracing.start', { categories: 'devtools.timeline,v8,disabled-by-default-v8.compile', transferMode: 'ReportEvents' });
  await tab.reload({ waitUntil: 'load' });
  await tab.waitForTimeout(2_000);
  const complete = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
  await session.send('Tracing.end');
  await complete;
  await session.detach();
  return events;
}
