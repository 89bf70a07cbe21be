// CPU time the operating system charged to the renderer processes of one
// Chromium profile (Linux /proc): unlike the DevTools task durations, which
// are wall-clock spans and stretch when other programs hold the CPUs, this is
// time actually spent computing, on every thread of the process.
import { execFileSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';

export interface RendererProcess {
  readonly pid: number;
  /** Chromium marks the process that runs an extension's service worker and pages with --extension-process. */
  readonly extension: boolean;
}

/** Renderers of the browser's own interface (--top-chrome-webui) are neither the tab nor the extension. */
const browserInterface = '--top-chrome-webui';

const clockTicksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** The renderer processes of the browser that uses `profileDir`. */
export async function rendererProcesses(profileDir: string): Promise<RendererProcess[]> {
  const found: RendererProcess[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    // Chromium rewrites its process title, which leaves the arguments joined by spaces rather than NULs.
    const args = (await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '')).split(/[\0 ]/);
    if (!args.includes('--type=renderer') || !args.includes(`--user-data-dir=${profileDir}`) || args.includes(browserInterface)) continue;
    found.push({ pid: Number(entry), extension: args.includes('--extension-process') });
  }
  return found;
}

/** User plus system CPU time of the processes, ms; a process that has exited counts 0. */
export async function cpuTimeMs(pids: readonly number[]): Promise<number> {
  let ticks = 0;
  for (const pid of pids) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
    if (stat === undefined) continue;
    ticks += processTicks(stat);
  }
  return (ticks / clockTicksPerSecond) * 1000;
}

/** utime + stime from a /proc/<pid>/stat line (fields 14 and 15, counted after the parenthesised name). */
export function processTicks(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

export interface ProfileCpu {
  /** CPU time of the page renderers (with one tab open: the tab's, and an idle spare), ms. */
  readonly tabMs: number;
  /** CPU time of the extension's process, ms. */
  readonly extensionMs: number;
}

/** Starts counting the profile's renderer CPU time; `stop` gives what each side used since. */
export async function startProfileCpu(profileDir: string): Promise<{ stop(): Promise<ProfileCpu> }> {
  const processes = await rendererProcesses(profileDir);
  const pidsOf = (extension: boolean) => processes.filter((process) => process.extension === extension).map((process) => process.pid);
  const before = { tab: await cpuTimeMs(pidsOf(false)), extension: await cpuTimeMs(pidsOf(true)) };
  return {
    async stop() {
      return { tabMs: (await cpuTimeMs(pidsOf(false))) - before.tab, extensionMs: (await cpuTimeMs(pidsOf(true))) - before.extension };
    },
  };
}
