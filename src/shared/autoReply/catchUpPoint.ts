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
