/** A weekday's short name in the browser's language; 0 = Sunday … 6 = Saturday. */
export function weekdayName(day: number): string {
  // 4 January 1970 was a Sunday.
  return new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' }).format(Date.UTC(1970, 0, 4 + day));
}
