import { describe, expect, it } from 'vitest';
import { BoundedSet } from './boundedSet.ts';

describe('bounded set', () => {
  it('remembers up to its capacity and forgets the oldest first', () => {
    const set = new BoundedSet<string>(2);
    set.add('a');
    set.add('b');
    set.add('c');
    expect([set.has('a'), set.has('b'), set.has('c'), set.size]).toEqual([false, true, true, 2]);
  });

  it('counts a value added again as new', () => {
    const set = new BoundedSet<string>(2);
    set.add('a');
    set.add('b');
    set.add('a');
    set.add('c');
    expect([set.has('a'), set.has('b')]).toEqual([true, false]);
  });
});
