/**
 * The server's clock as a tab estimates it. Post times, "too old", throttle
 * windows and schedules all compare with the server's timestamps, so a
 * browser whose clock runs ahead or behind must not shift them.
 *
 * Two sources: the `Date` header of every REST answer (whole seconds, so the
 * server's time lies within a second after it), and each live post, which the
 * server created no later than the moment it reached the tab.
 */
export interface ServerClock {
  /** The server's time now, in epoch milliseconds. */
  now(): number;
  /** Server time minus browser time. */
  offsetMs(): number;
  learnFromDateHeader(dateHeader: string | null, receivedAt: number): void;
  learnFromLivePost(createAt: number, receivedAt: number): void;
}

export function createServerClock(browserNow: () => number = Date.now): ServerClock {
  let headerOffset: number | undefined;
  let lowerBound: number | undefined;

  const offsetMs = () => {
    if (headerOffset === undefined) return lowerBound ?? 0;
    return lowerBound === undefined ? headerOffset : Math.max(headerOffset, lowerBound);
  };

  return {
    now: () => browserNow() + offsetMs(),
    offsetMs,
    learnFromDateHeader(dateHeader, receivedAt) {
      if (!dateHeader) return;
      const serverSecond = Date.parse(dateHeader);
      if (Number.isNaN(serverSecond)) return;
      // The header drops the milliseconds: the middle of that second is the best guess.
      headerOffset = serverSecond + 500 - receivedAt;
      // A bound learnt before a clock change would pin the estimate; the header resets it.
      if (lowerBound !== undefined && Math.abs(lowerBound - headerOffset) > 2_000) lowerBound = undefined;
    },
    learnFromLivePost(createAt, receivedAt) {
      const bound = createAt - receivedAt;
      lowerBound = lowerBound === undefined ? bound : Math.max(lowerBound, bound);
    },
  };
}
