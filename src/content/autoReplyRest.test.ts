import { describe, expect, it } from 'vitest';
import { fetchCollapsedThreadsChoice, fetchDisplayNames } from './autoReplyRest.ts';
import { scriptedApi } from './testing/scriptedApi.ts';

describe('auto-reply REST calls', () => {
  it('reads the user’s collapsed-threads choice among all their preferences, none when never made', async () => {
    const withChoice = scriptedApi(() => [
      { category: 'display_settings', name: 'use_military_time', value: 'true' },
      { category: 'display_settings', name: 'collapsed_reply_threads', value: 'off' },
    ]);
    expect(await fetchCollapsedThreadsChoice(withChoice)).toBe('off');
    expect(withChoice.calls).toEqual(['GET /users/me/preferences']);
    expect(await fetchCollapsedThreadsChoice(scriptedApi(() => []))).toBeUndefined();
  });

  it('names people found in one batch by full name, nickname or username', async () => {
    const api = scriptedApi(() => [
      { id: 'a', username: 'ann', first_name: 'Ann', last_name: 'Lee' },
      { id: 'b', username: 'bob', nickname: 'Bobby' },
      { id: 'c', username: 'cy' },
    ]);
    expect(await fetchDisplayNames(api, ['a', 'b', 'c', 'gone'])).toEqual(
      new Map([
        ['a', 'Ann Lee'],
        ['b', 'Bobby'],
        ['c', 'cy'],
      ]),
    );
    expect(api.calls).toEqual(['POST /users/ids']);
  });
});
