/**
 * Whether the webapp's socket was heard without a gap. The webapp drops a
 * frame whose sequence number is not the next one and reconnects, and when
 * pings go unanswered it opens a new socket before the old one has closed:
 * either way something may have been missed, and the tab must not rely on
 * what it heard until a catch-up. Frames and a late close of a socket that
 * was replaced by a newer one are not the current socket's and are ignored;
 * a newer one that closes without opening (a failed reconnect) is down.
 */
export interface SocketContinuity {
  /** The socket heard now, by the observer's number for it. */
  readonly socket?: number;
  /** The sequence number the next event frame should carry. */
  readonly nextSeq?: number;
}

export type ContinuityVerdict = 'continuous' | 'gap' | 'replaced-socket';

export interface ObservedFrame {
  readonly kind: 'open' | 'message' | 'close';
  readonly socket: number;
  /** Event frames carry one; replies to the webapp's own requests do not. */
  readonly seq?: number;
}

export function nextSocketContinuity(current: SocketContinuity, frame: ObservedFrame): { state: SocketContinuity; verdict: ContinuityVerdict } {
  // Sockets are numbered as the webapp creates them: an older one was given up.
  if (current.socket !== undefined && frame.socket < current.socket) return { state: current, verdict: 'replaced-socket' };
  const newer = current.socket !== undefined && frame.socket > current.socket;
  if (frame.kind === 'open') return { state: { socket: frame.socket }, verdict: newer ? 'gap' : 'continuous' };
  // A newer socket that closes without having opened: the webapp's attempt to reconnect failed, the connection is down.
  if (frame.kind === 'close') return { state: { socket: frame.socket }, verdict: 'continuous' };
  const nextSeq = newer ? undefined : current.nextSeq;
  const state = { socket: frame.socket, ...(frame.seq === undefined ? (nextSeq === undefined ? {} : { nextSeq }) : { nextSeq: frame.seq + 1 }) };
  const skipped = newer || (frame.seq !== undefined && nextSeq !== undefined && frame.seq !== nextSeq);
  return { state, verdict: skipped ? 'gap' : 'continuous' };
}
