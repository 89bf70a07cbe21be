import { describe, expect, it } from 'vitest';
import { maximum, median, percentile } from './stats.ts';

describe('percentile', () => {
  it('takes the nearest rank, so p95 of 1..100 is 95 and p50 of 1..4 is 2', () => {
    const hundred = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile([4, 1, 3, 2], 50)).toBe(2);
    expect(median([7])).toBe(7);
  });

  it('gives the largest value for p100 and the smallest for p0', () => {
    expect(percentile([3, 9, 1], 100)).toBe(9);
    expect(percentile([3, 9, 1], 0)).toBe(1);
  });

  it('has no answer for no values', () => {
    expect(percentile([], 50)).toBeUndefined();
    expect(maximum([])).toBeUndefined();
  });
});
