import type { DeskAnalytics } from './deskAnalytics.ts';
import { deskProp, type DeskPost } from './deskPosts.ts';
import { dateOfDayNumber, dayNumberOf } from './localCalendar.ts';

/**
 * The desk's weekly report: when it is due, which week it covers, whether it
 * is already in the report channel, and its Markdown. Each scheduled time has
 * a key (its local date), which every tab and device works out alike.
 */

export const deskReportWeekProp = 'companion_desk_week';
const dayMs = 24 * 60 * 60_000;

interface LocalParts {
  readonly date: string;
  readonly weekday: number;
  readonly minutes: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();
const weekdayNumbers: Readonly<Record<string, number>> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function localParts(instant: number, timeZone: string): LocalParts {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, weekday: weekdayNumbers[parts.weekday ?? ''] ?? 0, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** The instant a local date and clock time name in the time zone (the later one where clocks go back, the first after a gap where they go forward). */
export function instantOfLocal(date: string, time: string, timeZone: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  const wanted = dayNumberOf(date) * dayMs + ((hours ?? 0) * 60 + (minutes ?? 0)) * 60_000;
  let guess = wanted;
  let previous = guess;
  for (let round = 0; round < 4; round += 1) {
    const local = localParts(guess, timeZone);
    const shown = dayNumberOf(local.date) * dayMs + local.minutes * 60_000;
    if (shown === wanted) return guess;
    previous = guess;
    guess += wanted - shown;
  }
  // A time the clocks skip: the guesses swing either side of the gap; the later one is as far past it as the time was into it.
  return Math.max(guess, previous);
}

export interface ReportWeek {
  /** The scheduled time: the report covers the seven days before it. */
  readonly scheduledAt: number;
  readonly from: number;
  /** Local dates of the first and last day covered. */
  readonly firstDay: string;
  readonly lastDay: string;
  /** The same for every tab and device: the local date of the scheduled time. */
  readonly key: string;
}

/** The latest scheduled report time at or before `now`, and the week it covers. */
export function lastScheduledReport(now: number, schedule: { readonly weekday: number; readonly time: string }, timeZone: string): ReportWeek {
  const today = dayNumberOf(localParts(now, timeZone).date);
  for (let back = 0; back <= 7; back += 1) {
    const day = today - back;
    // 1970-01-01 was a Thursday.
    if ((((day + 4) % 7) + 7) % 7 !== schedule.weekday) continue;
    const scheduledAt = instantOfLocal(dateOfDayNumber(day), schedule.time, timeZone);
    if (scheduledAt <= now) return reportWeekEndingAt(scheduledAt, day, schedule.time, timeZone);
  }
  throw new Error('no scheduled time in the last eight days');
}

function reportWeekEndingAt(scheduledAt: number, day: number, time: string, timeZone: string): ReportWeek {
  const endDay = localParts(scheduledAt - 1, timeZone).date;
  return { scheduledAt, from: instantOfLocal(dateOfDayNumber(day - 7), time, timeZone), firstDay: dateOfDayNumber(day - 7), lastDay: endDay, key: dateOfDayNumber(day) };
}

/** The seven days before `now`, for a report asked for by hand. */
export function reportWeekUntil(now: number, timeZone: string): ReportWeek {
  const local = localParts(now, timeZone);
  return { scheduledAt: now, from: now - 7 * dayMs, firstDay: localParts(now - 7 * dayMs, timeZone).date, lastDay: local.date, key: `on-demand-${now}` };
}

/** Whether the report channel already holds a report for this week (from any tab, device or team member's desk). */
export function reportAlreadyPosted(posts: readonly DeskPost[], key: string): boolean {
  return posts.some((post) => post.deskKind === 'report' && post.reportWeek === key);
}

/** Of twin reports for one week, the earliest stays: the ids of this account's later ones. */
export function laterReportsOf(posts: readonly DeskPost[], key: string, runnerId: string): string[] {
  const twins = posts.filter((post) => post.deskKind === 'report' && post.reportWeek === key).sort((a, b) => a.createAt - b.createAt || a.id.localeCompare(b.id));
  return twins.slice(1).filter((post) => post.userId === runnerId).map((post) => post.id);
}

export function reportProps(key: string): Record<string, string> {
  return { [deskProp]: 'report', [deskReportWeekProp]: key };
}

/** The words of the report, in the runner's language. */
export interface ReportWords {
  readonly title: (firstDay: string, lastDay: string) => string;
  readonly figure: string;
  readonly value: string;
  readonly questions: string;
  readonly solved: string;
  readonly open: string;
  readonly answeredAutomatically: string;
  readonly solvedByFeedback: string;
  readonly firstResponseMedian: string;
  readonly firstResponseP90: string;
  readonly timeToSolvedMedian: string;
  readonly timeToSolvedP90: string;
  readonly commonTags: string;
  readonly duration: (ms: number | undefined) => string;
}

/** Markdown cells never break the table, whatever a tag holds. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function reportMarkdown(figures: DeskAnalytics, week: Pick<ReportWeek, 'firstDay' | 'lastDay'>, words: ReportWords, withAutomaticAnswers: boolean): string {
  const rows: Array<[string, string]> = [
    [words.questions, String(figures.questions)],
    [words.solved, String(figures.solved)],
    [words.open, String(figures.openCount)],
    ...(withAutomaticAnswers
      ? ([
          [words.answeredAutomatically, String(figures.answeredAutomatically)],
          [words.solvedByFeedback, String(figures.solvedByFeedback)],
        ] as Array<[string, string]>)
      : []),
    [words.firstResponseMedian, words.duration(figures.firstResponse.medianMs)],
    [words.firstResponseP90, words.duration(figures.firstResponse.p90Ms)],
    [words.timeToSolvedMedian, words.duration(figures.timeToSolved.medianMs)],
    [words.timeToSolvedP90, words.duration(figures.timeToSolved.p90Ms)],
  ];
  const lines = [`#### ${words.title(week.firstDay, week.lastDay)}`, '', `| ${words.figure} | ${words.value} |`, '|:---|---:|', ...rows.map(([name, value]) => `| ${cell(name)} | ${cell(value)} |`)];
  const tags = figures.commonTags.slice(0, 5);
  if (tags.length > 0) lines.push('', `${words.commonTags} ${tags.map((tag) => `#${tag.tag} (${tag.questions})`).join(', ')}`);
  return lines.join('\n');
}
