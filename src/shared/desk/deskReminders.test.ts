import { describe, expect, it } from 'vitest';
import type { DeskPost } from './deskPosts.ts';
import { decideReminder, laterRemindersOf, withinDeskHours } from './deskReminders.ts';
import { defaultDeskSettings, type DeskSettings } from './deskSettings.ts';

const runner = 'runner00000000000000000000';
const teammate = 'teammate000000000000000000';
const asker = 'asker000000000000000000000';
const minute = 60_000;
// Wednesday 2026-11-25, 10:00 UTC.
const start = Date.UTC(2026, 10, 25, 10, 0);

const settings: DeskSettings = {
  ...defaultDeskSettings,
  team: { userIds: [runner, teammate], groupId: null },
  reminders: { enabled: true, afterMinutes: 60, atMost: 2 },
  hours: { workingDays: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' },
  timeZone: 'UTC',
};

function post(overrides: Partial<DeskPost> = {}): DeskPost {
  return { id: 'q1', userId: asker, rootId: '', createAt: start, message: 'Help', type: '', automated: false, deskKind: undefined, reactions: [], ...overrides };
}
const question = post();
const reminder = (number: number, at: number, id = `rem${number}`): DeskPost => post({ id, rootId: 'q1', userId: runner, createAt: at, deskKind: 'reminder', reminderNumber: number });

describe('reminders to the person on duty', () => {
  it('waits for the delay since the team last replied, then reminds, then again after the delay, up to the most', () => {
    expect(decideReminder([question], 'q1', settings, runner, start + 59 * minute)).toEqual({ kind: 'wait', until: start + 60 * minute });
    expect(decideReminder([question], 'q1', settings, runner, start + 60 * minute)).toEqual({ kind: 'remind', number: 1 });
    // The asker's own follow-up is no activity of the team; a team reply is.
    const followUp = post({ id: 'f1', rootId: 'q1', createAt: start + 30 * minute });
    expect(decideReminder([question, followUp], 'q1', settings, runner, start + 60 * minute)).toEqual({ kind: 'remind', number: 1 });
    const teamReply = post({ id: 't1', rootId: 'q1', userId: teammate, createAt: start + 30 * minute });
    expect(decideReminder([question, teamReply], 'q1', settings, runner, start + 60 * minute)).toEqual({ kind: 'wait', until: start + 90 * minute });
    // The desk's automatic answer is not the team showing up.
    const answer = post({ id: 'a1', rootId: 'q1', userId: runner, createAt: start + 1_000, deskKind: 'answer' });
    expect(decideReminder([question, answer], 'q1', settings, runner, start + 60 * minute)).toEqual({ kind: 'remind', number: 1 });

    const first = reminder(1, start + 60 * minute);
    expect(decideReminder([question, first], 'q1', settings, runner, start + 100 * minute)).toEqual({ kind: 'wait', until: start + 120 * minute });
    expect(decideReminder([question, first], 'q1', settings, runner, start + 120 * minute)).toEqual({ kind: 'remind', number: 2 });
    expect(decideReminder([question, first, reminder(2, start + 120 * minute)], 'q1', settings, runner, start + 600 * minute)).toEqual({ kind: 'leave', reason: 'reminded-enough' });
    // Two twins of the first reminder still count as one.
    expect(decideReminder([question, first, reminder(1, start + 61 * minute, 'twin')], 'q1', settings, runner, start + 121 * minute)).toEqual({ kind: 'remind', number: 2 });
  });

  it('never reminds once solved by the team, for the team’s own posts, or when reminders are off', () => {
    const solved = post({ reactions: [{ userId: teammate, emojiName: 'white_check_mark', createAt: start + minute }] });
    expect(decideReminder([solved], 'q1', settings, runner, start + 61 * minute)).toEqual({ kind: 'leave', reason: 'solved' });
    const selfSolved = post({ reactions: [{ userId: asker, emojiName: 'white_check_mark', createAt: start + minute }] });
    expect(decideReminder([selfSolved], 'q1', settings, runner, start + 61 * minute)).toMatchObject({ kind: 'remind' });
    expect(decideReminder([post({ userId: teammate })], 'q1', settings, runner, start + 61 * minute)).toEqual({ kind: 'leave', reason: 'not-a-question' });
    expect(decideReminder([], 'q1', settings, runner, start + 61 * minute)).toEqual({ kind: 'leave', reason: 'not-a-question' });
    const off = { ...settings, reminders: { ...settings.reminders, enabled: false } };
    expect(decideReminder([question], 'q1', off, runner, start + 61 * minute)).toEqual({ kind: 'leave', reason: 'reminders-off' });
  });

  it('keeps to the working days and hours, in the desk’s time zone', () => {
    expect(decideReminder([question], 'q1', settings, runner, Date.UTC(2026, 10, 25, 18, 0))).toEqual({ kind: 'outside-hours' });
    expect(withinDeskHours(Date.UTC(2026, 10, 25, 17, 59), settings.hours, 'UTC')).toBe(true);
    expect(withinDeskHours(Date.UTC(2026, 10, 25, 8, 59), settings.hours, 'UTC')).toBe(false);
    // Saturday.
    expect(withinDeskHours(Date.UTC(2026, 10, 28, 12, 0), settings.hours, 'UTC')).toBe(false);
    // 02:00 UTC on Wednesday is 10:00 in Shanghai.
    expect(withinDeskHours(Date.UTC(2026, 10, 25, 2, 0), settings.hours, 'Asia/Shanghai')).toBe(true);
    // 23:00 UTC on Friday is Saturday 07:00 in Shanghai.
    expect(withinDeskHours(Date.UTC(2026, 10, 27, 23, 0), settings.hours, 'Asia/Shanghai')).toBe(false);
  });

  it('keeps the earliest of twin reminders: the runner deletes only its own later ones', () => {
    const thread = [question, reminder(1, start + 60 * minute, 'b'), reminder(1, start + 60 * minute, 'a'), reminder(1, start + 61 * minute, 'c'), reminder(2, start + 130 * minute)];
    expect(laterRemindersOf(thread, 'q1', 1, runner)).toEqual(['b', 'c']);
    expect(laterRemindersOf(thread, 'q1', 2, runner)).toEqual([]);
  });
});
