import { describe, expect, it } from 'vitest';
import { dateOfDayNumber, dayNumberOf, localCalendar, mondayOnOrBefore } from './localCalendar.ts';

describe('local calendar', () => {
  it('gives the date, weekday and hour in the team’s time zone', () => {
    // Friday 27 November 2026, 23:30 in Shanghai is still Friday afternoon in UTC.
    const shanghai = localCalendar('Asia/Shanghai').at(Date.UTC(2026, 10, 27, 15, 30));
    expect(shanghai).toMatchObject({ date: '2026-11-27', weekday: 5, hour: 23 });
    const newYork = localCalendar('America/New_York').at(Date.UTC(2026, 10, 27, 3, 0));
    expect(newYork).toMatchObject({ date: '2026-11-26', weekday: 4, hour: 22 });
  });

  it('follows daylight saving time', () => {
    const paris = localCalendar('Europe/Paris');
    // Summer time ends at 01:00 UTC on 25 October 2026.
    expect(paris.at(Date.UTC(2026, 9, 25, 0, 30)).hour).toBe(2);
    expect(paris.at(Date.UTC(2026, 9, 25, 1, 30)).hour).toBe(2);
    expect(paris.at(Date.UTC(2026, 9, 25, 2, 30)).hour).toBe(3);
  });

  it('is exact at quarter-hour offsets, where an hour-long cache would be wrong', () => {
    const kathmandu = localCalendar('Asia/Kathmandu'); // UTC+05:45
    expect(kathmandu.at(Date.UTC(2026, 10, 27, 18, 14, 59))).toMatchObject({ date: '2026-11-27', hour: 23 });
    expect(kathmandu.at(Date.UTC(2026, 10, 27, 18, 15))).toMatchObject({ date: '2026-11-28', hour: 0 });
    expect(kathmandu.at(Date.UTC(2026, 10, 27, 18, 0))).toMatchObject({ date: '2026-11-27', hour: 23 });
  });

  it('numbers days so that consecutive dates differ by one, and finds their Monday', () => {
    expect(dayNumberOf('1970-01-01')).toBe(0);
    expect(dayNumberOf('2026-03-01') - dayNumberOf('2026-02-28')).toBe(1);
    expect(dateOfDayNumber(dayNumberOf('2026-11-27'))).toBe('2026-11-27');
    expect(dateOfDayNumber(mondayOnOrBefore(dayNumberOf('2026-11-27')))).toBe('2026-11-23');
    expect(dateOfDayNumber(mondayOnOrBefore(dayNumberOf('2026-11-23')))).toBe('2026-11-23');
    expect(dateOfDayNumber(mondayOnOrBefore(dayNumberOf('2026-11-29')))).toBe('2026-11-23');
    expect(localCalendar('UTC').at(Date.UTC(2026, 10, 27)).dayNumber).toBe(dayNumberOf('2026-11-27'));
  });
});
