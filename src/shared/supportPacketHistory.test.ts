import { describe, expect, it } from 'vitest';
import { packetHistoryLength, parsePacketHistory, withFinishedJob } from './supportPacketHistory.ts';
import type { PacketJobState } from './supportPacketJob.ts';

const ready = (startedAt: number): PacketJobState => ({
  state: 'ready',
  startedAt,
  finishedAt: startedAt + 5,
  fileName: `packet-${startedAt}.zip`,
  sizeBytes: 1_000,
  files: [],
  warnings: ['mattermost.log: the server log is empty'],
  redactPersonalData: true,
});

describe('the support packet history', () => {
  it('lists finished packets newest first, a saved one once', () => {
    let history = withFinishedJob([], ready(1));
    history = withFinishedJob(history, { state: 'running', step: 'log', progress: 0.5, startedAt: 2 });
    history = withFinishedJob(history, { state: 'failed', startedAt: 2, finishedAt: 3, error: 'HTTP 403' });
    const saved = ready(1);
    if (saved.state === 'ready') history = withFinishedJob(history, { ...saved, state: 'saved' });
    expect(history.map((entry) => [entry.startedAt, entry.outcome, entry.notes])).toEqual([
      [2, 'failed', ['HTTP 403']],
      [1, 'saved', ['mattermost.log: the server log is empty']],
    ]);
  });

  it('keeps a bounded number of packets', () => {
    let history = withFinishedJob([], ready(0));
    for (let at = 1; at < packetHistoryLength + 5; at += 1) history = withFinishedJob(history, ready(at));
    expect(history).toHaveLength(packetHistoryLength);
    expect(history[0]?.startedAt).toBe(packetHistoryLength + 4);
  });

  it('drops stored entries that are not well-formed', () => {
    expect(parsePacketHistory([{ startedAt: 1, finishedAt: 2, outcome: 'saved', notes: [] }, { startedAt: 'x' }, null])).toHaveLength(1);
    expect(parsePacketHistory('nonsense')).toEqual([]);
  });
});
