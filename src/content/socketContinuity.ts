/**
 * Whether the webapp's socket was heard without a gap. The webapp drops a
 * frame whose sequence number is not the next one and reconnects, and when
 * pings go unanswered it opens a new socket before the old one has closed:
 * either way something may have been missed, and the tab must not rely on
 * what it heard until a catch-up. Sockets are numbered as the page creates
 * them; the newest open one is heard, and frames and a late close of an
 * older one are ignored. A newer one that closes without opening is a failed
 * reconnect: the connection is down. When the socket heard closes while an
 * older one is still open (a plugin such as Calls opens its own socket to the
 * same endpoint, carrying the same events), that one is heard from then on,
 * after a gap.
 */
export interface SocketContinuity {
  /** The socket heard now, by the observer's number for it. */
  readonly socket?: number;
  /** Sockets that opened and have not closed, oldest first. */
  readonly open?: readonly number[];
  /** The sequence number the next event frame should carry. */
  readonly nextSeq?: number;
}

/** `fell-back`: the socket heard closed and an older open one is heard instead; the connection is up, after a gap. */
export type ContinuityVerdict = 'continuous' | 'gap' | 'fell-back' | 'replaced-socket';

export interface ObservedFrame {
  readonly kind: 'open' | 'message' | 'close';
  readonly socket: number;
  /** Event frames carry one; replies to the webapp's own requests do not. */
  readonly seq?: number;
}

export function nextSocketContinuity(current: SocketContinuity, frame: ObservedFrame): { state: SocketContinuity; verdict: ContinuityVerdict } {
  const open = current.open ?? [];
  const newer = current.socket !== undefined && frame.socket > current.socket;
  switch (frame.kind) {
    case 'open':
      if (current.socket !== undefined && frame.socket < current.socket) return { state: { ...current, open: [...open, frame.socket].sort((a, b) => a - b) }, verdict: 'replaced-socket' };
      return { state: { socket: frame.socket, open: [...open.filter((socket) => socket !== frame.socket), frame.socket] }, verdict: newer ? 'gap' : 'continuous' };
    case 'close': {
      const stillOpen = open.filter((socket) => socket !== frame.socket);
      if (current.socket !== undefined && frame.socket < current.socket) return { state: { ...current, open: stillOpen }, verdict: 'replaced-socket' };
      const fallback = frame.socket === current.socket ? stillOpen.at(-1) : undefined;
      if (fallback !== undefined) return { state: { socket: fallback, open: stillOpen }, verdict: 'fell-back' };
      // The socket heard, or a newer one that never opened (a failed reconnect): down.
      return { state: { socket: frame.socket, open: stillOpen }, verdict: 'continuous' };
    }
    case 'message': {
      if (current.socket !== undefined && frame.socket < current.socket) return { state: current, verdict: 'replaced-socket' };
      const nextSeq = newer ? undefined : current.nextSeq;
      const state = {
        socket: frame.socket,
        open: open.includes(frame.socket) ? open : [...open, frame.socket],
        ...(frame.seq === undefined ? (nextSeq === undefined ? {} : { nextSeq }) : { nextSeq: frame.seq + 1 }),
      };
      const skipped = newer || (frame.seq !== undefined && nextSeq !== undefined && frame.seq !== nextSeq);
      return { state, verdict: skipped ? 'gap' : 'continuous' };
    }
  }
}
