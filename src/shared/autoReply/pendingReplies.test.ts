import { describe, expect, it } from 'vitest';
import { afterFailure, duePendingReplies, giveUpAfterMs, maxPendingReplies, parsePendingReplies, withoutPending, type CandidatePost } from './pendingReplies.ts';

const candidate = (id: string, createAt = 1_000): CandidatePost => ({
  post: { id, userId: 'bob', rootId: '', type: '', message: 'Hi', createAt, props: {} },
  channelId: 'dm',
  channelType: 'D',
  teamId: '',
  seenAt: createAt,
  late: false,
});

describe('the retry queue', () => {
  it('waits longer after each failure, up to two minutes', () => {
    let pending = afterFailure([], candidate('p1'), 'No answer from the server', 0).pending;
    expect(pending).toMatchObject([{ attempts: 1, nextAttemptAt: 15_000, firstFailedAt: 0, reason: 'No answer from the server' }]);
    pending = afterFailure(pending, candidate('p1'), 'HTTP 503: down', 20_000).pending;
    expect(pending).toMatchObject([{ attempts: 2, nextAttemptAt: 50_000, firstFailedAt: 0, lastFailedAt: 20_000, reason: 'HTTP 503: down' }]);
    for (let attempt = 3; attempt <= 8; attempt += 1) pending = afterFailure(pending, candidate('p1'), 'x', 100_000).pending;
    expect(pending[0]?.nextAttemptAt).toBe(100_000 + 120_000);
  });

  it('gives a message up, to be listed, once the server has been away too long', () => {
    const first = afterFailure([], candidate('p1'), 'No answer', 60_000).pending;
    const still = afterFailure(first, candidate('p1'), 'No answer', 60_000 + giveUpAfterMs - 1);
    expect(still.givenUp).toBeUndefined();
    const over = afterFailure(still.pending, candidate('p1'), 'HTTP 502', 60_000 + giveUpAfterMs);
    expect(over.pending).toEqual([]);
    expect(over.givenUp).toMatchObject({ firstFailedAt: 60_000, lastFailedAt: 60_000 + giveUpAfterMs, reason: 'HTTP 502' });
  });

  it('hands out only messages whose pause is over, and forgets answered ones', () => {
    let pending = afterFailure([], candidate('p1'), 'x', 0).pending;
    pending = afterFailure(pending, candidate('p2'), 'x', 10_000).pending;
    expect(duePendingReplies(pending, 16_000).map((entry) => entry.candidate.post.id)).toEqual(['p1']);
    expect(withoutPending(pending, 'p1').map((entry) => entry.candidate.post.id)).toEqual(['p2']);
  });

  it('past its cap gives up the oldest message rather than dropping it', () => {
    let pending = Array.from({ length: maxPendingReplies }, (_, index) => candidate(`p${index + 1}`, 10 + index)).reduce(
      (queue, entry) => afterFailure(queue, entry, 'x', 0).pending,
      [] as ReturnType<typeof afterFailure>['pending'],
    );
    const overflow = afterFailure(pending, candidate('new', 99_999), 'x', 0);
    pending = overflow.pending;
    expect(pending).toHaveLength(maxPendingReplies);
    expect(overflow.givenUp?.candidate.post.id).toBe('p1');
  });

  it('reads back only well-formed entries from storage', () => {
    const good = afterFailure([], candidate('p1'), 'x', 0).pending;
    expect(parsePendingReplies([...good, { candidate: {} }, 'junk'])).toEqual(good);
    expect(parsePendingReplies(undefined)).toEqual([]);
  });
});
