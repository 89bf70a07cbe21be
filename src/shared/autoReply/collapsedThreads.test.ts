import { describe, expect, it } from 'vitest';
import { collapsedThreadsOn } from './collapsedThreads.ts';

describe('collapsed threads for the user', () => {
  it('follows the server where it leaves no choice', () => {
    expect(collapsedThreadsOn('disabled', 'on')).toBe(false);
    expect(collapsedThreadsOn('always_on', 'off')).toBe(true);
  });

  it('follows the user’s choice where there is one, else the server’s default', () => {
    expect(collapsedThreadsOn('default_on', undefined)).toBe(true);
    expect(collapsedThreadsOn('default_on', 'off')).toBe(false);
    expect(collapsedThreadsOn('default_off', undefined)).toBe(false);
    expect(collapsedThreadsOn('default_off', 'on')).toBe(true);
  });

  it('does not guess from a setting it does not know', () => {
    expect(collapsedThreadsOn(undefined, 'on')).toBeUndefined();
    expect(collapsedThreadsOn('sometimes', undefined)).toBeUndefined();
  });
});
