import { describe, expect, it } from 'vitest';
import { linesAsTextParts, mapInSlices, runAtOnce, runWithBreaks, splitLines } from './slicedWork.ts';

describe('sliced work on a big log', () => {
  it('splits text into lines without line breaks or empty lines', () => {
    expect(runAtOnce(splitLines('one\ntwo\n\nthree'))).toEqual(['one', 'two', 'three']);
    expect(runAtOnce(splitLines(''))).toEqual([]);
  });

  it('maps in slices, leaving out what maps to undefined', () => {
    const numbers = Array.from({ length: 2_500 }, (_, index) => index);
    expect(runAtOnce(mapInSlices(numbers, (number) => (number % 2 === 0 ? number : undefined)))).toHaveLength(1_250);
  });

  it('writes lines as text parts that join into the whole file', () => {
    const lines = Array.from({ length: 2_500 }, (_, index) => `line ${index}`);
    const parts = runAtOnce(linesAsTextParts(lines, (line) => line.toUpperCase()));
    expect(parts).toHaveLength(3);
    expect(parts.join('')).toBe(`${lines.map((line) => line.toUpperCase()).join('\n')}\n`);
  });

  it('takes a break whenever the time budget is used up, and gives the same result as at once', async () => {
    const text = Array.from({ length: 50_000 }, (_, index) => `{"msg":"line ${index}"}`).join('\n');
    let breaks = 0;
    const lines = await runWithBreaks(splitLines(text), () => {
      breaks += 1;
      return Promise.resolve();
    }, 0);
    expect(lines).toEqual(runAtOnce(splitLines(text)));
    expect(breaks).toBeGreaterThanOrEqual(49);
  });
});
