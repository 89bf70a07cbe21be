import type { Collected, FilteredUserCounts } from '../../shared/supportPacket/collectedData.ts';

/** A GET of one REST source, relative to /api/v4. */
export type Get = <T>(path: string) => Promise<Collected<T>>;

/** The four counts of GET /users/stats/filtered that stats.yaml needs; the first failure stands for all. */
export async function collectUserCounts(get: Get): Promise<Collected<FilteredUserCounts>> {
  const count = (query: string) => get<{ total_users_count: number }>(`/users/stats/filtered${query}`);
  const active = await count('');
  const registered = await count('?include_deleted=true');
  const activeWithBots = await count('?include_bots=true');
  const guests = await count('?roles=system_guest&include_bots=true&include_remote_users=true');
  for (const answer of [active, registered, activeWithBots, guests]) if (!answer.ok) return answer;
  const value = (answer: Collected<{ total_users_count: number }>) => (answer.ok ? answer.value.total_users_count : 0);
  return { ok: true, value: { active: value(active), registered: value(registered), activeWithBots: value(activeWithBots), guests: value(guests) } };
}
