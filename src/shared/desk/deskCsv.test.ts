import { describe, expect, it } from 'vitest';
import { deskAnalytics } from './deskAnalytics.ts';
import { deskAnalyticsCsv, type CsvLabels } from './deskCsv.ts';
import { supportHistory, team } from './deskHistory.testData.ts';
import { localCalendar } from './localCalendar.ts';
import { foldDeskPosts } from './questionThreads.ts';

const labels = new Proxy({}, { get: (_, key) => String(key) }) as CsvLabels;
const now = Date.UTC(2026, 10, 26, 9, 0);
const analytics = deskAnalytics({
  threads: foldDeskPosts(new Map(), supportHistory, team).values(),
  calendar: localCalendar('UTC'),
  onDuty: { kind: 'desk-runner' },
  now,
  from: 0,
  to: now,
});

describe('desk analytics as CSV', () => {
  const csv = deskAnalyticsCsv(analytics, labels, (userId) => userId, (postId) => `https://chat.example.com/_redirect/pl/${postId}`);
  const tables = csv.trimEnd().split('\r\n\r\n').map((block) => block.split('\r\n'));

  it('starts with the figures, durations in minutes', () => {
    expect(tables[0]).toEqual([
      'figure,value',
      'questions,4',
      'solved,2',
      'firstResponseMedian,10',
      'firstResponseP90,30',
      'timeToSolvedMedian,5.02',
      'timeToSolvedP90,60',
    ]);
  });

  it('lists the open questions with who asked and a link to each thread', () => {
    expect(tables.at(-1)).toEqual([
      'openQuestion,askedAt,askedBy,ageMinutes,link',
      `VPN certificate expired #vpn #access,2026-11-24T14:00:00.000Z,ann,2580,https://chat.example.com/_redirect/pl/q3`,
      `Cannot log in to the wiki,2026-11-25T08:15:00.000Z,bob,1485,https://chat.example.com/_redirect/pl/q7`,
    ]);
  });

  it('quotes what needs quoting and keeps a spreadsheet from running a cell as a formula', () => {
    const tricky = { ...analytics, open: [{ ...(analytics.open[0] as (typeof analytics.open)[number]), message: '=HYPERLINK("x"), and more' }] };
    const line = deskAnalyticsCsv(tricky, labels, String, String).trimEnd().split('\r\n').at(-1);
    expect(line?.startsWith(`"'=HYPERLINK(""x""), and more",`)).toBe(true);
  });
});
