import { describe, expect, it } from 'vitest';
import type { Collected } from '../../shared/supportPacket/collectedData.ts';
import { collectUserCounts } from './collectUserCounts.ts';

const counts: Record<string, number> = {
  '/users/stats/filtered': 180,
  '/users/stats/filtered?include_deleted=true': 191,
  '/users/stats/filtered?include_bots=true': 186,
  '/users/stats/filtered?roles=system_guest&include_bots=true&include_remote_users=true': 4,
};

describe('collecting the user counts of stats.yaml', () => {
  it('runs the four filtered counts the native stats run', async () => {
    const get = <T>(path: string) => Promise.resolve({ ok: true, value: { total_users_count: counts[path] } } as Collected<T>);
    expect(await collectUserCounts(get)).toEqual({ ok: true, value: { active: 180, registered: 191, activeWithBots: 186, guests: 4 } });
  });

  it('reports the first count the server refuses', async () => {
    const get = <T>(path: string) =>
      Promise.resolve((path.includes('include_deleted') ? { ok: false, endpoint: path, status: 403, reason: 'no' } : { ok: true, value: { total_users_count: 1 } }) as Collected<T>);
    expect(await collectUserCounts(get)).toMatchObject({ ok: false, status: 403 });
  });
});
