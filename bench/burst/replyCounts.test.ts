import { describe, expect, it } from 'vitest';
import { countReplies } from './replyCounts.ts';

describe('countReplies', () => {
  it('tells conversations answered once from missed ones and counts every extra reply as a duplicate', () => {
    expect(countReplies([1, 0, 3, 1, 2])).toEqual({ exactlyOnce: 2, missed: 1, duplicates: 3, most: 3 });
  });

  it('reports nothing for no conversations', () => {
    expect(countReplies([])).toEqual({ exactlyOnce: 0, missed: 0, duplicates: 0, most: 0 });
  });
});
