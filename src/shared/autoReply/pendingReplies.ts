import type { ChannelType, PostFacts } from './replyPolicy.ts';

/**
 * Messages whose answer could not be worked out or sent because the server
 * could not be reached (no answer, 5xx, 429 after the request's own retries).
 * Kept in storage per account, so a reload or reconnect does not forget them,
 * and tried again with growing pauses until they are answered or, after
 * `giveUpAfterMs`, listed in the popup with the span the server was away.
 */

/** A message that might deserve a reply, from the socket or from catching up. */
export interface CandidatePost {
  readonly post: PostFacts;
  readonly channelId: string;
  readonly channelType: ChannelType;
  /** The channel's team; empty for direct and group messages. */
  readonly teamId: string;
  /** When the tab first saw the message; its age for the "too old" rule counts up to here. */
  readonly seenAt: number;
  /** Seen at catch-up rather than as it came. */
  readonly late: boolean;
  /** The sender's name as the socket gave it, for listing the message when the server cannot be asked. */
  readonly senderHint?: string;
}

export interface PendingReply {
  readonly candidate: CandidatePost;
  readonly firstFailedAt: number;
  readonly lastFailedAt: number;
  readonly attempts: number;
  readonly nextAttemptAt: number;
  /** What the last attempt ran into, in the server's or the network's words. */
  readonly reason: string;
}

const second = 1_000;
const minute = 60 * second;
export const giveUpAfterMs = 10 * minute;
const firstPauseMs = 15 * second;
const longestPauseMs = 2 * minute;
/** Storage stays small even when the server is away during a busy hour. */
export const maxPendingReplies = 500;

export interface FailureOutcome {
  readonly pending: PendingReply[];
  /** Tried for longer than `giveUpAfterMs`: to be listed, no longer retried. */
  readonly givenUp?: PendingReply;
}

/** Records one more failed attempt for a message: it is retried later, or given up once the server has been away too long. */
export function afterFailure(pending: readonly PendingReply[], candidate: CandidatePost, reason: string, now: number): FailureOutcome {
  const known = pending.find((entry) => entry.candidate.post.id === candidate.post.id);
  const others = pending.filter((entry) => entry !== known);
  const attempts = (known?.attempts ?? 0) + 1;
  const entry: PendingReply = {
    candidate,
    firstFailedAt: known?.firstFailedAt ?? now,
    lastFailedAt: now,
    attempts,
    nextAttemptAt: now + Math.min(firstPauseMs * 2 ** (attempts - 1), longestPauseMs),
    reason,
  };
  if (now - entry.firstFailedAt >= giveUpAfterMs) return { pending: others, givenUp: entry };
  const kept = [...others, entry].sort((a, b) => a.candidate.post.createAt - b.candidate.post.createAt);
  // Past the cap the oldest message is given up at once rather than dropped.
  if (kept.length > maxPendingReplies) {
    const [oldest, ...rest] = kept;
    return { pending: rest, ...(oldest ? { givenUp: oldest } : {}) };
  }
  return { pending: kept };
}

export function duePendingReplies(pending: readonly PendingReply[], now: number): PendingReply[] {
  return pending.filter((entry) => entry.nextAttemptAt <= now);
}

/** After an outcome other than "unreachable": answered, skipped or refused. */
export function withoutPending(pending: readonly PendingReply[], postId: string): PendingReply[] {
  return pending.filter((entry) => entry.candidate.post.id !== postId);
}

export function parsePendingReplies(stored: unknown): PendingReply[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter(
    (entry): entry is PendingReply =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as PendingReply).candidate?.post?.id === 'string' &&
      typeof (entry as PendingReply).candidate.channelId === 'string' &&
      typeof (entry as PendingReply).firstFailedAt === 'number' &&
      typeof (entry as PendingReply).nextAttemptAt === 'number' &&
      typeof (entry as PendingReply).attempts === 'number',
  );
}
