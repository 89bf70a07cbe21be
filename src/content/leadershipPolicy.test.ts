import { describe, expect, it } from 'vitest';
import { socketDownGraceMs, wantsLeadership } from './leadershipPolicy.ts';

const now = 1_000_000;
const connected = { state: 'connected', since: now - 1 } as const;

describe('leadership', () => {
  it('is asked for by a tab that knows the user and watches a connected socket', () => {
    expect(wantsLeadership({ now, accountKnown: true, socket: connected, holding: false })).toBe(true);
  });

  it('is never asked for by a tab that has not seen the webapp’s socket', () => {
    expect(wantsLeadership({ now, accountKnown: true, socket: { state: 'never-seen' }, holding: false })).toBe(false);
  });

  it('is never asked for or kept without a known user', () => {
    expect(wantsLeadership({ now, accountKnown: false, socket: connected, holding: false })).toBe(false);
    expect(wantsLeadership({ now, accountKnown: false, socket: connected, holding: true })).toBe(false);
  });

  it('is not asked for while the socket is down', () => {
    expect(wantsLeadership({ now, accountKnown: true, socket: { state: 'down', since: now - 1 }, holding: false })).toBe(false);
  });

  it('is kept through a short drop and given up when the drop lasts', () => {
    const shortDrop = { state: 'down', since: now - socketDownGraceMs + 1 } as const;
    const longDrop = { state: 'down', since: now - socketDownGraceMs } as const;
    expect(wantsLeadership({ now, accountKnown: true, socket: shortDrop, holding: true })).toBe(true);
    expect(wantsLeadership({ now, accountKnown: true, socket: longDrop, holding: true })).toBe(false);
  });
});
