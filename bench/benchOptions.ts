// What one run measures and how much of it: the full run of the issue, or
// `--quick` with small counts for CI. `--only latency,packet` picks figures.
import { join } from 'node:path';
import { repoRoot } from '../scripts/mattermost/paths.ts';
import type { BurstOptions } from './burst/burst.ts';
import type { LatencyOptions } from './latency/replyLatency.ts';
import type { PacketOptions } from './packet/packetTiming.ts';

export const benchmarkNames = ['latency', 'burst', 'packet', 'footprint'] as const;
export type BenchmarkName = (typeof benchmarkNames)[number];

export interface BenchOptions {
  readonly mode: 'full' | 'quick';
  readonly only: ReadonlySet<BenchmarkName>;
  /** Where results.json and results.md go: bench/ for a full run, bench/tmp/ (git-ignored) for a quick one. */
  readonly outDir: string;
  readonly latency: LatencyOptions;
  readonly burst: BurstOptions;
  readonly packet: PacketOptions;
  readonly footprint: { readonly conversations: number };
}

const full = {
  latency: { messages: 200, replyTimeoutMs: 15_000 },
  burst: { senders: 200, messages: 1_000, sendConcurrency: 20, answerTimeoutMs: 180_000, quietMs: 5_000 },
  packet: { shareOfRotationSize: 0.97, runs: 3 },
  footprint: { conversations: 100_000 },
};

const quick: typeof full = {
  latency: { messages: 10, replyTimeoutMs: 15_000 },
  burst: { senders: 10, messages: 50, sendConcurrency: 10, answerTimeoutMs: 60_000, quietMs: 3_000 },
  packet: { shareOfRotationSize: 0.01, runs: 1 },
  footprint: { conversations: 1_000 },
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
