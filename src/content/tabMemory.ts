// What a tab remembers between messages, and the bounds that keep it from
// growing: a tab open for weeks holds the same amount as one opened today.
// Forgetting is safe: what the tab no longer knows it asks the server again.
// Free of browser APIs, so the benchmarks can measure it in Node.

/** Messages handled in this tab, remembered to ignore a replayed event; the oldest are forgotten first. */
export const handledPostsRemembered = 2_000;
/** Sender display names kept per tab. */
export const displayNamesRemembered = 500;

