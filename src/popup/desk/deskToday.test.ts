import { describe, expect, it } from 'vitest';
import type { DeskActivityEntry } from '../../shared/desk/deskActivity.ts';
import { defaultDeskSettings, type DeskSettings } from '../../shared/desk/deskSettings.ts';
import { deskToday } from './deskToday.ts';

// Noon on 5 March in Tokyo, 03:00 in UTC.
const now = Date.parse('2025-03-05T03:00:00Z');
const entry = (kind: DeskActivityEntry['kind'], at: number): DeskActivityEntry => ({ kind, at, questionId: `q${at}`, channelId: 'c', askerId: 'a' });
const valid = (settings: Partial<DeskSettings>) => ({ ok: true, settings: { ...defaultDeskSettings, ...settings } }) as const;

describe('the desk in the popup', () => {
  it('is not mentioned while everything is off', () => {
    expect(deskToday(valid({}), [entry('answered', now)], now)).toEqual({ kind: 'off' });
  });

  it.each([
    ['answers', { enabled: true }],
    ['reminders', { reminders: { ...defaultDeskSettings.reminders, enabled: true } }],
    ['the welcome', { welcome: { ...defaultDeskSettings.welcome, enabled: true } }],
    ['the weekly report', { weeklyReport: { ...defaultDeskSettings.weeklyReport, enabled: true, channelId: 'c'.repeat(26) } }],
  ])('is on with %s switched on', (_, settings: Partial<DeskSettings>) => {
    expect(deskToday(valid(settings), [], now)).toEqual({ kind: 'on', day: { answered: 0, reminded: 0, solvedByFeedback: 0, failed: 0 } });
  });

  it('is never said to be on from stored settings that do not validate', () => {
    const stored = { ok: false, settings: defaultDeskSettings, problems: [{ path: 'timeZone', code: 'needs-time-zone' }] } as const;
    expect(deskToday(stored, [entry('answered', now)], now)).toEqual({ kind: 'needs-attention' });
  });

  it("counts today's work and failures in the desk's time zone, not welcomes or reports", () => {
    const entries = [
      entry('answered', now),
      entry('reminded', now),
      entry('solved-by-feedback', now),
      entry('failed', now),
      entry('welcomed', now),
      entry('reported', now),
      // 00:30 on 5 March in Tokyo, though still 4 March in UTC.
      entry('answered', Date.parse('2025-03-04T15:30:00Z')),
      // 23:30 on 4 March in Tokyo.
      entry('answered', Date.parse('2025-03-04T14:30:00Z')),
    ];
    expect(deskToday(valid({ enabled: true, timeZone: 'Asia/Tokyo' }), entries, now)).toEqual({
      kind: 'on',
      day: { answered: 2, reminded: 1, solvedByFeedback: 1, failed: 1 },
    });
  });
});
