import { describe, expect, it } from 'vitest';
import { describeFault, faultAround, scheduleFaults, type Fault, type InjectedFault } from './faultSchedule.ts';

const faults: Fault[] = [
  { kind: 'tab-offline', durationMs: 10_000 },
  { kind: 'server-restart' },
  { kind: 'rate-limited', durationMs: 20_000, retryAfterSeconds: 3 },
];

describe('scheduleFaults', () => {
  it('keeps the order and leaves equal gaps before, between and after the faults', () => {
    // 10 s + 5 s allowed for the restart + 20 s = 35 s busy; 65 s left for 4 gaps.
    expect(scheduleFaults(faults, 100_000, 5_000).map(({ fault, startMs }) => [fault.kind, startMs])).toEqual([
      ['tab-offline', 16_250],
      ['server-restart', 42_500],
      ['rate-limited', 63_750],
    ]);
  });

  it('gives every fault time to end before the last messages are sent', () => {
    const schedule = scheduleFaults(faults, 60_000, 5_000);
    const last = schedule.at(-1);
    expect(last && last.startMs + 20_000).toBeLessThan(60_000);
  });

  it('refuses faults that do not fit in the span', () => {
    expect(() => scheduleFaults(faults, 30_000, 5_000)).toThrow(/more than the 30000 ms/);
  });
});

describe('describeFault', () => {
  it('names what was done and for how long', () => {
    expect(describeFault({ kind: 'rate-limited', durationMs: 8_000, retryAfterSeconds: 3 })).toBe('HTTP 429 (Retry-After: 3) to every REST request for 8 s');
    expect(describeFault({ kind: 'server-errors', durationMs: 45_000, status: 503 })).toBe('HTTP 503 to every REST request for 45 s');
    expect(describeFault({ kind: 'answering-tab-reload' })).toBe('answering tab reloaded');
  });
});

describe('faultAround', () => {
  const injected: InjectedFault[] = [
    { fault: { kind: 'tab-offline', durationMs: 10_000 }, startMs: 5_000, endMs: 15_000 },
    { fault: { kind: 'server-restart' }, startMs: 30_000, endMs: 38_000 },
  ];

  it('finds the fault a message was sent during, or just after', () => {
    expect(faultAround(injected, 5_000, 2_000)?.fault.kind).toBe('tab-offline');
    expect(faultAround(injected, 16_500, 2_000)?.fault.kind).toBe('tab-offline');
    expect(faultAround(injected, 39_000, 2_000)?.fault.kind).toBe('server-restart');
  });

  it('finds none between faults', () => {
    expect(faultAround(injected, 4_999, 2_000)).toBeUndefined();
    expect(faultAround(injected, 20_000, 2_000)).toBeUndefined();
  });
});
