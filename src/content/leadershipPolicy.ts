import type { SocketConnection } from '../shared/autoReply/autoReplyHealth.ts';

/** A leader whose socket stays down this long hands over to a tab that can answer. */
export const socketDownGraceMs = 30_000;

export interface LeadershipFacts {
  readonly now: number;
  /** The signed-in user is known, so replies go out as the right person. */
  readonly accountKnown: boolean;
  readonly socket: SocketConnection;
  /** This tab holds the lock now. */
  readonly holding: boolean;
}

/**
 * Whether this tab should hold (or ask for) the account's leadership lock.
 * Only a tab that can answer asks: it knows the user and watches a connected
 * socket. A leader keeps the lock through a short drop, so a blip does not
 * hand over, and gives it up when the drop lasts.
 */
export function wantsLeadership({ now, accountKnown, socket, holding }: LeadershipFacts): boolean {
  if (!accountKnown) return false;
  if (socket.state === 'connected') return true;
  return holding && socket.state === 'down' && now - socket.since < socketDownGraceMs;
}
