import { describe, expect, it } from 'vitest';
import { nextSocketContinuity, type ObservedFrame, type SocketContinuity } from './socketContinuity.ts';

/** Feeds frames one at a time, as the tab does. */
function stepper() {
  let state: SocketContinuity = {};
  return {
    step(frame: ObservedFrame): string {
      const next = nextSocketContinuity(state, frame);
      state = next.state;
      return next.verdict;
    },
    state: () => state,
  };
}

function verdicts(frames: ObservedFrame[]): string[] {
  const { step } = stepper();
  return frames.map(step);
}

describe('socket continuity', () => {
  it('takes frames numbered one after the other, and replies without a number, as continuous', () => {
    expect(
      verdicts([
        { kind: 'open', socket: 1 },
        { kind: 'message', socket: 1, seq: 0 },
        { kind: 'message', socket: 1 },
        { kind: 'message', socket: 1, seq: 1 },
        { kind: 'close', socket: 1 },
      ]),
    ).toEqual(['continuous', 'continuous', 'continuous', 'continuous', 'continuous']);
  });

  it('sees a gap where a frame’s number is skipped', () => {
    expect(verdicts([{ kind: 'open', socket: 1 }, { kind: 'message', socket: 1, seq: 0 }, { kind: 'message', socket: 1, seq: 2 }])).toEqual([
      'continuous',
      'continuous',
      'gap',
    ]);
  });

  it('sees a gap where a new socket opens before the old one closed, and ignores the old one from then on', () => {
    expect(
      verdicts([
        { kind: 'open', socket: 1 },
        { kind: 'message', socket: 1, seq: 0 },
        { kind: 'open', socket: 2 },
        { kind: 'message', socket: 1, seq: 1 },
        { kind: 'close', socket: 1 },
        { kind: 'message', socket: 2, seq: 0 },
      ]),
    ).toEqual(['continuous', 'continuous', 'gap', 'replaced-socket', 'replaced-socket', 'continuous']);
  });

  it('starts counting afresh on a new socket after a close', () => {
    expect(
      verdicts([
        { kind: 'open', socket: 1 },
        { kind: 'message', socket: 1, seq: 5 },
        { kind: 'close', socket: 1 },
        { kind: 'open', socket: 2 },
        { kind: 'message', socket: 2, seq: 0 },
      ]),
    ).toEqual(['continuous', 'continuous', 'continuous', 'gap', 'continuous']);
  });
});

describe('socket continuity while reconnecting', () => {
  it('takes the close of a newer socket that never opened as the connection down, and ignores the older one’s late close', () => {
    const { step, state } = stepper();
    step({ kind: 'open', socket: 1 });
    step({ kind: 'message', socket: 1, seq: 0 });
    expect(step({ kind: 'close', socket: 2 })).toBe('continuous');
    expect(state().socket).toBe(2);
    expect(step({ kind: 'close', socket: 1 })).toBe('replaced-socket');
    expect(step({ kind: 'open', socket: 3 })).toBe('gap');
  });
});

describe('socket continuity with a second socket in the page', () => {
  it('hears the webapp’s socket again, after a gap, once a plugin’s newer socket closes', () => {
    const { step, state } = stepper();
    step({ kind: 'open', socket: 1 });
    step({ kind: 'message', socket: 1, seq: 0 });
    expect(step({ kind: 'open', socket: 2 })).toBe('gap');
    expect(step({ kind: 'message', socket: 2, seq: 0 })).toBe('continuous');
    expect(step({ kind: 'close', socket: 2 })).toBe('fell-back');
    expect(step({ kind: 'message', socket: 1, seq: 7 })).toBe('continuous');
    expect(step({ kind: 'message', socket: 1, seq: 8 })).toBe('continuous');
    expect(step({ kind: 'close', socket: 1 })).toBe('continuous');
    expect(state().open).toEqual([]);
  });
});
