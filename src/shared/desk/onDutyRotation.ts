import { dateOfDayNumber, dayNumberOf, type LocalCalendar } from './localCalendar.ts';

/**
 * Who is on duty for the desk: the person running it, or a rotation through
 * the team by week or by calendar month. A weekly rotation's periods start on
 * the weekday of its first day; a monthly one's on the first of each month,
 * starting with the month of its first day.
 */
export type OnDuty =
  | { readonly kind: 'desk-runner' }
  | { readonly kind: 'rotation'; readonly userIds: readonly string[]; readonly period: 'week' | 'month'; readonly firstDay: string };

export interface OnDutyPeriod {
  /** Counts from the rotation's first period; negative before it. */
  readonly index: number;
  /** "YYYY-MM-DD", local. */
  readonly firstDay: string;
  /** Undefined for the desk runner (whoever runs the desk then). */
  readonly userId: string | undefined;
}

export function onDutyPeriodAt(onDuty: OnDuty, instant: number, calendar: LocalCalendar): OnDutyPeriod {
  if (onDuty.kind === 'desk-runner' || onDuty.userIds.length === 0) {
    return { index: 0, firstDay: calendar.at(instant).date, userId: undefined };
  }
  const local = calendar.at(instant);
  let index: number;
  let firstDay: string;
  if (onDuty.period === 'week') {
    const start = dayNumberOf(onDuty.firstDay);
    index = Math.floor((local.dayNumber - start) / 7);
    firstDay = dateOfDayNumber(start + index * 7);
  } else {
    const monthNumber = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
    const month = monthNumber(local.date);
    index = month - monthNumber(onDuty.firstDay);
    firstDay = `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}-01`;
  }
  const count = onDuty.userIds.length;
  return { index, firstDay, userId: onDuty.userIds[((index % count) + count) % count] };
}
