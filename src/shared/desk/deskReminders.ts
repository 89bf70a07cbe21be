import { deskTeamIds } from './deskAnswers.ts';
import { deskProp, deskReminderProp, type DeskPost } from './deskPosts.ts';
import type { DeskSettings } from './deskSettings.ts';

/**
 * Reminders to the person on duty, decided from a question's thread as the
 * server has it: a question with no reply from the team for the reminder
 * delay gets one, then another only after the same delay since the last,
 * up to the most allowed, within the desk's working hours, never once solved.
 * Several tabs or devices reading the same thread decide the same number.
 */

export type ReminderDecision =
  | { readonly kind: 'remind'; /** 1 for the first reminder of the question. */ readonly number: number }
  | { readonly kind: 'wait'; readonly until: number }
  | { readonly kind: 'outside-hours' }
  | { readonly kind: 'leave'; readonly reason: 'reminders-off' | 'not-a-question' | 'solved' | 'reminded-enough' };

const minute = 60_000;

/** When the team last showed up in the thread (or the question came, or the last reminder went out). */
export function lastTeamActivity(thread: readonly DeskPost[], question: DeskPost, team: ReadonlySet<string>): number {
  let last = question.createAt;
  for (const post of thread) {
    if (post.rootId !== question.id) continue;
    const byTeam = post.deskKind === undefined && post.type === '' && !post.automated && team.has(post.userId);
    if (byTeam || post.deskKind === 'reminder') last = Math.max(last, post.createAt);
  }
  return last;
}

export function decideReminder(thread: readonly DeskPost[], questionId: string, settings: DeskSettings, runnerId: string, now: number): ReminderDecision {
  if (!settings.reminders.enabled) return { kind: 'leave', reason: 'reminders-off' };
  const question = thread.find((post) => post.id === questionId);
  const team = deskTeamIds(settings, runnerId);
  if (!question || question.rootId !== '' || question.type !== '' || question.automated || question.deskKind !== undefined || team.has(question.userId)) {
    return { kind: 'leave', reason: 'not-a-question' };
  }
  if (question.reactions.some((reaction) => reaction.emojiName === settings.solvedEmoji && team.has(reaction.userId))) return { kind: 'leave', reason: 'solved' };
  const sent = new Set(thread.filter((post) => post.rootId === questionId && post.deskKind === 'reminder').map((post) => post.reminderNumber ?? 0));
  const count = Math.max(sent.size, ...sent);
  if (count >= settings.reminders.atMost) return { kind: 'leave', reason: 'reminded-enough' };
  const due = lastTeamActivity(thread, question, team) + settings.reminders.afterMinutes * minute;
  if (now < due) return { kind: 'wait', until: due };
  if (!withinDeskHours(now, settings.hours, settings.timeZone)) return { kind: 'outside-hours' };
  return { kind: 'remind', number: count + 1 };
}

const weekdayNumbers: Readonly<Record<string, number>> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** Whether `now` falls on a working day of the desk, from `start` up to (not including) `end`, in its time zone. */
export function withinDeskHours(now: number, hours: DeskSettings['hours'], timeZone: string): boolean {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    clockFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(now).map((part) => [part.type, part.value]));
  const weekday = weekdayNumbers[parts.weekday ?? ''] ?? -1;
  const clock = `${parts.hour}:${parts.minute}`;
  return hours.workingDays.includes(weekday) && clock >= hours.start && clock < hours.end;
}

/** Of reminders with the same number in a thread (two devices), the earliest stays: the ids of this account's later ones. */
export function laterRemindersOf(thread: readonly DeskPost[], questionId: string, number: number, runnerId: string): string[] {
  const twins = thread
    .filter((post) => post.rootId === questionId && post.deskKind === 'reminder' && post.reminderNumber === number)
    .sort((a, b) => a.createAt - b.createAt || a.id.localeCompare(b.id));
  return twins.slice(1).filter((post) => post.userId === runnerId).map((post) => post.id);
}

export function reminderProps(number: number): Record<string, string> {
  return { [deskProp]: 'reminder', [deskReminderProp]: String(number) };
}
