import { dateOfDayNumber, mondayOnOrBefore, type LocalCalendar } from './localCalendar.ts';
import { onDutyPeriodAt, type OnDuty } from './onDutyRotation.ts';
import { solvedByFeedback, type Question, type QuestionThread } from './questionThreads.ts';

/**
 * The support desk's figures for the questions asked in a span of time,
 * from the channel's threads (see questionThreads). Percentiles are nearest
 * rank; times are from the question to the team's first reply, or to the
 * solved emoji.
 */

export interface AnalyticsRequest {
  readonly threads: Iterable<QuestionThread>;
  readonly calendar: LocalCalendar;
  readonly onDuty: OnDuty;
  readonly now: number;
  /** Questions asked at or after `from` and before `to`. */
  readonly from: number;
  readonly to: number;
  /** How many askers, words and tags to list. */
  readonly topCount?: number;
  /** How many open questions to list, the oldest; all are counted. */
  readonly openListed?: number;
}

export interface Durations {
  readonly count: number;
  readonly medianMs: number | undefined;
  readonly p90Ms: number | undefined;
}

export interface OpenQuestion {
  readonly id: string;
  readonly askerId: string;
  readonly createAt: number;
  readonly ageMs: number;
  readonly message: string;
  readonly answeredByTeam: boolean;
}

export interface OnDutyFigures {
  /** "YYYY-MM-DD", local. */
  readonly firstDay: string;
  /** Undefined where the desk runner is on duty. */
  readonly userId: string | undefined;
  readonly questions: number;
  readonly solved: number;
  readonly firstResponse: Durations;
}

export interface DeskAnalytics {
  readonly questions: number;
  readonly solved: number;
  readonly answeredAutomatically: number;
  readonly solvedByFeedback: number;
  /** Every local day from the first question's to the last's, zeros included. */
  readonly perDay: ReadonlyArray<{ readonly date: string; readonly questions: number }>;
  /** Weeks by their Monday, zeros included. */
  readonly perWeek: ReadonlyArray<{ readonly weekOf: string; readonly questions: number }>;
  readonly firstResponse: Durations;
  readonly timeToSolved: Durations;
  readonly openCount: number;
  /** The oldest open questions, oldest first, at most `openListed`. */
  readonly open: readonly OpenQuestion[];
  /** Questions by local weekday (0 = Sunday) and hour. */
  readonly busiestHours: ReadonlyArray<readonly number[]>;
  readonly topAskers: ReadonlyArray<{ readonly userId: string; readonly questions: number }>;
  readonly commonWords: ReadonlyArray<{ readonly word: string; readonly questions: number }>;
  readonly commonTags: ReadonlyArray<{ readonly tag: string; readonly questions: number }>;
  readonly onDutyPeriods: readonly OnDutyFigures[];
}

export function nearestRank(sortedValues: readonly number[], p: number): number | undefined {
  if (sortedValues.length === 0) return undefined;
  return sortedValues[Math.min(sortedValues.length, Math.max(1, Math.ceil((p / 100) * sortedValues.length))) - 1];
}

function durationsOf(values: number[]): Durations {
  values.sort((a, b) => a - b);
  return { count: values.length, medianMs: nearestRank(values, 50), p90Ms: nearestRank(values, 90) };
}

function count<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Most first; ties in the order of the key, so the list is the same every time. */
function top<K extends string>(counts: Map<K, number>, limit: number): Array<[K, number]> {
  return [...counts].sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0)).slice(0, limit);
}

interface PeriodTally {
  readonly firstDay: string;
  readonly userId: string | undefined;
  questions: number;
  solved: number;
  readonly firstResponses: number[];
}

