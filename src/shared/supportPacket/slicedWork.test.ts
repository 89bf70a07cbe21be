import { describe, expect, it } from 'vitest';
import { linesAsTextParts, mapInSlices, runAtOnce, runWithBreaks } from './slicedWork.ts';

describe('sliced work on a big log', () => {
  it('maps in slices, leaving out what maps to undefined', () => {
    const numbers = Array.from({ length: 2_500 }, (_, index) => index);
    expect(runAtOnce(mapInSlices(numbers, (number) => (number % 2 === 0 ? number : undefined)))).toHaveLength(1_250);
  });

  it('writes lines as text parts that join into the whole file', () => {
    const lines = Array.from({ length: 2_500 }, (_, index) => `line ${index}`);
    const parts = runAtOnce(linesAsTextParts(lines, (line) => line.toUpperCase()));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join('')).toBe(`${lines.map((line) => line.toUpperCase()).join('\n')}\n`);
  });

  it('takes a break whenever the time budget is used up, and gives the same result as at once', async () => {
    const lines = Array.from({ length: 50_000 }, (_, index) => `{"msg":"line ${index}"}`);
    let breaks = 0;
    const takeBreak = () => {
      breaks += 1;
      return Promise.resolve();
    };
    const mapped = await runWithBreaks(mapInSlices(lines, (line) => line.length), takeBreak, 0);
    expect(mapped).toEqual(runAtOnce(mapInSlices(lines, (line) => line.length)));
    expect(breaks).toBeGreaterThanOrEqual(199);
  });
});
