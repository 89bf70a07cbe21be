import { describe, expect, it } from 'vitest';
import { nextSocketConnection } from './socketConnection.ts';

describe('socket connection', () => {
  it('is connected from the first open or frame', () => {
    expect(nextSocketConnection({ state: 'never-seen' }, { kind: 'open', socket: 1, url: 'ws://x/api/v4/websocket' }, 5)).toEqual({ state: 'connected', since: 5 });
    expect(nextSocketConnection({ state: 'down', since: 1 }, { kind: 'message', socket: 1, data: '{}' }, 7)).toEqual({ state: 'connected', since: 7 });
  });

  it('keeps the time it went down through repeated failed reconnects', () => {
    const down = nextSocketConnection({ state: 'connected', since: 1 }, { kind: 'close', socket: 1 }, 10);
    expect(down).toEqual({ state: 'down', since: 10 });
    expect(nextSocketConnection(down, { kind: 'close', socket: 1 }, 20)).toEqual({ state: 'down', since: 10 });
  });

  it('keeps the time it connected while frames arrive', () => {
    expect(nextSocketConnection({ state: 'connected', since: 3 }, { kind: 'message', socket: 1, data: '{}' }, 9)).toEqual({ state: 'connected', since: 3 });
  });
});
