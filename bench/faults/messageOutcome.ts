// What became of each message sent during the fault-injection run. Every
// message is the first in a conversation nobody has answered, so the
// expected outcome is one auto-reply; the only acceptable alternative is an
// entry in the extension's activity list that tells the user why there was
// none. Anything else is a message silently lost.

export interface MessageToCheck {
  readonly postId: string;
}

/** An auto-reply found on the server: a post by the user carrying `companion_auto_reply_to`. */
export interface FoundAutoReply {
  /** The message it answers (the prop's value). */
  readonly answers: string;
  readonly rootId: string;
}

/** An entry of the extension's activity list, as stored. */
export interface ListedActivity {
  readonly kind: string;
  readonly postId: string;
  readonly reason?: string;
}

export type Outcome = 'answered once' | 'answered more than once' | 'listed with a reason' | 'silently lost';

export interface MessageVerdict {
  readonly postId: string;
  readonly outcome: Outcome;
  readonly replies: number;
  /** Replies posted outside the message's thread. */
  readonly outsideThread: number;
  /** Answered, yet also listed as failed. */
  readonly answeredButListedFailed: boolean;
}

export interface OutcomeCounts {
  readonly messages: number;
  readonly answeredOnce: number;
  readonly listedWithReason: number;
  readonly silentlyLost: number;
  /** Messages answered more than once. */
  readonly duplicated: number;
  /** Replies beyond the first, added up over all messages. */
  readonly extraReplies: number;
  readonly repliesOutsideThread: number;
  readonly answeredButListedFailed: number;
}

/**
 * An entry tells the user why a message got no reply: a failure with the
 * server's reason, or a message listed as missed ("arrived while offline",
 * which the popup says for that kind; such entries carry no reason field).
 */
export function statesWhyUnanswered(entry: ListedActivity): boolean {
  if (entry.kind === 'missed') return true;
  return entry.kind === 'failed' && typeof entry.reason === 'string' && entry.reason.trim() !== '';
}

export function classifyMessage(message: MessageToCheck, replies: readonly FoundAutoReply[], activity: readonly ListedActivity[]): MessageVerdict {
  const own = replies.filter((reply) => reply.answers === message.postId);
  const listed = activity.filter((entry) => entry.postId === message.postId);
  const outcome: Outcome =
    own.length === 1
      ? 'answered once'
      : own.length > 1
        ? 'answered more than once'
        : listed.some(statesWhyUnanswered)
          ? 'listed with a reason'
          : 'silently lost';
  return {
    postId: message.postId,
    outcome,
    replies: own.length,
    outsideThread: own.filter((reply) => reply.rootId !== message.postId).length,
    answeredButListedFailed: own.length > 0 && listed.some((entry) => entry.kind === 'failed'),
  };
}

export function countOutcomes(verdicts: readonly MessageVerdict[]): OutcomeCounts {
  const withOutcome = (outcome: Outcome) => verdicts.filter((verdict) => verdict.outcome === outcome).length;
  return {
    messages: verdicts.length,
    answeredOnce: withOutcome('answered once'),
    listedWithReason: withOutcome('listed with a reason'),
    silentlyLost: withOutcome('silently lost'),
    duplicated: withOutcome('answered more than once'),
    extraReplies: verdicts.reduce((sum, verdict) => sum + Math.max(0, verdict.replies - 1), 0),
    repliesOutsideThread: verdicts.reduce((sum, verdict) => sum + verdict.outsideThread, 0),
    answeredButListedFailed: verdicts.filter((verdict) => verdict.answeredButListedFailed).length,
  };
}
