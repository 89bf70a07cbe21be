import type { PacketJobState } from './supportPacketJob.ts';

/** One packet generated on a workspace, as the options page lists it. */
export interface PacketHistoryEntry {
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly outcome: 'ready' | 'saved' | 'failed' | 'cancelled';
  readonly fileName?: string;
  readonly sizeBytes?: number;
  readonly redactPersonalData?: boolean;
  /** Files left out or incomplete, or why the packet failed. */
  readonly notes: readonly string[];
}

export const packetHistoryLength = 20;

/** The history with a finished job in it, newest first: a packet saved after it was ready stays one entry. */
export function withFinishedJob(history: readonly PacketHistoryEntry[], job: PacketJobState): PacketHistoryEntry[] {
  if (job.state === 'running') return [...history];
  const entry: PacketHistoryEntry =
    job.state === 'ready' || job.state === 'saved'
      ? {
          startedAt: job.startedAt,
          finishedAt: job.finishedAt,
          outcome: job.state,
          fileName: job.fileName,
          sizeBytes: job.sizeBytes,
          redactPersonalData: job.redactPersonalData,
          notes: job.warnings,
        }
      : { startedAt: job.startedAt, finishedAt: job.finishedAt, outcome: job.state, notes: job.state === 'failed' ? [job.error] : [] };
  return [entry, ...history.filter((known) => known.startedAt !== job.startedAt)].sort((a, b) => b.startedAt - a.startedAt).slice(0, packetHistoryLength);
}

export function parsePacketHistory(stored: unknown): PacketHistoryEntry[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter(
    (entry): entry is PacketHistoryEntry =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as PacketHistoryEntry).startedAt === 'number' &&
      typeof (entry as PacketHistoryEntry).finishedAt === 'number' &&
      ['ready', 'saved', 'failed', 'cancelled'].includes((entry as PacketHistoryEntry).outcome) &&
      Array.isArray((entry as PacketHistoryEntry).notes),
  );
}