export function deskAnalytics(request: AnalyticsRequest): DeskAnalytics {
  const { calendar, now, from, to } = request;
  const topCount = request.topCount ?? 10;
  const asked: Array<{ thread: QuestionThread; question: Question }> = [];
  for (const thread of request.threads) {
    const { question } = thread;
    if (question && question.createAt >= from && question.createAt < to) asked.push({ thread, question });
  }
  asked.sort((a, b) => a.question.createAt - b.question.createAt);

  const perDay = new Map<number, number>();
  const busiestHours = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const askers = new Map<string, number>();
  const words = new Map<string, number>();
  const tags = new Map<string, number>();
  const firstResponses: number[] = [];
  const solvedTimes: number[] = [];
  const open: OpenQuestion[] = [];
  const periods = new Map<string, PeriodTally>();
  let solved = 0;
  let answeredAutomatically = 0;
  let byFeedback = 0;

  for (const { thread, question } of asked) {
    const local = calendar.at(question.createAt);
    count(perDay, local.dayNumber);
    const hours = busiestHours[local.weekday];
    if (hours) hours[local.hour] = (hours[local.hour] ?? 0) + 1;
    count(askers, question.askerId);
    for (const word of question.topics.words) count(words, word);
    for (const tag of question.topics.tags) count(tags, tag);

    const period = onDutyPeriodAt(request.onDuty, question.createAt, calendar);
    const periodKey = `${period.firstDay}/${period.userId ?? ''}`;
    let tally = periods.get(periodKey);
    if (!tally) {
      tally = { firstDay: period.firstDay, userId: period.userId, questions: 0, solved: 0, firstResponses: [] };
      periods.set(periodKey, tally);
    }
    tally.questions += 1;

    if (thread.firstTeamReplyAt !== undefined) {
      const responseMs = thread.firstTeamReplyAt - question.createAt;
      firstResponses.push(responseMs);
      tally.firstResponses.push(responseMs);
    }
    if (thread.automaticAnswer) answeredAutomatically += 1;
    if (thread.solvedAt !== undefined) {
      solved += 1;
      tally.solved += 1;
      solvedTimes.push(thread.solvedAt - question.createAt);
      if (solvedByFeedback(thread)) byFeedback += 1;
    } else {
      open.push({
        id: thread.rootId,
        askerId: question.askerId,
        createAt: question.createAt,
        ageMs: now - question.createAt,
        message: question.message,
        answeredByTeam: thread.firstTeamReplyAt !== undefined,
      });
    }
  }

  const days = [...perDay.keys()];
  const firstDay = days.length > 0 ? Math.min(...days) : undefined;
  const lastDay = days.length > 0 ? Math.max(...days) : undefined;
  const dayList: Array<{ date: string; questions: number }> = [];
  const weekList: Array<{ weekOf: string; questions: number }> = [];
  if (firstDay !== undefined && lastDay !== undefined) {
    for (let day = firstDay; day <= lastDay; day += 1) dayList.push({ date: dateOfDayNumber(day), questions: perDay.get(day) ?? 0 });
    for (let monday = mondayOnOrBefore(firstDay); monday <= lastDay; monday += 7) {
      let questions = 0;
      for (let day = monday; day < monday + 7; day += 1) questions += perDay.get(day) ?? 0;
      weekList.push({ weekOf: dateOfDayNumber(monday), questions });
    }
  }

  return {
    questions: asked.length,
    solved,
    answeredAutomatically,
    solvedByFeedback: byFeedback,
    perDay: dayList,
    perWeek: weekList,
    firstResponse: durationsOf(firstResponses),
    timeToSolved: durationsOf(solvedTimes),
    openCount: open.length,
    open: open.slice(0, request.openListed ?? 500),
    busiestHours,
    topAskers: top(askers, topCount).map(([userId, questions]) => ({ userId, questions })),
    commonWords: top(words, topCount).map(([word, questions]) => ({ word, questions })),
    commonTags: top(tags, topCount).map(([tag, questions]) => ({ tag, questions })),
    onDutyPeriods: [...periods.values()].map((tally) => ({
      firstDay: tally.firstDay,
      userId: tally.userId,
      questions: tally.questions,
      solved: tally.solved,
      firstResponse: durationsOf(tally.firstResponses),
    })),
  };
}
