import { describe, expect, it } from 'vitest';
import { appendActivity, filterActivity, maxActivityEntries, summarizeToday, unansweredToday, type ActivityEntry } from './activity.ts';

const entry = (kind: ActivityEntry['kind'], at: number): ActivityEntry => ({ kind, at, postId: `${kind}-${at}`, channelId: 'c', senderName: 'Bob' });

describe('the activity list', () => {
  it('keeps the newest entries, newest first', () => {
    let entries: ActivityEntry[] = [];
    for (let at = 1; at <= maxActivityEntries + 5; at += 1) entries = appendActivity(entries, entry('replied', at));
    expect(entries).toHaveLength(maxActivityEntries);
    expect(entries[0]?.at).toBe(maxActivityEntries + 5);
  });

  it('lets old replies go before messages that got no answer', () => {
    let entries: ActivityEntry[] = [entry('failed', 1), entry('missed', 2)];
    for (let at = 10; at < 10 + maxActivityEntries; at += 1) entries = appendActivity(entries, entry('replied', at));
    expect(entries).toHaveLength(maxActivityEntries);
    expect(entries.map((known) => known.kind)).toContain('failed');
    expect(entries.map((known) => known.kind)).toContain('missed');
  });
});

describe("today's summary", () => {
  // 2026-11-28 00:30 in Shanghai is still 2026-11-27 in UTC.
  const now = Date.UTC(2026, 10, 27, 16, 30);
  const hour = 3_600_000;

  it('counts by the calendar day of the given time zone', () => {
    const entries = [entry('replied', now - 10 * 60_000), entry('replied', now - 2 * hour), entry('failed', now - 10 * hour)];
    expect(summarizeToday(entries, now, 'Asia/Shanghai')).toEqual({ repliedToday: 1, notAnsweredToday: 0 });
    expect(summarizeToday(entries, now, 'UTC')).toEqual({ repliedToday: 2, notAnsweredToday: 1 });
  });

  it('names the newest messages of today that got no reply', () => {
    const entries = [entry('replied', now), entry('missed', now - 1), entry('failed', now - 2), entry('failed', now - 3), entry('failed', now - 20 * hour)];
    expect(unansweredToday(entries, now, 'UTC', 2).map((known) => known.at)).toEqual([now - 1, now - 2]);
    expect(unansweredToday(entries, now, 'UTC', 5)).toHaveLength(3);
  });

  it('counts missed and failed messages as not answered', () => {
    expect(summarizeToday([entry('missed', now), entry('failed', now - 1)], now, 'UTC')).toEqual({ repliedToday: 0, notAnsweredToday: 2 });
  });
});

describe('the activity filter', () => {
  const entries: ActivityEntry[] = [entry('replied', 1), { ...entry('failed', 2), senderName: 'Dana Tester' }, entry('missed', 3)];

  it('keeps one kind, or all', () => {
    expect(filterActivity(entries, 'failed', '').map((known) => known.kind)).toEqual(['failed']);
    expect(filterActivity(entries, 'all', '')).toHaveLength(3);
  });

  it('finds senders by part of their name, in any case', () => {
    expect(filterActivity(entries, 'all', ' dana ').map((known) => known.senderName)).toEqual(['Dana Tester']);
  });
});
