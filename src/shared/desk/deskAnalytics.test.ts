import { describe, expect, it } from 'vitest';
import { deskAnalytics, nearestRank } from './deskAnalytics.ts';
import { minute, monday9, questionTimes, supportHistory, team } from './deskHistory.testData.ts';
import { localCalendar } from './localCalendar.ts';
import { foldDeskPosts } from './questionThreads.ts';

const threads = foldDeskPosts(new Map(), supportHistory, team);
const now = Date.UTC(2026, 10, 26, 9, 0);
const everything = {
  threads: threads.values(),
  calendar: localCalendar('UTC'),
  onDuty: { kind: 'rotation', userIds: ['tom', 'tina'], period: 'week', firstDay: '2026-11-18' } as const,
  now,
  from: 0,
  to: now,
};

describe('desk analytics', () => {
  const figures = deskAnalytics(everything);

  it('counts questions, solved ones, automatic answers and those solved by feedback', () => {
    expect(figures).toMatchObject({ questions: 4, solved: 2, answeredAutomatically: 1, solvedByFeedback: 1 });
  });

  it('measures the team’s first response and the time to solved, median and p90', () => {
    // First responses: 10 and 30 minutes; solved after 5 min 1 s (feedback) and 60 minutes.
    expect(figures.firstResponse).toEqual({ count: 2, medianMs: 10 * minute, p90Ms: 30 * minute });
    expect(figures.timeToSolved).toEqual({ count: 2, medianMs: 5 * minute + 1_000, p90Ms: 60 * minute });
  });

  it('lists open questions oldest first, with their age and whether the team has answered, and counts them all', () => {
    expect(figures.openCount).toBe(2);
    expect(deskAnalytics({ ...everything, threads: threads.values(), openListed: 1 })).toMatchObject({ openCount: 2, open: [{ id: 'q3' }] });
    expect(figures.open.map(({ id, ageMs, answeredByTeam }) => ({ id, ageMs, answeredByTeam }))).toEqual([
      { id: 'q3', ageMs: now - questionTimes.q3, answeredByTeam: true },
      { id: 'q7', ageMs: now - questionTimes.q7, answeredByTeam: false },
    ]);
  });

  it('counts questions per local day and per week, days without questions included', () => {
    expect(figures.perDay).toEqual([
      { date: '2026-11-23', questions: 2 },
      { date: '2026-11-24', questions: 1 },
      { date: '2026-11-25', questions: 1 },
    ]);
    expect(figures.perWeek).toEqual([{ weekOf: '2026-11-23', questions: 4 }]);
    const shanghai = deskAnalytics({ ...everything, threads: threads.values(), calendar: localCalendar('Asia/Shanghai') });
    // 14:00 UTC on Tuesday is 22:00 in Shanghai, 08:15 UTC on Wednesday 16:15: a day apart there too.
    expect(shanghai.perDay.map((day) => day.questions)).toEqual([2, 1, 1]);
  });

  it('finds the busiest hours by weekday and hour', () => {
    const busy = figures.busiestHours.flatMap((hours, weekday) => hours.flatMap((questions, hour) => (questions > 0 ? [{ weekday, hour, questions }] : [])));
    expect(busy).toEqual([
      { weekday: 1, hour: 9, questions: 1 },
      { weekday: 1, hour: 10, questions: 1 },
      { weekday: 2, hour: 14, questions: 1 },
      { weekday: 3, hour: 8, questions: 1 },
    ]);
  });

  it('names the top askers, words and tags', () => {
    expect(figures.topAskers).toEqual([
      { userId: 'ann', questions: 2 },
      { userId: 'bob', questions: 2 },
    ]);
    expect(figures.commonWords[0]).toEqual({ word: 'vpn', questions: 2 });
    expect(figures.commonTags).toEqual([
      { tag: 'vpn', questions: 2 },
      { tag: 'access', questions: 1 },
    ]);
  });

  it('gives each on-duty period its own figures', () => {
    expect(figures.onDutyPeriods).toEqual([
      { firstDay: '2026-11-18', userId: 'tom', questions: 3, solved: 2, firstResponse: { count: 2, medianMs: 10 * minute, p90Ms: 30 * minute } },
      { firstDay: '2026-11-25', userId: 'tina', questions: 1, solved: 0, firstResponse: { count: 0, medianMs: undefined, p90Ms: undefined } },
    ]);
  });

  it('keeps to the span asked for', () => {
    const fromTuesday = deskAnalytics({ ...everything, threads: threads.values(), from: Date.UTC(2026, 10, 24) });
    expect(fromTuesday.questions).toBe(2);
    expect(fromTuesday.open.map((question) => question.id)).toEqual(['q3', 'q7']);
    const beforeQ2 = deskAnalytics({ ...everything, threads: threads.values(), to: monday9 + 60 * minute });
    expect(beforeQ2.questions).toBe(1);
  });

  it('takes the nearest rank for percentiles', () => {
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
    expect(nearestRank([7], 90)).toBe(7);
    expect(nearestRank([], 50)).toBeUndefined();
  });
});
