// The machine and the versions a run measured, for the results' header.
import { readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import os from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../scripts/mattermost/paths.ts';

export interface Environment {
  readonly date: string;
  readonly mode: 'full' | 'quick';
  readonly machine: {
    readonly cpu: string;
    readonly cores: number;
    readonly memoryGiB: number;
    /** 1-minute load average when the run started and when it ended: above the core count, something else competed for the CPUs. */
    readonly loadAverage: { readonly start: number; readonly end: number };
  };
  readonly versions: {
    readonly chromium: string;
    readonly node: string;
    readonly mattermost: string;
    readonly extension: string;
  };
}

export function loadAverageNow(): number {
  return os.loadavg()[0] ?? 0;
}

export async function describeEnvironment(input: {
  mode: Environment['mode'];
  startedAt: Date;
  loadAtStart: number;
  mattermostVersionId: string;
}): Promise<Environment> {
  const manifest = JSON.parse(await readFile(join(repoRoot, 'dist', 'chrome', 'manifest.json'), 'utf8')) as { version: string };
  return {
    date: input.startedAt.toISOString(),
    mode: input.mode,
    machine: {
      cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
      cores: os.cpus().length,
      memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
      loadAverage: { start: input.loadAtStart, end: loadAverageNow() },
    },
    versions: {
      chromium: await chromiumVersion(),
      node: process.version,
      mattermost: input.mattermostVersionId,
      extension: manifest.version,
    },
  };
}

/** The version of the Chromium the benchmarks drive (the one the end-to-end tests use). */
async function chromiumVersion(): Promise<string> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    return browser.version();
  } finally {
    await browser.close();
  }
}
