import { describe, expect, it } from 'vitest';
import { wordList } from './wordList.ts';

describe('a typed word list', () => {
  it('splits at commas, Chinese commas and new lines, and drops empty words', () => {
    expect(wordList('thanks, ok ,\n收到，好的、谢谢,, ')).toEqual(['thanks', 'ok', '收到', '好的', '谢谢']);
  });

  it('gives the same list while a separator is being typed', () => {
    expect(wordList('thanks, ')).toEqual(wordList('thanks'));
  });
});
