/** The desk's weekdays in the order its form lists them, Monday first; the settings count from Sunday = 0. */
export const weekdaysFromMonday: readonly number[] = [1, 2, 3, 4, 5, 6, 0];

/** A weekday's full name in the browser's language, "Monday"; 0 = Sunday … 6 = Saturday. */
export function longWeekdayName(day: number): string {
  // 4 January 1970 was a Sunday.
  return new Intl.DateTimeFormat(undefined, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(1970, 0, 4 + day));
}
