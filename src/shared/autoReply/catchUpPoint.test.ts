import { describe, expect, it } from 'vitest';
import { catchUpPointFromClock, safeCatchUpPoint } from './catchUpPoint.ts';
import { createServerClock } from './serverClock.ts';

describe('the catch-up point', () => {
  it('moves up to the newest message dealt with when nothing is in progress', () => {
    expect(safeCatchUpPoint(5_000, [])).toBe(5_000);
  });

  it('stays just before the oldest message still being worked on', () => {
    expect(safeCatchUpPoint(5_000, [4_000, 3_000])).toBe(2_999);
    expect(safeCatchUpPoint(2_000, [4_000])).toBe(2_000);
  });

  it('taken from the estimated server clock, is never after the server’s real time, whatever the millisecond of the Date header', () => {
    const skewMs = 37_000; // the browser's clock runs ahead of the server's
    for (let serverTime = 1_800_000_000_000; serverTime < 1_800_000_001_000; serverTime += 7) {
      for (const latencyMs of [0, 40, 300]) {
        let browserTime = serverTime + skewMs;
        const clock = createServerClock(() => browserTime);
        const headerSecond = Math.floor(serverTime / 1_000) * 1_000;
        browserTime += latencyMs;
        clock.learnFromDateHeader(new Date(headerSecond).toUTCString(), browserTime);
        // Switched on right away: a message created at this instant by the server's clock must come after the point.
        expect(catchUpPointFromClock(clock.now())).toBeLessThan(serverTime + latencyMs);
      }
    }
  });
});
