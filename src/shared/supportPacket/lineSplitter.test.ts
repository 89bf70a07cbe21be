import { describe, expect, it } from 'vitest';
import { LineSplitter } from './lineSplitter.ts';

describe('splitting a streamed log into lines', () => {
  it('keeps a line cut between two chunks whole', () => {
    const splitter = new LineSplitter();
    expect(splitter.push('{"msg":"one"}\n{"msg":"t')).toEqual(['{"msg":"one"}']);
    expect(splitter.push('wo"}\n\n{"msg":"three"}')).toEqual(['{"msg":"two"}']);
    expect(splitter.end()).toEqual(['{"msg":"three"}']);
  });

  it('gives nothing more at the end of text that ended with a line break', () => {
    const splitter = new LineSplitter();
    expect(splitter.push('a\nb\n')).toEqual(['a', 'b']);
    expect(splitter.end()).toEqual([]);
  });
});
