import type { SocketConnection } from '../shared/autoReply/autoReplyHealth.ts';
import type { ObservedSocketEvent } from '../shared/socketEvents.ts';

/** The webapp's socket after one observed event: frames prove it open, a close starts the "down since". */
export function nextSocketConnection(current: SocketConnection, event: ObservedSocketEvent, now: number): SocketConnection {
  switch (event.kind) {
    case 'open':
      return current.state === 'connected' ? current : { state: 'connected', since: now };
    case 'message':
      return current.state === 'connected' ? current : { state: 'connected', since: now };
    case 'close':
      return current.state === 'down' ? current : { state: 'down', since: now };
  }
}
