// What one run measures and how much of it: the full run of the issue, or
// `--quick` with small counts for CI. `--only latency,packet` picks figures.
import { join } from 'node:path';
import { repoRoot } from '../scripts/mattermost/paths.ts';
import type { BurstOptions } from './burst/burst.ts';
import type { DeskAnalysisOptions } from './desk/deskAnalysisTiming.ts';
import type { FaultsOptions } from './faults/faultInjection.ts';
import type { Fault } from './faults/faultSchedule.ts';
import type { LatencyOptions } from './latency/replyLatency.ts';
import type { PacketOptions } from './packet/packetTiming.ts';

export const benchmarkNames = ['latency', 'burst', 'packet', 'footprint', 'faults', 'desk'] as const;
export type BenchmarkName = (typeof benchmarkNames)[number];

export interface BenchOptions {
  readonly mode: 'full' | 'quick';
  readonly only: ReadonlySet<BenchmarkName>;
  /** Where results.json and results.md go: bench/ for a full run, bench/tmp/ (git-ignored) for a quick one. */
  readonly outDir: string;
  readonly latency: LatencyOptions;
  readonly burst: BurstOptions;
  readonly packet: PacketOptions;
  readonly footprint: { readonly conversations: number; readonly reloads: number };
  readonly faults: FaultsOptions;
  readonly desk: DeskAnalysisOptions;
}

/** One round of every kind of fault; the leader reload comes while a second tab could take over. */
const faultRound = (seconds: { offline: number; errors: number; limited: number; retryAfter: number }): Fault[] => [
  { kind: 'tab-offline', durationMs: seconds.offline * 1_000 },
  { kind: 'server-errors', durationMs: seconds.errors * 1_000, status: 503 },
  { kind: 'second-tab-open' },
  { kind: 'answering-tab-reload' },
  { kind: 'rate-limited', durationMs: seconds.limited * 1_000, retryAfterSeconds: seconds.retryAfter },
  { kind: 'server-restart' },
  { kind: 'second-tab-close' },
];

const full: Omit<BenchOptions, 'mode' | 'only' | 'outDir'> = {
  latency: { messages: 200, replyTimeoutMs: 15_000 },
  burst: { senders: 200, messages: 1_000, sendConcurrency: 20, answerTimeoutMs: 180_000, quietMs: 5_000 },
  packet: { shareOfRotationSize: 0.97, runs: 3 },
  footprint: { conversations: 100_000, reloads: 9 },
  faults: {
    messages: 300,
    senders: 25,
    sendSpanMs: 540_000,
    // A round of short faults, within the retries' budget (six attempts over about 30 s), then one of long ones:
    // the tab offline past the 30 s after which it gives up the lead (to the second tab, open then), errors and rate limits past the retries.
    faults: [
      ...faultRound({ offline: 20, errors: 15, limited: 15, retryAfter: 5 }),
      { kind: 'second-tab-open' },
      { kind: 'tab-offline', durationMs: 60_000 },
      { kind: 'server-errors', durationMs: 45_000, status: 500 },
      { kind: 'answering-tab-reload' },
      { kind: 'rate-limited', durationMs: 40_000, retryAfterSeconds: 15 },
      { kind: 'second-tab-close' },
      { kind: 'server-restart' },
      { kind: 'server-errors', durationMs: 30_000, status: 502 },
    ],
    instantAllowanceMs: 10_000,
    settleTimeoutMs: 180_000,
    quietMs: 10_000,
  },
  desk: { posts: 50_000 },
};

const quick: typeof full = {
  latency: { messages: 10, replyTimeoutMs: 15_000 },
  burst: { senders: 10, messages: 50, sendConcurrency: 10, answerTimeoutMs: 60_000, quietMs: 3_000 },
  packet: { shareOfRotationSize: 0.01, runs: 1 },
  footprint: { conversations: 1_000, reloads: 3 },
  faults: {
    messages: 36,
    senders: 8,
    sendSpanMs: 100_000,
    // One round, its server errors lasting beyond the retries' budget, as the long round of the full run does.
    faults: faultRound({ offline: 8, errors: 35, limited: 6, retryAfter: 3 }),
    instantAllowanceMs: 6_000,
    settleTimeoutMs: 40_000,
    quietMs: 5_000,
  },
  desk: { posts: 1_000 },
};

export function parseBenchOptions(args: readonly string[]): BenchOptions {
  const unknown = args.filter((arg) => arg !== '--quick' && !arg.startsWith('--only='));
  if (unknown.length > 0) throw new Error(`Unknown argument ${unknown.join(' ')}. Usage: npm run bench -- [--quick] [--only=${benchmarkNames.join(',')}]`);
  const quickRun = args.includes('--quick');
  const onlyArg = args.find((arg) => arg.startsWith('--only='));
  const only = onlyArg ? onlyArg.slice('--only='.length).split(',') : [...benchmarkNames];
  const wrong = only.filter((name) => !(benchmarkNames as readonly string[]).includes(name));
  if (wrong.length > 0) throw new Error(`--only takes ${benchmarkNames.join(', ')}; not ${wrong.join(', ')}.`);
  return {
    mode: quickRun ? 'quick' : 'full',
    only: new Set(only as BenchmarkName[]),
    outDir: quickRun ? join(repoRoot, 'bench', 'tmp') : join(repoRoot, 'bench'),
    ...(quickRun ? quick : full),
  };
}
