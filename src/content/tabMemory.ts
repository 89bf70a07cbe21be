// What a tab remembers between messages, and the bounds that keep it from
// growing: a tab open for weeks holds the same amount as one opened today.
// Forgetting is safe because the server's history decides every reply.
// Free of browser APIs, so the benchmarks can measure it in Node.

/** Messages handled in this tab, remembered to ignore a replayed event; the oldest are forgotten first. */
export const handledPostsRemembered = 2_000;
/** Sender display names kept per tab. */
export const displayNamesRemembered = 500;

/** Forgets the oldest display names beyond the bound; returns the same map. */
export function keepNewestDisplayNames<K, V>(names: Map<K, V>): Map<K, V> {
  while (names.size > displayNamesRemembered) names.delete(names.keys().next().value as K);
  return names;
}
