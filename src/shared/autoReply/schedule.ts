import type { AutoReplySchedule, AutoReplySettings } from './settings.ts';

/** Whether auto-reply answers at `now`, according to the switch and the schedule. */
export function isAutoReplyActive(settings: Pick<AutoReplySettings, 'enabled' | 'schedule'>, now: number): boolean {
  if (!settings.enabled) return false;
  return isInsideSchedule(settings.schedule, now);
}

export function isInsideSchedule(schedule: AutoReplySchedule, now: number): boolean {
  switch (schedule.kind) {
    case 'always':
      return true;
    case 'until':
      return now < schedule.until;
    case 'outside-working-hours':
      return !isWorkingTime(schedule, now);
  }
}

/** True once an "on until" schedule has run out: auto-reply then switches itself off. */
export function hasScheduleEnded(schedule: AutoReplySchedule, now: number): boolean {
  return schedule.kind === 'until' && now >= schedule.until;
}

type WorkingHours = Extract<AutoReplySchedule, { kind: 'outside-working-hours' }>;

const weekdayNumbers: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function localWeekdayAndMinute(timeZone: string, at: number): { weekday: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return { weekday: weekdayNumbers[part('weekday')] ?? 0, minute: Number(part('hour')) * 60 + Number(part('minute')) };
}

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/**
 * Working hours that end before they start run overnight: a shift from 22:00
 * to 06:00 that starts on a working day includes the small hours of the next.
 */
export function isWorkingTime(hours: WorkingHours, at: number): boolean {
  const { weekday, minute } = localWeekdayAndMinute(hours.timeZone, at);
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  if (start === end) return false;
  if (start < end) return hours.workingDays.includes(weekday) && minute >= start && minute < end;
  const previousDay = (weekday + 6) % 7;
  return (hours.workingDays.includes(weekday) && minute >= start) || (hours.workingDays.includes(previousDay) && minute < end);
}

const minute = 60_000;
const searchStep = 5 * minute;
const searchHorizon = 8 * 24 * 60 * minute;

/**
 * When the absence ends: the "until" time, or the next start of working
 * hours; undefined when it has no end.
 */
export function absenceEnd(schedule: AutoReplySchedule, now: number): number | undefined {
  if (schedule.kind === 'until') return schedule.until;
  if (schedule.kind === 'always') return undefined;
  if (isWorkingTime(schedule, now)) return now;
  for (let at = now + searchStep; at <= now + searchHorizon; at += searchStep) {
    if (!isWorkingTime(schedule, at)) continue;
    let start = at;
    while (start - minute > at - searchStep && isWorkingTime(schedule, start - minute)) start -= minute;
    return Math.floor(start / minute) * minute;
  }
  return undefined;
}
