import { describe, expect, it } from 'vitest';
import { MattermostApiError } from './mattermostApi.ts';
import { trackServerProblems } from './serverProblems.ts';

describe('the tab’s server problems', () => {
  const headers = new Headers();
  it('are a server error or no answer, kept from the first, and cleared by the next answer', () => {
    let now = 1_000;
    const tracked = trackServerProblems(() => now);
    tracked.observer.onAnswer?.('/api/v4/posts', 502, headers, now);
    now = 2_000;
    tracked.observer.onNoAnswer?.('/api/v4/posts', new MattermostApiError(0, '', 'Failed to fetch'));
    expect(tracked.current()).toEqual({ since: 1_000, message: 'Failed to fetch' });
    tracked.observer.onAnswer?.('/api/v4/posts', 200, headers, now);
    expect(tracked.current()).toBeUndefined();
  });

  it('never include a 501, what a server answers for a feature its licence lacks', () => {
    const tracked = trackServerProblems(() => 1_000);
    tracked.observer.onAnswer?.('/api/v4/groups/names', 501, headers, 1_000);
    expect(tracked.current()).toBeUndefined();
  });
});
