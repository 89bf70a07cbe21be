/**
 * The catch-up point is how far messages have been dealt with: a reload or a
 * reconnect looks again at everything after it. It may only move past a
 * message once that message's outcome is recorded, so it stops just before
 * the oldest message still being worked on, however many newer ones are done.
 */
export function safeCatchUpPoint(doneUpTo: number, inProgressCreatedAt: Iterable<number>): number {
  let point = doneUpTo;
  for (const createdAt of inProgressCreatedAt) point = Math.min(point, createdAt - 1);
  return point;
}

/**
 * The server's clock is known only to about a second (the `Date` header's
 * whole seconds, the request's latency). A catch-up point taken from it
 * rather than from a message's own time is set this much earlier: a message
 * created in that second is looked at once more (its reply, or its listing,
 * is found and not repeated) instead of being skipped.
 */
export const serverClockMarginMs = 2_000;

export function catchUpPointFromClock(serverNow: number): number {
  return serverNow - serverClockMarginMs;
}
