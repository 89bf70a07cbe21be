import { describe, expect, it } from 'vitest';
import { summariseProfile, type CpuProfile } from './cpuProfile.ts';

const frame = (functionName: string, url = '') => ({ functionName, url });

// (root) ─┬─ (idle)
//         ├─ onMessage  chrome-extension://x/content.js ── JSON.parse (built-in)
//         └─ render     http://server/harness.js
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 3, 5] },
    { id: 2, callFrame: frame('(idle)') },
    { id: 3, callFrame: frame('onMessage', 'chrome-extension://x/content.js'), children: [4] },
    { id: 4, callFrame: frame('parse') },
    { id: 5, callFrame: frame('render', 'http://server/harness.js') },
  ],
  startTime: 0,
  endTime: 10_000,
  samples: [2, 3, 4, 4, 5, 2],
  timeDeltas: [1000, 1000, 500, 500, 2000, 5000],
};

describe('summariseProfile', () => {
  const summary = summariseProfile(profile, (url) => url.startsWith('chrome-extension://'));

  it('leaves idle samples out of the busy time', () => {
    expect(summary.busyMs).toBe(4);
    expect(summary.spanMs).toBe(10);
  });

  it('counts a built-in for the script that called it', () => {
    expect(summary.oursMs).toBe(2);
  });
});
