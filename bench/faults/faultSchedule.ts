// The faults the fault-injection run injects while messages arrive, and when.
// A schedule is a list of steps done one after the other, spread evenly over
// the time messages are being sent, so that messages arrive before, during
// and after each fault.

export type Fault =
  /** The answering tab goes offline (its REST calls fail too) and its socket is dropped at once. */
  | { readonly kind: 'tab-offline'; readonly durationMs: number }
  /** Every REST request of the workspace's tabs is answered with a server error. */
  | { readonly kind: 'server-errors'; readonly durationMs: number; readonly status: 500 | 502 | 503 }
  /** Every REST request of the workspace's tabs is answered 429 with Retry-After. */
  | { readonly kind: 'rate-limited'; readonly durationMs: number; readonly retryAfterSeconds: number }
  /** The Mattermost server is stopped and started again. */
  | { readonly kind: 'server-restart' }
  /** The answering tab is reloaded. */
  | { readonly kind: 'answering-tab-reload' }
  /** A second tab of the same workspace is opened; it stays until second-tab-close. */
  | { readonly kind: 'second-tab-open' }
  | { readonly kind: 'second-tab-close' };

export type FaultKind = Fault['kind'];

export interface ScheduledFault {
  readonly fault: Fault;
  /** Milliseconds after the first message is sent. */
  readonly startMs: number;
}

/** A fault as it was carried out. */
export interface InjectedFault {
  readonly fault: Fault;
  /** Milliseconds after the first message. */
  readonly startMs: number;
  readonly endMs: number;
  /** Why it could not be carried out, when it could not. */
  readonly error?: string;
}

/** How long a fault holds by design; instant ones take what they take (a restart some seconds). */
export function plannedDurationMs(fault: Fault): number {
  return 'durationMs' in fault ? fault.durationMs : 0;
}

/**
 * Spreads the faults over `spanMs`: equal gaps before, between and after
 * them (the last gap leaves messages arriving after the last fault). Fails
 * when they cannot fit with `instantAllowanceMs` for each instant fault.
 */
export function scheduleFaults(faults: readonly Fault[], spanMs: number, instantAllowanceMs: number): ScheduledFault[] {
  const busyMs = faults.reduce((sum, fault) => sum + Math.max(plannedDurationMs(fault), instantAllowanceMs), 0);
  const gapMs = (spanMs - busyMs) / (faults.length + 1);
  if (gapMs < 0) throw new Error(`${faults.length} faults need ${busyMs} ms, more than the ${spanMs} ms messages are sent over.`);
  let at = gapMs;
  return faults.map((fault) => {
    const scheduled = { fault, startMs: Math.round(at) };
    at += Math.max(plannedDurationMs(fault), instantAllowanceMs) + gapMs;
    return scheduled;
  });
}

/** One line per fault, as the results describe it. */
export function describeFault(fault: Fault): string {
  const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;
  switch (fault.kind) {
    case 'tab-offline':
      return `answering tab offline for ${seconds(fault.durationMs)}, its socket dropped`;
    case 'server-errors':
      return `HTTP ${fault.status} to every REST request for ${seconds(fault.durationMs)}`;
    case 'rate-limited':
      return `HTTP 429 (Retry-After: ${fault.retryAfterSeconds}) to every REST request for ${seconds(fault.durationMs)}`;
    case 'server-restart':
      return 'Mattermost server restarted';
    case 'answering-tab-reload':
      return 'answering tab reloaded';
    case 'second-tab-open':
      return 'second tab of the workspace opened';
    case 'second-tab-close':
      return 'second tab closed';
  }
}

/** The fault in force when a message was sent, or that ended at most `marginMs` before, if any. */
export function faultAround(injected: readonly InjectedFault[], atMs: number, marginMs: number): InjectedFault | undefined {
  return injected.find((entry) => atMs >= entry.startMs && atMs <= entry.endMs + marginMs);
}
