import type { Leadership } from '../shared/autoReply/autoReplyHealth.ts';
import { heldUntil } from '../shared/lockHolding.ts';

/**
 * The Web Lock through which the tabs of one browser elect the one that
 * answers for an account. A tab asks only while it can answer and withdraws
 * (or gives up the lock) as soon as it cannot, so it never blocks one that can.
 */
export interface LeadershipLock {
  holding(): boolean;
  /** Asks for the named lock unless already asking for it; `onAcquired` runs each time it is granted. */
  ask(name: string, onAcquired: () => void): void;
  /** Withdraws a pending request or gives up the lock. */
  giveUp(): void;
  /** Who holds the named lock: this tab, another tab of this browser, or nobody. */
  describe(name: string | undefined): Promise<Leadership>;
}

export function createLeadershipLock(locks: LockManager = navigator.locks): LeadershipLock {
  type Request = { name: string; withdraw: AbortController; release: () => void };
  let current: Request | undefined;
  let heldBy: Request | undefined;
  const holding = () => heldBy !== undefined && heldBy === current;
  const giveUp = () => {
    if (!current) return;
    current.withdraw.abort();
    current.release();
    current = undefined;
    heldBy = undefined;
  };

  return {
    holding,
    ask(name, onAcquired) {
      if (current?.name === name) return;
      giveUp();
      const withdraw = new AbortController();
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      const request = { name, withdraw, release };
      current = request;
      locks
        .request(name, { signal: withdraw.signal }, () => {
          if (current !== request) return undefined;
          heldBy = request;
          onAcquired();
          return heldUntil(
            released.then(() => {
              if (heldBy === request) heldBy = undefined;
            }),
          );
        })
        // A withdrawn request rejects with an AbortError: nothing to report.
        .catch(() => undefined);
    },
    giveUp,
    async describe(name) {
      if (name === undefined) return 'none';
      if (holding() && current?.name === name) return 'this-tab';
      const { held = [] } = await locks.query();
      return held.some((lock) => lock.name === name) ? 'other-tab' : 'none';
    },
  };
}
