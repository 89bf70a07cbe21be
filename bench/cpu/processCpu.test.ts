import { describe, expect, it } from 'vitest';
import { processTicks } from './processCpu.ts';

describe('processTicks', () => {
  it('adds user and system time, also when the process name holds spaces and parentheses', () => {
    const stat = '4242 (chromium (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 56 0 0 20 0 12 0 100 0 0';
    expect(processTicks(stat)).toBe(1290);
  });
});
