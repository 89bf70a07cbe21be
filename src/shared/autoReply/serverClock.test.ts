import { describe, expect, it } from 'vitest';
import { createServerClock } from './serverClock.ts';

const minute = 60_000;
const serverNow = Date.parse('2026-11-27T10:00:00.000Z');

describe('server clock', () => {
  it('is the browser clock until it learns anything', () => {
    const clock = createServerClock(() => serverNow);
    expect(clock.now()).toBe(serverNow);
  });

  it('follows the Date header when the browser runs 20 minutes ahead', () => {
    const browser = serverNow + 20 * minute;
    const clock = createServerClock(() => browser);
    clock.learnFromDateHeader(new Date(serverNow).toUTCString(), browser);
    expect(Math.abs(clock.now() - serverNow)).toBeLessThanOrEqual(1_000);
  });

  it('follows the Date header when the browser runs 20 minutes behind', () => {
    const browser = serverNow - 20 * minute;
    const clock = createServerClock(() => browser);
    clock.learnFromDateHeader(new Date(serverNow).toUTCString(), browser);
    expect(Math.abs(clock.now() - serverNow)).toBeLessThanOrEqual(1_000);
  });

  it('never puts the server behind a post it has just created', () => {
    const browser = serverNow - 20 * minute;
    const clock = createServerClock(() => browser);
    clock.learnFromDateHeader(new Date(serverNow - 900).toUTCString(), browser);
    clock.learnFromLivePost(serverNow + 300, browser);
    expect(clock.now()).toBeGreaterThanOrEqual(serverNow + 300);
  });

  it('learns from live posts alone when no header was read', () => {
    const browser = serverNow + 20 * minute;
    const clock = createServerClock(() => browser);
    clock.learnFromLivePost(serverNow - 50, browser);
    expect(Math.abs(clock.now() - serverNow)).toBeLessThan(100);
  });

  it('ignores a missing or unreadable header', () => {
    const clock = createServerClock(() => serverNow);
    clock.learnFromDateHeader(null, serverNow);
    clock.learnFromDateHeader('not a date', serverNow);
    expect(clock.offsetMs()).toBe(0);
  });

  it('forgets an old post bound once the header says the clocks moved apart', () => {
    let browser = serverNow;
    const clock = createServerClock(() => browser);
    clock.learnFromLivePost(serverNow, browser);
    browser = serverNow + 20 * minute;
    clock.learnFromDateHeader(new Date(serverNow).toUTCString(), browser);
    expect(Math.abs(clock.now() - serverNow)).toBeLessThanOrEqual(1_000);
  });
});
