import { describe, expect, it } from 'vitest';
import { appendActivity, maxActivityEntries, type ActivityEntry } from './activity.ts';

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
