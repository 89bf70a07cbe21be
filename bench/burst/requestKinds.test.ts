import { describe, expect, it } from 'vitest';
import { routeOf } from '../../tests/e2e/extensionRequests.ts';
import { describeRequestKinds } from './requestKinds.ts';

describe('request kinds', () => {
  it('names a request by its route, ids and query left out', () => {
    expect(routeOf({ method: 'GET', url: 'http://127.0.0.1:8065/api/v4/channels/abcdefghijklmnopqrstuvwxyz/posts?page=0&per_page=200' })).toBe(
      'GET /api/v4/channels/{id}/posts',
    );
  });

  it('counts requests per route, most first', () => {
    const post = { method: 'POST', url: 'http://h/api/v4/posts?set_online=false' };
    const ids = { method: 'POST', url: 'http://h/api/v4/users/ids' };
    expect(describeRequestKinds([post, ids, post])).toBe('2 × POST /api/v4/posts, 1 × POST /api/v4/users/ids');
    expect(describeRequestKinds([])).toBe('none');
  });
});
