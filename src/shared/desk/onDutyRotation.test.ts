import { describe, expect, it } from 'vitest';
import { localCalendar } from './localCalendar.ts';
import { onDutyPeriodAt } from './onDutyRotation.ts';

const utc = localCalendar('UTC');
const shanghai = localCalendar('Asia/Shanghai');

describe('on-duty rotation', () => {
  it('goes through the team week by week from the weekday of its first day', () => {
    const rotation = { kind: 'rotation', userIds: ['ann', 'ben', 'cat'], period: 'week', firstDay: '2026-11-02' } as const;
    expect(onDutyPeriodAt(rotation, Date.UTC(2026, 10, 2, 0, 0), utc)).toEqual({ index: 0, firstDay: '2026-11-02', userId: 'ann' });
    expect(onDutyPeriodAt(rotation, Date.UTC(2026, 10, 8, 23, 59), utc)).toEqual({ index: 0, firstDay: '2026-11-02', userId: 'ann' });
    expect(onDutyPeriodAt(rotation, Date.UTC(2026, 10, 9, 0, 0), utc)).toEqual({ index: 1, firstDay: '2026-11-09', userId: 'ben' });
    expect(onDutyPeriodAt(rotation, Date.UTC(2026, 10, 23, 12, 0), utc)).toEqual({ index: 3, firstDay: '2026-11-23', userId: 'ann' });
    // Before the rotation started, it runs backwards through the same order.
    expect(onDutyPeriodAt(rotation, Date.UTC(2026, 9, 30, 12, 0), utc)).toEqual({ index: -1, firstDay: '2026-10-26', userId: 'cat' });
  });

  it('changes hands at local midnight', () => {
    const rotation = { kind: 'rotation', userIds: ['ann', 'ben'], period: 'week', firstDay: '2026-11-02' } as const;
    // Monday 9 November, 00:30 in Shanghai is Sunday evening in UTC.
    expect(onDutyPeriodAt(rotation, Date.UTC(2026, 10, 8, 16, 30), shanghai).userId).toBe('ben');
    expect(onDutyPeriodAt(rotation, Date.UTC(2026, 10, 8, 16, 30), utc).userId).toBe('ann');
  });

  it('goes through the team by calendar month', () => {
    const rotation = { kind: 'rotation', userIds: ['ann', 'ben'], period: 'month', firstDay: '2026-11-15' } as const;
    expect(onDutyPeriodAt(rotation, Date.UTC(2026, 10, 1), utc)).toEqual({ index: 0, firstDay: '2026-11-01', userId: 'ann' });
    expect(onDutyPeriodAt(rotation, Date.UTC(2026, 11, 31, 23), utc)).toEqual({ index: 1, firstDay: '2026-12-01', userId: 'ben' });
    expect(onDutyPeriodAt(rotation, Date.UTC(2027, 0, 1), utc)).toEqual({ index: 2, firstDay: '2027-01-01', userId: 'ann' });
  });

  it('names nobody when whoever runs the desk is on duty', () => {
    expect(onDutyPeriodAt({ kind: 'desk-runner' }, Date.UTC(2026, 10, 27, 9), utc)).toEqual({ index: 0, firstDay: '2026-11-27', userId: undefined });
  });
});
