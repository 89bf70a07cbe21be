import { describe, expect, it } from 'vitest';
import { mapConcurrently, sleep } from './concurrency.ts';

describe('mapConcurrently', () => {
  it('keeps the order of the items and never runs more than the limit at once', async () => {
    let running = 0;
    let mostAtOnce = 0;
    const results = await mapConcurrently([30, 5, 20, 1, 10], 2, async (ms, index) => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      await sleep(ms);
      running -= 1;
      return index * 10;
    });
    expect(results).toEqual([0, 10, 20, 30, 40]);
    expect(mostAtOnce).toBe(2);
  });

  it('does nothing for no items', async () => {
    expect(await mapConcurrently([], 4, async () => 1)).toEqual([]);
  });
});
