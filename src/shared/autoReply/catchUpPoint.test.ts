import { describe, expect, it } from 'vitest';
import { safeCatchUpPoint } from './catchUpPoint.ts';

describe('the catch-up point', () => {
  it('moves up to the newest message dealt with when nothing is in progress', () => {
    expect(safeCatchUpPoint(5_000, [])).toBe(5_000);
  });

  it('stays just before the oldest message still being worked on', () => {
    expect(safeCatchUpPoint(5_000, [4_000, 3_000])).toBe(2_999);
    expect(safeCatchUpPoint(2_000, [4_000])).toBe(2_000);
  });
});
