import { describe, expect, it } from 'vitest';
import { absenceEnd, hasScheduleEnded, isAutoReplyActive, isWorkingTime } from './schedule.ts';

const officeHours = {
  kind: 'outside-working-hours' as const,
  timeZone: 'Asia/Shanghai',
  workingDays: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '18:00',
};
// Monday 23 November 2026 in Shanghai (UTC+8).
const shanghai = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour - 8, minute);

describe('schedule', () => {
  it('is always on when switched on without a schedule', () => {
    expect(isAutoReplyActive({ enabled: true, schedule: { kind: 'always' } }, 0)).toBe(true);
  });

  it('is off whatever the schedule while switched off', () => {
    expect(isAutoReplyActive({ enabled: false, schedule: { kind: 'always' } }, 0)).toBe(false);
  });

  it('is on until the chosen time, and then has ended', () => {
    const schedule = { kind: 'until' as const, until: 1000 };
    expect(isAutoReplyActive({ enabled: true, schedule }, 999)).toBe(true);
    expect(isAutoReplyActive({ enabled: true, schedule }, 1000)).toBe(false);
    expect(hasScheduleEnded(schedule, 999)).toBe(false);
    expect(hasScheduleEnded(schedule, 1000)).toBe(true);
  });

  it('answers outside working hours in the chosen time zone', () => {
    expect(isAutoReplyActive({ enabled: true, schedule: officeHours }, shanghai(23, 10))).toBe(false);
    expect(isAutoReplyActive({ enabled: true, schedule: officeHours }, shanghai(23, 8, 59))).toBe(true);
    expect(isAutoReplyActive({ enabled: true, schedule: officeHours }, shanghai(23, 18))).toBe(true);
    // Saturday
    expect(isAutoReplyActive({ enabled: true, schedule: officeHours }, shanghai(28, 10))).toBe(true);
  });

  it('handles working hours that run past midnight', () => {
    const nightShift = { ...officeHours, start: '22:00', end: '06:00', workingDays: [1] };
    expect(isWorkingTime(nightShift, shanghai(23, 23))).toBe(true);
    expect(isWorkingTime(nightShift, shanghai(24, 5, 59))).toBe(true);
    expect(isWorkingTime(nightShift, shanghai(24, 6))).toBe(false);
    expect(isWorkingTime(nightShift, shanghai(24, 23))).toBe(false);
  });

  it('knows when the absence ends', () => {
    expect(absenceEnd({ kind: 'always' }, 0)).toBeUndefined();
    expect(absenceEnd({ kind: 'until', until: 5 }, 0)).toBe(5);
    // Friday evening: back on Monday morning.
    expect(absenceEnd(officeHours, shanghai(27, 19, 17))).toBe(shanghai(30, 9));
  });
});
