import { describe, expect, it } from 'vitest';
import type { DeskAnalytics } from './deskAnalytics.ts';
import type { DeskPost } from './deskPosts.ts';
import { instantOfLocal, lastScheduledReport, laterReportsOf, reportAlreadyPosted, reportMarkdown, type ReportWords } from './weeklyReport.ts';

const hour = 60 * 60_000;

describe('when the weekly report is due and what it covers', () => {
  it('finds the latest scheduled time at or before now, and the seven days before it', () => {
    // Monday 09:00 UTC; now is Wednesday 2026-11-25 10:00 UTC.
    const week = lastScheduledReport(Date.UTC(2026, 10, 25, 10), { weekday: 1, time: '09:00' }, 'UTC');
    expect(week).toEqual({
      scheduledAt: Date.UTC(2026, 10, 23, 9),
      from: Date.UTC(2026, 10, 16, 9),
      firstDay: '2026-11-16',
      lastDay: '2026-11-23',
      key: '2026-11-23',
    });
    // At the very minute it is due, and a minute before (then last week's).
    expect(lastScheduledReport(Date.UTC(2026, 10, 23, 9), { weekday: 1, time: '09:00' }, 'UTC').key).toBe('2026-11-23');
    expect(lastScheduledReport(Date.UTC(2026, 10, 23, 8, 59), { weekday: 1, time: '09:00' }, 'UTC').key).toBe('2026-11-16');
    // Midnight: the week ends with the day before.
    expect(lastScheduledReport(Date.UTC(2026, 10, 23, 1), { weekday: 1, time: '00:00' }, 'UTC')).toMatchObject({ firstDay: '2026-11-16', lastDay: '2026-11-22' });
  });

  it('counts in the desk’s time zone, across a change of clocks', () => {
    // Monday 09:00 in Shanghai is 01:00 UTC.
    expect(lastScheduledReport(Date.UTC(2026, 10, 23, 2), { weekday: 1, time: '09:00' }, 'Asia/Shanghai').scheduledAt).toBe(Date.UTC(2026, 10, 23, 1));
    // Sunday 25 October 2026, Paris goes from +2 to +1: 09:00 is 08:00 UTC; the week before started at 07:00 UTC.
    const week = lastScheduledReport(Date.UTC(2026, 9, 26, 12), { weekday: 0, time: '09:00' }, 'Europe/Paris');
    expect(week.scheduledAt).toBe(Date.UTC(2026, 9, 25, 8));
    expect(week.from).toBe(Date.UTC(2026, 9, 18, 7));
    expect(instantOfLocal('2026-03-29', '02:30', 'Europe/Paris') - instantOfLocal('2026-03-29', '01:30', 'Europe/Paris')).toBe(hour);
  });
});

describe('one report per week in the channel', () => {
  const report = (id: string, userId: string, createAt: number, week = '2026-11-23'): DeskPost => ({
    id,
    userId,
    rootId: '',
    createAt,
    message: '#### report',
    type: '',
    automated: false,
    deskKind: 'report',
    reportWeek: week,
    reactions: [],
  });
  it('sees a report for the week from anyone, and keeps the earliest of twins', () => {
    expect(reportAlreadyPosted([report('a', 'tess', 1)], '2026-11-23')).toBe(true);
    expect(reportAlreadyPosted([report('a', 'tess', 1, '2026-11-16')], '2026-11-23')).toBe(false);
    expect(laterReportsOf([report('b', 'alice', 2), report('a', 'tess', 1), report('c', 'alice', 3)], '2026-11-23', 'alice')).toEqual(['b', 'c']);
  });
});

describe('the report’s Markdown', () => {
  const words: ReportWords = {
    title: (first, last) => `Support desk, ${first} to ${last}`,
    figure: 'Figure',
    value: 'Value',
    questions: 'Questions',
    solved: 'Solved',
    open: 'Still open',
    answeredAutomatically: 'Answered automatically',
    solvedByFeedback: 'Solved by the asker’s 👍',
    firstResponseMedian: 'First response, median',
    firstResponseP90: 'First response, 90th percentile',
    timeToSolvedMedian: 'Time to solved, median',
    timeToSolvedP90: 'Time to solved, 90th percentile',
    commonTags: 'Most asked about:',
    duration: (ms) => (ms === undefined ? '—' : `${Math.round(ms / 60_000)} min`),
  };
  const figures = {
    questions: 4,
    solved: 3,
    openCount: 1,
    answeredAutomatically: 2,
    solvedByFeedback: 1,
    firstResponse: { count: 3, medianMs: 12 * 60_000, p90Ms: 45 * 60_000 },
    timeToSolved: { count: 3, medianMs: 60 * 60_000, p90Ms: undefined },
    commonTags: [
      { tag: 'vpn', questions: 2 },
      { tag: 'a|b', questions: 1 },
    ],
  } as unknown as DeskAnalytics;

  it('gives the week, the figures as a table and the common tags', () => {
    expect(reportMarkdown(figures, { firstDay: '2026-11-16', lastDay: '2026-11-22' }, words, true)).toBe(
      [
        '#### Support desk, 2026-11-16 to 2026-11-22',
        '',
        '| Figure | Value |',
        '|:---|---:|',
        '| Questions | 4 |',
        '| Solved | 3 |',
        '| Still open | 1 |',
        '| Answered automatically | 2 |',
        '| Solved by the asker’s 👍 | 1 |',
        '| First response, median | 12 min |',
        '| First response, 90th percentile | 45 min |',
        '| Time to solved, median | 60 min |',
        '| Time to solved, 90th percentile | — |',
        '',
        'Most asked about: #vpn (2), #a|b (1)',
      ].join('\n'),
    );
    expect(reportMarkdown(figures, { firstDay: '2026-11-16', lastDay: '2026-11-22' }, words, false)).not.toContain('Answered automatically');
  });
});
