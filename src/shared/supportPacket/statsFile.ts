import type { FilteredUserCounts } from './collectedData.ts';
import type { Drafted } from './drafted.ts';
import type { ServerFacts } from './serverFacts.ts';

/**
 * stats.yaml, the native model.SupportPacketStats: the user counts from
 * `GET /api/v4/users/stats/filtered`, the rest from the analytics rows of
 * `GET /api/v4/analytics/old?name=standard` and `?name=extra_counts`. Each
 * source counts exactly what the native field counts (same store queries).
 * Every native key is written; one without a source is 0, and named in
 * warning.txt.
 */
type StatsField =
  | 'registered_users'
  | 'active_users'
  | 'daily_active_users'
  | 'monthly_active_users'
  | 'deactivated_users'
  | 'guests'
  | 'bot_accounts'
  | 'posts'
  | 'channels'
  | 'teams'
  | 'slash_commands'
  | 'incoming_webhooks'
  | 'outgoing_webhooks';

const fromUserCounts: Partial<Record<StatsField, (counts: FilteredUserCounts) => number>> = {
  registered_users: (counts) => counts.registered,
  active_users: (counts) => counts.active,
  guests: (counts) => counts.guests,
  bot_accounts: (counts) => counts.activeWithBots - counts.active,
};

const fromAnalytics: Partial<Record<StatsField, readonly string[]>> = {
  active_users: ['unique_user_count'],
  daily_active_users: ['daily_active_users'],
  monthly_active_users: ['monthly_active_users'],
  deactivated_users: ['inactive_user_count'],
  posts: ['post_count'],
  channels: ['channel_open_count', 'channel_private_count'],
  teams: ['team_count'],
  slash_commands: ['command_count'],
  incoming_webhooks: ['incoming_webhook_count'],
  outgoing_webhooks: ['outgoing_webhook_count'],
};

/** In model.SupportPacketStats' order. */
const statsFields: readonly StatsField[] = [
  'registered_users',
  'active_users',
  'daily_active_users',
  'monthly_active_users',
  'deactivated_users',
  'guests',
  'bot_accounts',
  'posts',
  'channels',
  'teams',
  'slash_commands',
  'incoming_webhooks',
  'outgoing_webhooks',
];

export function statsFile(facts: ServerFacts, userCounts: FilteredUserCounts | undefined): Drafted<Record<StatsField, number>> {
  const missing: StatsField[] = [];
  const value = Object.fromEntries(
    statsFields.map((field) => {
      const count = countOf(field, facts, userCounts);
      if (count === undefined) missing.push(field);
      return [field, count ?? 0];
    }),
  ) as Record<StatsField, number>;
  const leftOut = ['stats.yaml: posts is the analytics post count, which PostgreSQL servers take from a periodically refreshed view, so it can lag behind'];
  if (missing.length > 0) leftOut.push(`stats.yaml: ${missing.join(', ')} could not be counted (written as 0)`);
  return { value, leftOut };
}

function countOf(field: StatsField, facts: ServerFacts, userCounts: FilteredUserCounts | undefined): number | undefined {
  const fromUsers = fromUserCounts[field];
  if (fromUsers && userCounts) return fromUsers(userCounts);
  const rows = fromAnalytics[field]?.map((row) => facts.counts.get(row));
  if (!rows?.every((count): count is number => count !== undefined)) return undefined;
  return rows.reduce((sum, count) => sum + count, 0);
}
