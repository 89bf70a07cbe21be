import type { Drafted } from './drafted.ts';
import type { ServerFacts } from './serverFacts.ts';

/**
 * stats.yaml, the native model.SupportPacketStats, from the analytics rows of
 * `GET /api/v4/analytics/old?name=standard` and `?name=extra_counts`. Each
 * row counts exactly what the native field counts (same store queries);
 * fields without such a row are left out rather than approximated.
 */
const nativeStats: ReadonlyArray<readonly [field: string, rows: readonly string[]]> = [
  ['active_users', ['unique_user_count']],
  ['daily_active_users', ['daily_active_users']],
  ['monthly_active_users', ['monthly_active_users']],
  ['deactivated_users', ['inactive_user_count']],
  ['posts', ['post_count']],
  ['channels', ['channel_open_count', 'channel_private_count']],
  ['teams', ['team_count']],
  ['slash_commands', ['command_count']],
  ['incoming_webhooks', ['incoming_webhook_count']],
  ['outgoing_webhooks', ['outgoing_webhook_count']],
];

export function statsFile(facts: ServerFacts): Drafted<Record<string, number>> | undefined {
  if (facts.counts.size === 0) return undefined;
  const value: Record<string, number> = {};
  const missing: string[] = [];
  for (const [field, rows] of nativeStats) {
    const counts = rows.map((row) => facts.counts.get(row));
    if (counts.every((count): count is number => count !== undefined)) value[field] = counts.reduce((sum, count) => sum + count, 0);
    else missing.push(field);
  }
  const leftOut = [
    // registered_users counts deactivated remote users that neither analytics row counts.
    'stats.yaml: registered_users, guests and bot_accounts are not available over the REST API',
    'stats.yaml: posts is the analytics post count, which PostgreSQL servers take from a periodically refreshed view, so it can lag behind',
  ];
  if (missing.length > 0) leftOut.push(`stats.yaml: ${missing.join(', ')} missing from the analytics answers`);
  return { value, leftOut };
}
