/**
 * Instants as a support team's calendar sees them: the day, weekday and hour
 * in the team's time zone. Analytics place tens of thousands of posts, so the
 * answer is kept per quarter hour: every time zone in use today is offset from
 * UTC by a whole number of quarter hours.
 */

export interface LocalTime {
  /** "2026-11-27" */
  readonly date: string;
  /** 0 = Sunday … 6 = Saturday */
  readonly weekday: number;
  /** 0 … 23 */
  readonly hour: number;
  /** Days since 1970-01-01 of the local date: consecutive dates differ by one. */
  readonly dayNumber: number;
}

const quarterHourMs = 15 * 60_000;
const dayMs = 24 * 60 * 60_000;
const weekdays = new Map([
  ['Sun', 0],
  ['Mon', 1],
  ['Tue', 2],
  ['Wed', 3],
  ['Thu', 4],
  ['Fri', 5],
  ['Sat', 6],
]);

export interface LocalCalendar {
  at(instant: number): LocalTime;
}

export function localCalendar(timeZone: string): LocalCalendar {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
    hour: '2-digit',
    hourCycle: 'h23',
  });
  const known = new Map<number, LocalTime>();
  return {
    at(instant) {
      const quarter = Math.floor(instant / quarterHourMs);
      let local = known.get(quarter);
      if (!local) {
        local = localTimeOf(format, quarter * quarterHourMs);
        known.set(quarter, local);
      }
      return local;
    },
  };
}

function localTimeOf(format: Intl.DateTimeFormat, instant: number): LocalTime {
  const parts = new Map(format.formatToParts(instant).map((part) => [part.type, part.value]));
  const date = `${parts.get('year')}-${parts.get('month')}-${parts.get('day')}`;
  return { date, weekday: weekdays.get(parts.get('weekday') ?? '') ?? 0, hour: Number(parts.get('hour')), dayNumber: dayNumberOf(date) };
}

/** Days since 1970-01-01 of a "YYYY-MM-DD" date. */
export function dayNumberOf(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / dayMs);
}

/** The "YYYY-MM-DD" date of a day number. */
export function dateOfDayNumber(dayNumber: number): string {
  return new Date(dayNumber * dayMs).toISOString().slice(0, 10);
}

/** The Monday on or before a day number, as a day number (1970-01-01 was a Thursday). */
export function mondayOnOrBefore(dayNumber: number): number {
  return dayNumber - ((((dayNumber + 3) % 7) + 7) % 7);
}
