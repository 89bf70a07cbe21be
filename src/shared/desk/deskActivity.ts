import { calendarDay } from '../autoReply/activity.ts';

/**
 * What the desk did, and what it could not do, kept per account so the
 * options page can list it with its reasons: answers posted, questions solved
 * by the asker's 👍, and failures with what the server said.
 */
export type DeskActivityKind = 'answered' | 'solved-by-feedback' | 'reminded' | 'welcomed' | 'reported' | 'failed';

export interface DeskActivityEntry {
  readonly kind: DeskActivityKind;
  readonly at: number;
  /** The question the entry is about; for a welcome, the message of the person joining. */
  readonly questionId: string;
  readonly channelId: string;
  /** Who asked; for a welcome, who joined. */
  readonly askerId: string;
  /** The rule that answered (1-based). */
  readonly ruleNumber?: number;
  /** For reminders: which of the question's reminders, and whom it mentioned. */
  readonly reminderNumber?: number;
  readonly onDutyId?: string;
  /** For failures: what was being done. */
  readonly action?: 'answer' | 'mark-solved' | 'remind' | 'welcome' | 'report' | 'team';
  /** For a welcome: sent as a direct message because a message only they see was refused (the reason is in `reason`). */
  readonly deliveredAs?: 'direct-message';
  /** For a weekly report: the first day of the week it covers. */
  readonly reportWeek?: string;
  /** For failures: what the server or the network said; for an answer, what failed after it was posted (the check for a twin, the unread marker). */
  readonly reason?: string;
  /** Done when the tab caught up (after a reload, a reconnect, a frozen spell), not as the post came. */
  readonly late?: boolean;
}

export const maxDeskActivityEntries = 200;

const kinds: ReadonlySet<string> = new Set<DeskActivityKind>(['answered', 'solved-by-feedback', 'reminded', 'welcomed', 'reported', 'failed']);

/** What a success did, to clear an earlier failure of the same for the same question. */
const successActions: Partial<Record<DeskActivityKind, DeskActivityEntry['action']>> = {
  answered: 'answer',
  'solved-by-feedback': 'mark-solved',
  reminded: 'remind',
  welcomed: 'welcome',
};

/** Newest first; an entry replaces an earlier one of the same kind (and reminder, or failed action) for the same question; the oldest go beyond the cap. */
export function appendDeskActivity(entries: readonly DeskActivityEntry[], entry: DeskActivityEntry): DeskActivityEntry[] {
  const same = (known: DeskActivityEntry) =>
    known.questionId === entry.questionId && known.kind === entry.kind && known.reminderNumber === entry.reminderNumber && known.action === entry.action;
  // Done after all (a later try, a catch-up): its failure is no longer news.
  const action = successActions[entry.kind];
  const failedBefore = (known: DeskActivityEntry) => action !== undefined && known.kind === 'failed' && known.action === action && known.questionId === entry.questionId;
  const others = entries.filter((known) => !same(known) && !failedBefore(known));
  return [entry, ...others].sort((a, b) => b.at - a.at).slice(0, maxDeskActivityEntries);
}

/** The list without the failures of one action: what the desk does again now, such as reading the team's group. */
export function withoutFailuresOf(entries: readonly DeskActivityEntry[], action: NonNullable<DeskActivityEntry['action']>): DeskActivityEntry[] {
  return entries.filter((entry) => !(entry.kind === 'failed' && entry.action === action));
}

export function parseDeskActivity(stored: unknown): DeskActivityEntry[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter(
    (entry): entry is DeskActivityEntry =>
      typeof entry === 'object' &&
      entry !== null &&
      kinds.has((entry as DeskActivityEntry).kind) &&
      typeof (entry as DeskActivityEntry).at === 'number' &&
      typeof (entry as DeskActivityEntry).questionId === 'string' &&
      typeof (entry as DeskActivityEntry).channelId === 'string' &&
      typeof (entry as DeskActivityEntry).askerId === 'string',
  );
}

export interface DeskDaySummary {
  readonly answered: number;
  readonly reminded: number;
  readonly solvedByFeedback: number;
  readonly failed: number;
}

/** Today's figures, "today" being the calendar day of `now` in `timeZone`. */
export function summarizeDeskDay(entries: readonly DeskActivityEntry[], now: number, timeZone: string): DeskDaySummary {
  const dayOf = calendarDay(timeZone);
  const today = dayOf(now);
  const counts = { answered: 0, reminded: 0, solvedByFeedback: 0, failed: 0 };
  for (const entry of entries) {
    if (dayOf(entry.at) !== today) continue;
    if (entry.kind === 'answered') counts.answered += 1;
    else if (entry.kind === 'solved-by-feedback') counts.solvedByFeedback += 1;
    else if (entry.kind === 'reminded') counts.reminded += 1;
    else if (entry.kind === 'welcomed' || entry.kind === 'reported') continue;
    else counts.failed += 1;
  }
  return counts;
}
