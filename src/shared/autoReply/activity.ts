/**
 * What auto-reply did, kept per workspace so the popup can show it: replies
 * sent, replies that finally failed, and messages it chose not to answer
 * because they arrived while the tab was disconnected for too long.
 */
export type ActivityKind = 'replied' | 'failed' | 'missed';

export interface ActivityEntry {
  readonly kind: ActivityKind;
  readonly at: number;
  /** The message that was (or was not) answered. */
  readonly postId: string;
  readonly channelId: string;
  readonly senderName: string;
  /** For failures: what the server or the network said. */
  readonly reason?: string;
  /** Answered when the tab caught up (after a reload, a reconnect or a frozen spell), not as the message came. */
  readonly late?: boolean;
  /** Replied, but the conversation could not be left unread: why. */
  readonly unreadNotKept?: string;
  /** For failures after retries: the span in which the server could not be reached. */
  readonly unreachableFrom?: number;
  readonly unreachableUntil?: number;
}

/** Activity is capped so storage stays small; the oldest entries go first. */
export const maxActivityEntries = 200;

export function appendActivity(entries: readonly ActivityEntry[], entry: ActivityEntry): ActivityEntry[] {
  const withoutSamePost = entries.filter((known) => !(known.postId === entry.postId && known.kind === entry.kind));
  const all = [entry, ...withoutSamePost].sort((a, b) => b.at - a.at);
  // Over the cap the oldest replies go first: a message that got no answer stays listed longest.
  for (let index = all.length - 1; all.length > maxActivityEntries && index >= 0; index -= 1) {
    if (all[index]?.kind === 'replied') all.splice(index, 1);
  }
  return all.slice(0, maxActivityEntries);
}

export interface DailyCount {
  /** YYYY-MM-DD in the given time zone. */
  readonly day: string;
  readonly replies: number;
}

/** Replies per day for the last `days` days, oldest first, days without replies included. */
/** YYYY-MM-DD of a moment in the time zone. */
export function calendarDay(timeZone: string): (at: number) => string {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (at) => format.format(at);
}

export function repliesPerDay(entries: readonly ActivityEntry[], now: number, days: number, timeZone: string): DailyCount[] {
  const dayOf = calendarDay(timeZone);
  const counts = new Map<string, number>();
  for (let offset = days - 1; offset >= 0; offset -= 1) counts.set(dayOf(now - offset * 86_400_000), 0);
  for (const entry of entries) {
    const day = dayOf(entry.at);
    if (entry.kind === 'replied' && counts.has(day)) counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return [...counts].map(([day, replies]) => ({ day, replies }));
}

export function parseActivity(stored: unknown): ActivityEntry[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter(
    (entry): entry is ActivityEntry =>
      typeof entry === 'object' &&
      entry !== null &&
      ['replied', 'failed', 'missed'].includes((entry as ActivityEntry).kind) &&
      typeof (entry as ActivityEntry).at === 'number' &&
      typeof (entry as ActivityEntry).postId === 'string' &&
      typeof (entry as ActivityEntry).channelId === 'string',
  );
}

export interface ActivitySummary {
  readonly repliedToday: number;
  /** Messages given up on or missed today: each still needs the user. */
  readonly notAnsweredToday: number;
}

/** Today's figures, "today" being the calendar day of `now` in `timeZone`. */
export function summarizeToday(entries: readonly ActivityEntry[], now: number, timeZone: string): ActivitySummary {
  const dayOf = calendarDay(timeZone);
  const today = dayOf(now);
  let repliedToday = 0;
  let notAnsweredToday = 0;
  for (const entry of entries) {
    if (dayOf(entry.at) !== today) continue;
    if (entry.kind === 'replied') repliedToday += 1;
    else notAnsweredToday += 1;
  }
  return { repliedToday, notAnsweredToday };
}

export type ActivityFilter = 'all' | ActivityKind;

export function filterActivity(entries: readonly ActivityEntry[], filter: ActivityFilter, text: string): ActivityEntry[] {
  const needle = text.trim().toLowerCase();
  return entries.filter((entry) => (filter === 'all' || entry.kind === filter) && (needle === '' || entry.senderName.toLowerCase().includes(needle)));
}

/** Messages of today that got no reply, newest first: the popup names the first few, so a failure is never only a count. */
export function unansweredToday(entries: readonly ActivityEntry[], now: number, timeZone: string, limit: number): ActivityEntry[] {
  const dayOf = calendarDay(timeZone);
  const today = dayOf(now);
  return entries.filter((entry) => entry.kind !== 'replied' && dayOf(entry.at) === today).slice(0, limit);
}
